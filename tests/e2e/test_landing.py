"""The landing page as a visitor on a phone sees it."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import shot


@pytest.mark.parametrize("width", [390, 360])
def test_the_landing_page_buttons_fit_a_phone_screen(page: Page, width: int):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")

    buttons = page.locator("a.btn-primary, a.btn-secondary, a.btn-ghost")
    expect(buttons.first).to_be_visible()
    shot(page, f"landing-{width}", full_page=False)
    for button in buttons.all():
        if not button.is_visible():
            continue
        box = button.bounding_box()
        line = button.evaluate("b => parseFloat(getComputedStyle(b).lineHeight)")
        padding = button.evaluate(
            "b => parseFloat(getComputedStyle(b).paddingTop)"
            " + parseFloat(getComputedStyle(b).paddingBottom)"
        )
        label = button.inner_text()
        assert box["height"] <= line + padding + 2 + 0.5, f"“{label}” wraps onto two lines"
        assert box["x"] >= 16 and box["x"] + box["width"] <= width - 16, f"“{label}” is cramped"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
