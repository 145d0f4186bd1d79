from playwright.sync_api import Page, expect

from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import sign_in


def test_the_formatting_toolbar_wraps_the_selection_and_autosaves(page: Page):
    owner = make_user("ada@example.com", name="Ada Lovelace")
    portfolio = Portfolio.objects.create(owner=owner, title="Ada", slug="ada-l")
    portfolio.add_block(portfolio.pages[0]["id"], "rich_text")
    block = Portfolio.objects.get(pk=portfolio.pk).pages[0]["blocks"][0]
    sign_in(page, "ada@example.com")

    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={block['id']}")
    body = page.locator("textarea[name=b-body]")
    body.fill("Engines weave patterns")
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    body.evaluate("el => el.setSelectionRange(8, 13)")
    page.get_by_role("toolbar", name="Formatting").get_by_role("button", name="Bold").click()

    expect(body).to_have_value("Engines <strong>weave</strong> patterns")
    expect(page.frame_locator("#preview").locator("strong", has_text="weave")).to_be_visible()
    saved = Portfolio.objects.get(pk=portfolio.pk).pages[0]["blocks"][0]["data"]["body"]
    assert saved == "Engines <strong>weave</strong> patterns"
