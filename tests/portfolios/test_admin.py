import pytest

from apps.portfolios.models import Portfolio, PortfolioRevision
from tests.conftest import make_user


@pytest.fixture
def admin_client(client, db):
    root = make_user("root@example.com", is_staff=True, is_superuser=True)
    client.force_login(root)
    return client


def test_admins_find_portfolios_by_owner_and_filter_published(admin_client, portfolio, alice):
    portfolio.publish(by=alice)

    found = admin_client.get("/admin/portfolios/portfolio/", {"q": "alice@example.com"})
    published = admin_client.get("/admin/portfolios/portfolio/", {"published": "yes"})

    assert (
        "Alice’s work" in found.text or "Alice&#x27;s work" in found.text or "alice" in found.text
    )
    assert (
        "/p/alice/" in admin_client.get(f"/admin/portfolios/portfolio/{portfolio.pk}/change/").text
    )
    assert "Alice’s work" in published.text
    assert (
        "Alice’s work"
        not in admin_client.get("/admin/portfolios/portfolio/", {"published": "no"}).text
    )


def test_the_unpublish_action_takes_it_offline_and_records_who(
    admin_client, portfolio, alice, client
):
    portfolio.publish(by=alice)

    admin_client.post(
        "/admin/portfolios/portfolio/",
        {
            "action": "unpublish",
            "_selected_action": [str(portfolio.pk)],
        },
    )

    assert Portfolio.objects.get(pk=portfolio.pk).live is None
    note = PortfolioRevision.objects.filter(portfolio=portfolio).first()
    assert "Unpublished by root@example.com (admin)" in note.label


def test_admins_filter_portfolios_by_theme(admin_client, portfolio, bob):
    other = Portfolio.objects.create(owner=bob, title="Bob’s bold site", slug="bob-bold")
    other.set_design({"theme": "bold"})

    r = admin_client.get("/admin/portfolios/portfolio/", {"theme": "bold"})

    assert "Bob’s bold site" in r.text
    assert "Alice’s work" not in r.text


def test_the_admin_cannot_store_an_invalid_document(admin_client, portfolio, alice):
    url = f"/admin/portfolios/portfolio/{portfolio.pk}/change/"
    form = {
        "owner": str(alice.pk),
        "title": "T",
        "slug": "alice",
        "visibility": "public",
        "goal": "job",
        "role": "",
        "seo_title": "",
        "seo_description": "",
        "design": '{"theme": "minimal"}',
        "pages": '[{"id": "x", "slug": "home", "title": "Home", "blocks": [{"type": "evil"}]}]',
    }

    r = admin_client.post(url, form)

    assert r.status_code == 200
    assert "pages[0].id: must be an id." in r.text
    portfolio.refresh_from_db()
    assert portfolio.pages[0]["blocks"][0]["type"] == "hero"


def test_the_chat_kill_switch_turns_off_a_portfolios_chat_and_its_form(admin_client, alice):
    from django.test import Client

    from tests.audience.conftest import portfolio_with_chat

    portfolio = portfolio_with_chat(alice)
    visitor = Client()
    assert f"/ask/{portfolio.pk}/" in visitor.get("/p/alice/").text  # now cached

    admin_client.post(
        "/admin/portfolios/portfolio/",
        {"action": "block_chat", "_selected_action": [str(portfolio.pk)]},
    )

    portfolio.refresh_from_db()
    assert portfolio.chat_blocked and portfolio.chat_enabled  # the owner's choice stays
    assert f"/ask/{portfolio.pk}/" not in visitor.get("/p/alice/").text
    blocked = admin_client.get("/admin/portfolios/portfolio/", {"chat_blocked__exact": "1"})
    assert "Alice’s work" in blocked.text

    admin_client.post(
        "/admin/portfolios/portfolio/",
        {"action": "unblock_chat", "_selected_action": [str(portfolio.pk)]},
    )
    assert f"/ask/{portfolio.pk}/" in visitor.get("/p/alice/").text
