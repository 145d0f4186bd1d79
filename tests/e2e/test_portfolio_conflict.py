from playwright.sync_api import Page, expect

from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.e2e.editor import slow_network


def a_portfolio() -> Portfolio:
    ada = make_user("ada@example.com", name="Ada Lovelace")
    portfolio = Portfolio.objects.create(owner=ada, title="Ada’s work", slug="ada")
    home = portfolio.pages[0]["id"]
    portfolio.add_block(home, "hero")
    portfolio.add_block(home, "about")
    portfolio.refresh_from_db()
    return portfolio


def second_tab(page: Page) -> tuple[Page, list[str]]:
    """Another tab of the same signed-in browser, watched for script errors like the first."""
    tab = page.context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    return tab, problems


def block_ids(portfolio: Portfolio) -> list[str]:
    return [b["id"] for b in portfolio.pages[0]["blocks"]]


def saved_data(portfolio: Portfolio, index: int) -> dict:
    portfolio.refresh_from_db()
    return portfolio.pages[0]["blocks"][index]["data"]


def test_a_stale_tab_is_shown_both_versions_and_can_keep_its_own(page: Page):
    portfolio = a_portfolio()
    hero = block_ids(portfolio)[0]
    sign_in(page, "ada@example.com")
    tab_b, problems = second_tab(page)
    url = f"/portfolios/{portfolio.pk}/edit/?block={hero}"
    page.goto(url)
    tab_b.goto(url)

    page.locator("[name=b-heading]").fill("Written in tab A")
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")

    tab_b.locator("[name=b-heading]").fill("Written in tab B")
    panel = tab_b.locator(".item-form")
    expect(panel).to_contain_text("This block changed in another tab or window.")
    expect(panel.locator("[data-side=theirs]").first).to_have_text("Written in tab A")
    expect(panel.locator("[data-side=mine]").first).to_have_text("Written in tab B")
    assert saved_data(portfolio, 0)["heading"] == "Written in tab A"
    shot(tab_b, "editor-conflict", full_page=False)

    panel.get_by_role("button", name="Keep my edit").click()
    expect(tab_b.locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(tab_b.locator("[name=b-heading]")).to_have_value("Written in tab B")
    assert saved_data(portfolio, 0)["heading"] == "Written in tab B"

    tab_b.reload()
    expect(tab_b.locator("[name=b-heading]")).to_have_value("Written in tab B")
    expect(tab_b.frame_locator("#preview").locator("h1")).to_have_text("Written in tab B")
    page.reload()
    expect(page.locator("[name=b-heading]")).to_have_value("Written in tab B")
    assert problems == []


def test_edits_to_different_blocks_from_two_tabs_both_survive(page: Page):
    portfolio = a_portfolio()
    hero, about = block_ids(portfolio)
    sign_in(page, "ada@example.com")
    tab_b, problems = second_tab(page)
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={hero}")
    tab_b.goto(f"/portfolios/{portfolio.pk}/edit/?block={about}")

    page.locator("[name=b-heading]").fill("Hello from tab A")
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    tab_b.locator("[name=b-heading]").fill("About, from tab B")
    expect(tab_b.locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(tab_b.locator(".item-form")).not_to_contain_text("changed in another tab")

    assert saved_data(portfolio, 0)["heading"] == "Hello from tab A"
    assert saved_data(portfolio, 1)["heading"] == "About, from tab B"
    page.reload()
    preview = page.frame_locator("#preview")
    expect(preview.locator("h1")).to_have_text("Hello from tab A")
    expect(preview.locator("h2", has_text="About, from tab B")).to_be_visible()
    expect(page.locator("#block-rows > li")).to_contain_text(
        ["Hello from tab A", "About, from tab B"]
    )
    assert problems == []


def test_on_a_slow_network_keeping_my_edit_keeps_what_i_typed_after_the_conflict(page: Page):
    portfolio = a_portfolio()
    hero = block_ids(portfolio)[0]
    sign_in(page, "ada@example.com")
    tab_b, problems = second_tab(page)
    for tab in (page, tab_b):
        slow_network(tab, "**/portfolios/*/edit/**")
        tab.goto(f"/portfolios/{portfolio.pk}/edit/?block={hero}")

    page.locator("[name=b-heading]").fill("Written in tab A")
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    heading_b = tab_b.locator("[name=b-heading]")
    heading_b.fill("Written in tab B")
    expect(tab_b.locator(".save-state")).to_have_attribute("data-state", "conflict")
    heading_b.press("End")
    heading_b.press_sequentially(", then more", delay=15)  # still typing as the panel shows
    tab_b.get_by_role("button", name="Keep my edit").click()

    expect(tab_b.locator(".save-state")).to_have_attribute("data-state", "saved", timeout=15_000)
    expect(heading_b).to_have_value("Written in tab B, then more")
    assert saved_data(portfolio, 0)["heading"] == "Written in tab B, then more"
    expect(tab_b.get_by_text("This block changed in another tab")).to_have_count(0)
    assert problems == []
