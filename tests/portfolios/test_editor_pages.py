"""Pages in the editor's outline: added and renamed through forms, with the `rev` rule."""

from bs4 import BeautifulSoup

from tests.conftest import HTMX


def page_url(portfolio, page_id: str = "", action: str = "") -> str:
    base = f"/portfolios/{portfolio.pk}/edit/pages/"
    return base + (f"{page_id}/" if page_id else "add/") + (f"{action}/" if action else "")


def test_a_page_title_that_is_too_long_is_refused_with_a_message(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(page_url(portfolio), {"title": "x" * 81}, headers=HTMX)

    assert "at most 80 characters" in r.text
    portfolio.refresh_from_db()
    assert len(portfolio.pages) == 1


def test_an_empty_title_adds_a_new_page(client, alice, portfolio):
    client.force_login(alice)

    client.post(page_url(portfolio), {"title": "  "}, headers=HTMX)

    portfolio.refresh_from_db()
    assert [(p["title"], p["slug"]) for p in portfolio.pages][1] == ("New page", "new-page")


def test_null_characters_in_a_page_title_get_a_message_not_an_error(client, alice, portfolio):
    client.force_login(alice)
    home = portfolio.pages[0]["id"]

    added = client.post(page_url(portfolio), {"title": "a\x00b"}, headers=HTMX)
    renamed = client.post(
        page_url(portfolio, home), {"title": "a\x00b", "slug": "home", "rev": 1}, headers=HTMX
    )

    assert added.status_code == renamed.status_code == 200
    assert "Null characters are not allowed." in added.text
    assert "Null characters are not allowed." in renamed.text
    portfolio.refresh_from_db()
    assert [p["title"] for p in portfolio.pages] == ["Home"]


def test_renaming_from_a_stale_tab_shows_the_saved_name_and_keeps_the_typed_one(
    client, alice, portfolio
):
    client.force_login(alice)
    home = portfolio.pages[0]["id"]
    client.post(
        page_url(portfolio, home), {"title": "Start", "slug": "home", "rev": 1}, headers=HTMX
    )

    r = client.post(
        page_url(portfolio, home), {"title": "Welcome", "slug": "welcome", "rev": 1}, headers=HTMX
    )

    outline = BeautifulSoup(r.text, "html.parser")
    assert "it is now “Start” at /home/" in outline.text
    assert outline.select_one("[name=title]")["value"] == "Welcome"
    assert outline.select_one("form[hx-post$='/'] [name=rev]")["value"] == "2"
    portfolio.refresh_from_db()
    assert portfolio.pages[0]["title"] == "Start"

    client.post(
        page_url(portfolio, home), {"title": "Welcome", "slug": "welcome", "rev": 2}, headers=HTMX
    )
    portfolio.refresh_from_db()
    assert (portfolio.pages[0]["title"], portfolio.pages[0]["slug"]) == ("Welcome", "welcome")


def test_without_javascript_a_bad_address_shows_the_editor_with_the_message(
    client, alice, portfolio
):
    client.force_login(alice)
    home = portfolio.pages[0]["id"]

    r = client.post(page_url(portfolio, home), {"title": "Home", "slug": "Über uns", "rev": 1})

    assert r.status_code == 200 and "<html" in r.text
    assert "Use lowercase letters, digits and hyphens" in r.text
