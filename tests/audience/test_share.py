from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from apps.audience.models import Notification, ShareLink
from apps.core import published as published_pages
from apps.portfolios.models import Portfolio

pytestmark = pytest.mark.django_db

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0"}


def link_to(target, **fields) -> ShareLink:
    kind = "portfolio" if isinstance(target, Portfolio) else "resume"
    return ShareLink.objects.create(
        owner=target.owner, recipient="Rita", company="Acme", **{kind: target}, **fields
    )


def test_a_token_is_unguessable():
    tokens = {ShareLink(recipient="x").token for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(t) >= 32 for t in tokens)  # 24 random bytes = 192 bits


def test_a_private_portfolio_shows_its_live_version_to_the_recipient(client, published):
    published.visibility = Portfolio.Visibility.PRIVATE
    published.save()
    link = link_to(published)

    assert client.get("/p/alice/").status_code == 404
    r = client.get(link.path, headers=BROWSER)

    assert r.status_code == 200
    assert "Send message" in r.text  # the live page, with its contact form
    assert r["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in r.text
    assert "no-store" in r["Cache-Control"] and "private" in r["Cache-Control"]
    assert not r.cookies


def test_a_share_page_never_reaches_the_public_cache(client, published):
    published.visibility = Portfolio.Visibility.PRIVATE
    published.save()
    link = link_to(published)

    with (
        mock.patch.object(published_pages, "get", autospec=True) as read,
        mock.patch.object(published_pages, "put", autospec=True) as store,
    ):
        assert client.get(link.path, headers=BROWSER).status_code == 200

    read.assert_not_called()
    store.assert_not_called()
    origin = "http://testserver"
    assert cache.get(published_pages.page_key("p/alice", "", origin)) is None
    assert client.get("/p/alice/").status_code == 404


def test_its_pages_are_reachable_under_the_link(client, published):
    published.add_page("Work")
    published.publish()
    link = link_to(published)

    r = client.get(reverse("audience:share-page", args=[link.token, "work"]), headers=BROWSER)

    assert r.status_code == 200
    assert f'href="http://testserver{link.path}work/"' in r.text
    link.refresh_from_db()
    assert link.pages == {"work": 1}


def test_the_first_open_notifies_the_creator_once(
    client, published, alice, django_capture_on_commit_callbacks
):
    link = link_to(published)

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            client.get(link.path, headers=BROWSER)

    link.refresh_from_db()
    assert link.views == 3 and link.first_opened_at and link.last_opened_at
    note = Notification.objects.get(recipient=alice)
    assert note.kind == Notification.Kind.SHARE_OPENED
    assert note.message == "Rita (Acme) opened your link to “Alice’s work”"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@example.com"]


def test_the_creator_and_link_preview_bots_are_not_the_recipient(client, published, alice):
    link = link_to(published)
    client.get(link.path, headers={"User-Agent": "Slackbot-LinkExpanding 1.0"})
    client.force_login(alice)
    client.get(link.path, headers=BROWSER)

    link.refresh_from_db()
    assert link.views == 0 and link.first_opened_at is None
    assert not Notification.objects.exists()


def test_a_revoked_link_is_gone_with_a_friendly_page(client, published):
    link = link_to(published, revoked_at=timezone.now())

    r = client.get(link.path, headers=BROWSER)

    assert r.status_code == 404
    assert "This link doesn’t work" in r.text
    assert r["X-Robots-Tag"] == "noindex"


def test_an_expired_link_answers_410(client, published):
    link = link_to(published, expires_at=timezone.now() - timedelta(minutes=1))

    r = client.get(link.path, headers=BROWSER)

    assert r.status_code == 410
    assert "This link has expired" in r.text
    link.refresh_from_db()
    assert link.views == 0


def test_an_unknown_token_is_404(client, db):
    assert client.get("/s/not-a-real-token-at-all/").status_code == 404


def test_a_never_published_portfolio_says_so(client, alice):
    portfolio = Portfolio.objects.create(owner=alice, title="Draft", slug="draft")
    r = client.get(link_to(portfolio).path, headers=BROWSER)
    assert r.status_code == 404
    assert "hasn’t published it yet" in r.text


def test_a_resume_link_offers_the_pdf_only_when_allowed(client, resume):
    plain, downloadable = link_to(resume), link_to(resume, allow_download=True)

    assert "/pdf/" not in client.get(plain.path, headers=BROWSER).text
    assert client.get(f"{plain.path}pdf/", headers=BROWSER).status_code == 404
    page = client.get(downloadable.path, headers=BROWSER)
    assert f'href="{downloadable.path}pdf/"' in page.text
    r = client.get(f"{downloadable.path}pdf/", headers=BROWSER)

    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["X-Robots-Tag"] == "noindex"
    downloadable.refresh_from_db()
    assert downloadable.downloads == 1


def test_a_private_resume_is_shown_to_the_recipient(client, resume):
    resume.visibility = resume.Visibility.PRIVATE
    resume.save()
    assert client.get("/r/alice-cv/").status_code == 404
    r = client.get(link_to(resume).path, headers=BROWSER)
    assert r.status_code == 200
    assert resume.content["basics"]["name"] in r.text
