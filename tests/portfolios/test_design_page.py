"""The design page: colour pickers beside the hex fields, and an autosave that shows its state."""

import re

from tests.conftest import HTMX

DESIGN = {"theme": "bold", "mode": "light", "width": "wide", "density": "airy"}


def url(portfolio) -> str:
    return f"/portfolios/{portfolio.pk}/design/"


def picker(html: str, field: str) -> str:
    return re.search(
        rf'<input type="color" id="id_{field}-picker" value="(#[0-9a-f]{{6}})"', html
    )[1]


def test_each_colour_has_a_picker_showing_the_typed_colour_or_the_themes(client, alice, portfolio):
    portfolio.set_design({"theme": "minimal", "colors": {"accent": "#0f766e"}})
    client.force_login(alice)

    r = client.get(url(portfolio))

    assert picker(r.text, "accent") == "#0f766e"
    assert picker(r.text, "background") == "#ffffff"  # minimal's own
    assert 'data-state="idle"' in r.text and "Changes save automatically" in r.text
    assert " style=" not in r.text


def test_an_autosave_answers_with_its_state_and_never_redraws_the_inputs(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(url(portfolio), {**DESIGN, "primary": "#0F766E"}, headers=HTMX)

    assert 'id="design-state"' in r.text and 'data-state="saved"' in r.text
    assert 'type="text"' not in r.text and 'name="theme"' not in r.text
    assert picker(r.text, "primary") == "#0f766e"
    assert picker(r.text, "background") == "#fff7ed"  # bold's, now that the theme changed
    assert "preview-refresh" in r["HX-Trigger"]
    portfolio.refresh_from_db()
    assert portfolio.design["colors"] == {"primary": "#0f766e"}


def test_a_bad_colour_is_not_saved_and_says_so_beside_the_field(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(url(portfolio), {**DESIGN, "primary": "#12"}, headers=HTMX)

    assert 'data-state="failed"' in r.text
    error = re.search(r'<div id="id_primary-error" hx-swap-oob="true">(.*?)</div>', r.text)[1]
    assert "Use a colour like #7c3aed." in error
    assert "HX-Trigger" not in r
    portfolio.refresh_from_db()
    assert portfolio.design["theme"] == "minimal"


def test_without_javascript_a_bad_colour_shows_the_page_with_the_error(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(url(portfolio), {**DESIGN, "text": "blue"})

    assert r.status_code == 200
    assert 'data-state="failed"' in r.text
    assert re.search(r'id="id_text"[^>]*value="blue"[^>]*aria-invalid="true"', r.text)
    assert "Use a colour like #7c3aed." in r.text
