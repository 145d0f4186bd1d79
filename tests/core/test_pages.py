import io

import pytest
from django.urls import reverse
from PIL import Image

from tests.conftest import HTMX


@pytest.mark.django_db
def test_the_landing_page_invites_visitors_to_sign_up(client):
    r = client.get("/")

    assert r.status_code == 200
    assert reverse("account_signup") in r.text
    assert "<h1" in r.text


def test_the_landing_page_sends_signed_in_people_to_their_dashboard(client, alice):
    client.force_login(alice)

    r = client.get("/")

    assert r.status_code == 302
    assert r.url == reverse("core:dashboard")


@pytest.mark.django_db
def test_the_landing_page_refuses_posts(client):
    assert client.post("/").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/dashboard/", "/credits/", "/settings/", "/settings/security/"])
def test_signed_in_pages_send_anonymous_visitors_to_sign_in(client, url):
    r = client.get(url)

    assert r.status_code == 302
    assert r.url.startswith(reverse("account_login") + "?next=")


def test_the_dashboard_greets_the_creator_and_shows_credits(client, alice):
    client.force_login(alice)

    r = client.get("/dashboard/")

    assert r.status_code == 200
    assert "Hi, Alice" in r.text
    assert f">{alice.ai_text_credits} <" in r.text
    for section in ["Portfolios", "Resumes", "Library", "Assets", "Credits", "Settings"]:
        assert section in r.text


def test_the_dashboard_suggests_unfinished_next_steps(client, bob):
    client.force_login(bob)

    r = client.get("/dashboard/")

    assert "Add your name, title and a short bio" in r.text
    assert "Turn on two-factor authentication" in r.text
    assert 'href="/accounts/2fa/"' in r.text


def test_the_dashboard_refuses_posts(client, alice):
    client.force_login(alice)
    assert client.post("/dashboard/", headers=HTMX).status_code == 405


def test_the_credits_page_shows_both_balances_and_the_plan(client, alice):
    from apps.ai.models import CreditEntry

    CreditEntry.objects.grant(alice, "text", -33, note="Test")
    CreditEntry.objects.grant(alice, "image", -7, note="Test")
    client.force_login(alice)

    r = client.get("/credits/")

    assert r.status_code == 200
    assert ">17<" in r.text
    assert ">3<" in r.text
    assert "Free" in r.text


def test_names_with_html_are_escaped_in_the_shell(client, alice):
    alice.name = '<script>alert("x")</script>'
    alice.save()
    client.force_login(alice)

    r = client.get("/dashboard/")

    assert '<script>alert("x")</script>' not in r.text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in r.text


@pytest.mark.django_db
def test_an_unknown_page_gets_the_styled_404(client):
    r = client.get("/no-such-page/")

    assert r.status_code == 404
    assert "We can’t find that page" in r.text
    assert "/static/css/app.css" in r.text


def test_a_server_error_gets_the_styled_500_without_leaking_details(rf):
    from apps.core.views import server_error

    r = server_error(rf.get("/"))

    assert r.status_code == 500
    assert "Something went wrong on our side" in r.content.decode()
    assert "Traceback" not in r.content.decode()


def test_next_steps_follow_the_library_and_portfolios(client, alice):
    from apps.library.models import Project
    from apps.portfolios.models import Portfolio

    client.force_login(alice)
    before = client.get("/dashboard/").text
    Project.objects.create(owner=alice, title="Clockwork")
    portfolio = Portfolio.objects.create(owner=alice, title="Site", slug="alice-site")
    portfolio.publish(by=alice)

    after = client.get("/dashboard/").text

    for step in ("Add a project to your library", "Create your portfolio", "Publish it"):
        assert step in before and step in after
    assert after.count("(done)") == before.count("(done)") + 3


@pytest.mark.django_db
def test_the_favicon_is_served_at_the_root_where_browsers_look_for_it(client):
    r = client.get("/favicon.ico")

    assert r.status_code == 200
    assert r["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(b"".join(r.streaming_content)))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    assert "max-age=86400" in r["Cache-Control"]
