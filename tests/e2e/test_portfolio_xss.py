from playwright.sync_api import Page, expect

from apps.portfolios.design import THEMES
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.portfolios.test_xss import PAYLOADS, xss_portfolio

EMBED = "<!doctype html><title>Video</title><p>A video player</p>"
TEXTAREA = "</textarea><svg onload=alert(1)>"


def test_hostile_text_runs_nowhere_in_any_theme_nor_in_the_editor(page: Page):
    portfolio = xss_portfolio(make_user("mallory@example.com", name="Mallory"))
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body=EMBED, content_type="text/html"),
    )

    # The page fixture fails the test on any alert() dialog or script error.
    for theme in THEMES:
        portfolio.set_design({"theme": theme})
        portfolio.publish()
        for path in ("", "more/"):
            page.goto(f"/p/{portfolio.slug}/{path}?look={theme}")
            expect(page.locator("body")).to_contain_class(f"theme-{theme}")
            expect(page.get_by_text(PAYLOADS[0]).first).to_be_visible()
            assert page.evaluate("typeof window.__xss") == "undefined"
        shot(page, f"xss-{theme}", full_page=False)

    sign_in(page, "mallory@example.com")
    hero = portfolio.pages[0]["blocks"][PAYLOADS.index(TEXTAREA)]  # heroes come first
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={hero['id']}")
    expect(page.locator("[name=b-subheading]")).to_have_value(TEXTAREA)
    expect(page.frame_locator("#preview").locator("h1")).to_contain_text("<script>")
    assert page.evaluate("typeof window.__xss") == "undefined"
    shot(page, "xss-editor", full_page=False)
