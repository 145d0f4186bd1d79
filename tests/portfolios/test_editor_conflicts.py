"""A block changed in another tab meanwhile: both versions are shown, nothing is overwritten,
with or without JavaScript, and the person chooses."""

from bs4 import BeautifulSoup

from tests.conftest import HTMX
from tests.portfolios.conftest import blocks
from tests.portfolios.test_editor import block_url


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_a_stale_edit_shows_the_conflict_panel_with_both_versions(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]
    client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "From tab one"}, headers=HTMX)

    r = client.post(
        block_url(portfolio, hero), {"rev": 1, "b-heading": "From tab two"}, headers=HTMX
    )

    panel = parse(r.text).select_one(f"#conflict-{hero['id']}")
    assert "This block changed in another tab or window." in panel.text
    assert panel.select_one("[data-side=theirs]").text == "From tab one"
    assert panel.select_one("[data-side=mine]").text == "From tab two"
    assert panel.select_one("button[name=keep_rev]")["value"] == "2"
    assert blocks(portfolio)[0]["data"]["heading"] == "From tab one"


def test_without_javascript_a_stale_edit_shows_the_conflict_page_too(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {"heading": "Theirs"}, based_on=1)

    r = client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "Mine"})

    assert r.status_code == 200 and "<html" in r.text
    page = parse(r.text)
    assert page.select_one("[data-side=theirs]").text == "Theirs"
    assert page.select_one("[name=b-heading]")["value"] == "Mine"
    assert page.select_one(f"#rev-{hero['id']}")["value"] == "1"
    assert blocks(portfolio)[0]["data"]["heading"] == "Theirs"


def test_keeping_my_version_after_a_conflict(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]
    client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "Theirs"}, headers=HTMX)

    client.post(
        block_url(portfolio, hero), {"rev": 1, "keep_rev": 2, "b-heading": "Mine"}, headers=HTMX
    )

    assert blocks(portfolio)[0]["data"]["heading"] == "Mine"
