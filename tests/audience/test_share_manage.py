from datetime import timedelta

import pytest
from django.utils import timezone

from apps.audience.models import ShareLink

pytestmark = pytest.mark.django_db


def manage_url(target) -> str:
    kind = "portfolios" if target.__class__.__name__ == "Portfolio" else "resumes"
    return f"/{kind}/{target.pk}/share/"


def test_it_lists_the_links_with_copyable_addresses(client, alice, published):
    link = ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    client.force_login(alice)

    r = client.get(manage_url(published))

    assert r.status_code == 200
    assert f'data-copy="http://testserver/s/{link.token}/"' in r.text
    assert "allow_download" not in r.text  # portfolios have no PDF


def test_it_creates_a_link_with_an_expiry(client, alice, published):
    client.force_login(alice)
    tomorrow = timezone.localdate() + timedelta(days=1)

    r = client.post(
        manage_url(published),
        {"recipient": "Rita", "company": "Acme", "expires_on": tomorrow.isoformat()},
    )

    assert r.status_code == 302
    link = ShareLink.objects.get()
    assert (link.portfolio, link.owner, link.company) == (published, alice, "Acme")
    assert timezone.localtime(link.expires_at).date() == tomorrow


def test_a_resume_link_may_allow_the_pdf(client, alice, resume):
    client.force_login(alice)
    assert "allow_download" in client.get(manage_url(resume)).text
    client.post(manage_url(resume), {"recipient": "Rita", "allow_download": "on"})
    assert ShareLink.objects.get(resume=resume).allow_download


def test_bad_input_is_explained(client, alice, published):
    client.force_login(alice)
    yesterday = timezone.localdate() - timedelta(days=1)

    r = client.post(manage_url(published), {"recipient": "", "expires_on": yesterday})

    assert r.status_code == 200
    assert "This field is required." in r.text
    assert "Choose today or a later day." in r.text
    assert not ShareLink.objects.exists()


def test_revoking_stops_the_link(client, alice, published):
    link = ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    client.force_login(alice)

    r = client.post(f"/share/{link.pk}/revoke/")

    assert r.status_code == 302 and r["Location"] == manage_url(published)
    assert client.get(link.path).status_code == 404


def test_other_peoples_links_and_portfolios_are_hidden(client, alice, bob, published, resume):
    link = ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    client.force_login(bob)

    assert client.get(manage_url(published)).status_code == 404
    assert client.get(manage_url(resume)).status_code == 404
    assert client.post(manage_url(published), {"recipient": "Eve"}).status_code == 404
    assert client.post(f"/share/{link.pk}/revoke/").status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None


def test_anonymous_people_are_sent_to_sign_in(client, published):
    r = client.get(manage_url(published))
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")


def test_revoke_takes_only_post(client, alice, published):
    link = ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    client.force_login(alice)
    assert client.get(f"/share/{link.pk}/revoke/").status_code == 405
    assert client.delete(manage_url(published)).status_code == 405
