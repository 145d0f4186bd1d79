"""Rich text is edited as formatted text (Trix), saved through the one HTML policy, and stays a
plain textarea of tags without JavaScript."""

from playwright.sync_api import Browser, Page, expect

from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in


def a_text_block() -> tuple[Portfolio, str]:
    owner = make_user("ada@example.com", name="Ada Lovelace")
    portfolio = Portfolio.objects.create(owner=owner, title="Ada", slug="ada-l")
    block = portfolio.add_block(portfolio.pages[0]["id"], "rich_text").block
    return portfolio, block["id"]


def stored_body(portfolio: Portfolio, block_id: str) -> str:
    portfolio.refresh_from_db()
    return portfolio.find_block(block_id)[1]["data"]["body"]


def test_formatting_shows_as_formatting_and_saves_as_allowed_html(page: Page):
    portfolio, block_id = a_text_block()
    sign_in(page, "ada@example.com")
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={block_id}")

    editor = page.get_by_role("textbox", name="Body")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Engines weave ")
    bold = page.get_by_role("button", name="Bold")
    bold.click()
    page.keyboard.type("algebraic")
    bold.click()
    expect(bold).not_to_have_class("trix-active")
    page.keyboard.type(" patterns.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bullets").click()
    page.keyboard.type("Looms")

    expect(editor.locator("strong")).to_have_text("algebraic")  # formatting, not tags
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(page.frame_locator("#preview").locator("strong")).to_have_text("algebraic")
    body = stored_body(portfolio, block_id).replace("&nbsp;", " ")  # Trix keeps edge spaces
    assert body.startswith("<p>Engines weave <strong>algebraic</strong> patterns.</p>")
    assert "<ul><li>Looms" in body and "<div" not in body
    shot(page, "editor-rich-text", full_page=False)


def test_without_javascript_rich_text_is_a_textarea_of_tags(browser: Browser, live_server):
    portfolio, block_id = a_text_block()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "ada@example.com")
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={block_id}")

    page.locator("textarea[name=b-body]").fill("<p>Plain <em>tags</em> work.</p>")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("textarea[name=b-body]")).to_have_value("<p>Plain <em>tags</em> work.</p>")
    assert stored_body(portfolio, block_id) == "<p>Plain <em>tags</em> work.</p>"
    context.close()
