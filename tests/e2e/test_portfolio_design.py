"""The design page as a person uses it: colour pickers, autosave and its visible state."""

import time

import pytest
from playwright.sync_api import Page, Route, expect

from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in


@pytest.fixture
def design_page(page: Page) -> tuple[Page, Portfolio]:
    grace = make_user("grace@example.com", name="Grace Hopper")
    portfolio = Portfolio.create_for(
        grace, title="Grace", goal="job", role="", theme="minimal", from_library=True
    )
    sign_in(page, "grace@example.com")
    page.goto(f"/portfolios/{portfolio.pk}/design/")
    return page, portfolio


def expect_state(page: Page, text: str, timeout: float = 5_000) -> None:
    """What the status says on screen (the other states' words are hidden)."""
    expect(page.locator("#design-state")).to_have_text(text, use_inner_text=True, timeout=timeout)


def stored_colours(portfolio: Portfolio) -> dict:
    portfolio.refresh_from_db()
    return portfolio.design["colors"]


def test_a_colour_picked_fills_the_hex_field_and_saves(design_page):
    page, portfolio = design_page
    expect_state(page, "Changes save automatically")

    page.get_by_label("Accent colour picker").fill("#0f766e")

    expect(page.get_by_label("Accent colour", exact=True)).to_have_value("#0f766e")
    expect_state(page, "Saved")
    assert stored_colours(portfolio) == {"accent": "#0f766e"}
    shot(page, "design-colour-picked", full_page=False)


def test_a_typed_colour_moves_the_picker_and_a_bad_one_says_not_saved(design_page):
    page, portfolio = design_page
    field = page.get_by_label("Primary colour", exact=True)

    field.press_sequentially("#12")
    expect_state(page, "Not saved")
    expect(page.locator("#id_primary-error")).to_have_text("Use a colour like #7c3aed.")
    expect(field).to_be_focused()
    expect(field).to_have_value("#12")
    shot(page, "design-not-saved", full_page=False)

    field.press_sequentially("3456")
    expect_state(page, "Saved")
    expect(page.locator("#id_primary-error")).to_have_text("")
    expect(page.get_by_label("Primary colour picker")).to_have_value("#123456")
    assert stored_colours(portfolio) == {"primary": "#123456"}


def test_typing_while_a_save_is_in_flight_loses_nothing(design_page):
    page, portfolio = design_page

    def slowly(route: Route) -> None:
        time.sleep(0.7)
        route.continue_()

    page.route("**/design/", slowly)
    field = page.get_by_label("Background", exact=True)
    field.press_sequentially("#fa")
    page.wait_for_timeout(600)  # the first save leaves and is held up…
    field.press_sequentially("f0e6")  # …while the person keeps typing
    expect_state(page, "Saved", timeout=15_000)

    expect(field).to_have_value("#faf0e6")
    expect(field).to_be_focused()
    assert stored_colours(portfolio) == {"background": "#faf0e6"}


def test_choosing_a_theme_moves_the_blank_colours_pickers_to_its_palette(design_page):
    page, _ = design_page

    page.locator("#design-form input[name=theme][value=bold]").check()

    expect_state(page, "Saved")
    expect(page.get_by_label("Background picker")).to_have_value("#fff7ed")
