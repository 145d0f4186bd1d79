"""ReDoc at /api/docs/: served from our own files, under the page's CSP, with no console error."""

from urllib.parse import urlparse

from playwright.sync_api import expect

from .conftest import shot


def test_the_api_reference_loads_from_our_own_server(page, live_server, settings):
    settings.API_DOCS_ENABLED = True
    host = urlparse(live_server.url).netloc
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))

    page.goto("/api/docs/")

    expect(page.get_by_role("heading", name="Grooya API", exact=False).first).to_be_visible()
    menu = page.locator(".menu-content")
    for tag in ("Account", "AI", "Assets", "Authentication", "OpenAI-compatible", "Published"):
        expect(menu.get_by_text(tag, exact=True).first).to_be_visible()
    page.get_by_placeholder("Search...").fill("credits")
    expect(page.get_by_role("menuitem").filter(has_text="credit").first).to_be_visible()
    shot(page, "api-docs", full_page=False)
    outside = [u for u in requests if urlparse(u).scheme in ("http", "https")
               and urlparse(u).netloc != host]  # fmt: skip
    assert outside == []
