"""The editor contract, driven like a person on a slow connection (every editor request held
300–800 ms): nothing typed is lost, a response about one block never touches another, rows can
be typed across without pausing, Back/Forward give a correct editor, and without JavaScript a
stale edit shows both versions. Any console error fails the test (tests/e2e/conftest.py)."""

from playwright.sync_api import Browser, Page, expect

from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.e2e.editor import PortfolioEditor, slow_network

EDITOR_REQUESTS = "**/portfolios/*/edit/**"


def a_portfolio(*kinds: str) -> Portfolio:
    ada = make_user("ada@example.com", name="Ada Lovelace")
    portfolio = Portfolio.objects.create(owner=ada, title="Ada’s work", slug="ada")
    for kind in kinds:
        portfolio.add_block(portfolio.pages[0]["id"], kind)
    portfolio.refresh_from_db()
    return portfolio


def ids(portfolio: Portfolio) -> list[str]:
    portfolio.refresh_from_db()
    return [b["id"] for b in portfolio.pages[0]["blocks"]]


def test_switching_blocks_mid_save_ten_times_loses_nothing(page: Page):
    portfolio = a_portfolio("hero", "about")
    hero, about = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, EDITOR_REQUESTS)

    for n in range(10):
        editor.open_block(0)
        editor.type_into(hero, "heading", f" h{n}")
        editor.open_block(1)  # hero's save is still on its way (or not even sent yet)
        editor.type_into(about, "heading", f" a{n}")
    page.wait_for_timeout(700)
    editor.settled()

    assert editor.stored(hero, "heading") == "Hello, I’m …" + "".join(f" h{n}" for n in range(10))
    assert editor.stored(about, "heading") == "About me" + "".join(f" a{n}" for n in range(10))
    assert not editor.conflict_shown()
    expect(editor.state(about)).to_have_attribute("data-state", "saved")
    expect(editor.field(about, "heading")).to_be_focused()
    expect(page.locator("#block-rows > li[data-current]")).to_have_count(1)
    expect(page.locator(f"#row-{about}")).to_have_attribute("data-current", "")
    expect(page.locator(f"#row-summary-{hero}")).to_have_text(editor.stored(hero, "heading"))


def test_typing_across_link_rows_without_pausing_keeps_every_character(page: Page):
    portfolio = a_portfolio("links")
    (links,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(links)
    slow_network(page, EDITOR_REQUESTS)
    form = editor.form(links)

    form.get_by_role("button", name="+ Add a link").click()
    row = form.locator("[data-row]").nth(0)
    expect(row.get_by_label("Platform")).to_be_focused()
    row.get_by_label("Platform").select_option("github")
    page.keyboard.press("Tab")
    page.keyboard.type("https://github.com/ada", delay=20)
    form.get_by_role("button", name="+ Add a link").click()
    second = form.locator("[data-row]").nth(1)
    second.get_by_label("Platform").select_option("linkedin")
    page.keyboard.press("Tab")
    page.keyboard.type("linkedin.com/in/ada", delay=20)
    page.keyboard.press("Tab")  # leaves the second row: now it is sent
    page.wait_for_timeout(700)
    editor.settled()

    expect(row.get_by_label("Link")).to_have_value("https://github.com/ada")
    expect(second.get_by_label("Link")).to_have_value("linkedin.com/in/ada")
    expect(form.locator(".field-error")).to_have_count(0)
    editor.wait_saved(links)
    assert editor.stored(links, "items") == [
        {"platform": "github", "url": "https://github.com/ada"},
        {"platform": "linkedin", "url": "https://linkedin.com/in/ada"},
    ]
    expect(page.frame_locator("#preview").locator(".social__label")).to_have_text(
        ["GitHub", "LinkedIn"]
    )
    shot(page, "editor-link-rows", full_page=False)


def test_a_half_filled_row_waits_with_a_message_beside_it_and_is_kept(page: Page):
    portfolio = a_portfolio("links")
    (links,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(links)
    slow_network(page, EDITOR_REQUESTS)
    form = editor.form(links)

    form.get_by_role("button", name="+ Add a link").click()
    row = form.locator("[data-row]").last
    row.get_by_label("Platform").select_option("dribbble")
    form.locator("[name='b-heading']").click()  # leaves the row with no link in it

    expect(row.locator(".field-error")).to_have_text("Add the link, or remove this row.")
    expect(editor.state(links)).to_have_attribute("data-state", "invalid")
    expect(row.get_by_label("Platform")).to_have_value("dribbble")  # kept as typed

    row.get_by_label("Link").fill("dribbble.com/ada")
    editor.wait_saved(links)
    expect(row.locator(".field-error")).to_have_count(0)
    assert editor.stored(links, "items") == [
        {"platform": "dribbble", "url": "https://dribbble.com/ada"}
    ]


def test_a_successful_save_clears_the_messages_it_fixed(page: Page):
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, EDITOR_REQUESTS)
    link = editor.field(hero, "cta_url")

    link.fill("javascript:alert(1)")
    message = editor.form(hero).locator(f"#id_{hero}_b-cta_url_error")
    expect(message).to_have_text("Enter a full link starting with https://")
    expect(link).to_have_attribute("aria-invalid", "true")
    link.fill("https://ada.example")

    editor.wait_saved(hero)
    expect(message).to_be_empty()
    expect(link).not_to_have_attribute("aria-invalid", "true")
    expect(link).to_have_value("https://ada.example")
    assert editor.stored(hero, "cta_url") == "https://ada.example"


def test_back_and_forward_choose_blocks_again_and_keep_what_was_typed(page: Page):
    portfolio = a_portfolio("hero", "about")
    hero, about = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open()
    slow_network(page, EDITOR_REQUESTS)

    editor.open_block(0)
    editor.type_into(hero, "heading", " — typed")
    editor.open_block(1)
    editor.type_into(about, "heading", " and more")
    page.go_back()  # straight away: the about block's change has not left yet

    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m … — typed")
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/?block={hero}")
    page.go_forward()
    expect(editor.field(about, "heading")).to_have_value("About me and more")
    page.go_back()
    page.go_back()
    expect(page.get_by_text("Choose a block to edit it")).to_be_visible()
    editor.settled()
    assert editor.stored(hero, "heading") == "Hello, I’m … — typed"
    assert editor.stored(about, "heading") == "About me and more"
    expect(page.locator("#block-rows > li[data-current]")).to_have_count(0)

    page.go_forward()
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m … — typed")
    editor.type_into(hero, "heading", "!")
    page.get_by_role("link", name="Design").click()  # leaves the editor at once
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/design/")
    page.go_back()
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m … — typed!")
    assert editor.stored(hero, "heading") == "Hello, I’m … — typed!"


def test_back_and_forward_pressed_faster_than_the_editor_answers_keep_the_history(page: Page):
    portfolio = a_portfolio("hero", "about")
    hero, about = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open()
    editor.open_block(0)
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/?block={hero}")
    editor.open_block(1)
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/?block={about}")
    slow_network(page, EDITOR_REQUESTS)

    page.go_back()  # each answer lands after the next press: none may add a history entry
    page.go_forward()
    page.go_back()
    page.go_back()
    editor.settled()

    expect(page.get_by_text("Choose a block to edit it")).to_be_visible()
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/")
    page.go_forward()
    expect(editor.field(hero, "heading")).to_be_visible()
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/?block={hero}")
    page.go_forward()
    expect(editor.field(about, "heading")).to_be_visible()
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/?block={about}")


def test_publishing_right_after_typing_publishes_what_was_typed(page: Page):
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, EDITOR_REQUESTS)

    editor.type_into(hero, "heading", " — live")
    page.get_by_role("button", name="Publish", exact=True).click()  # before the autosave left

    expect(page.get_by_text("Published.")).to_be_visible()
    portfolio.refresh_from_db()
    assert portfolio.live.snapshot["pages"][0]["blocks"][0]["data"]["heading"].endswith(" — live")


def test_leaving_by_the_address_bar_while_a_save_is_on_its_way_asks_first(page: Page):
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, EDITOR_REQUESTS)
    editor.type_into(hero, "heading", " — on its way")
    expect(editor.state(hero)).to_have_attribute("data-state", "saving")

    page.expected_dialogs.append("beforeunload")
    page.evaluate("() => { location.href = '/dashboard/'; }")  # as if typed in the address bar

    editor.wait_saved(hero)  # the person chose to stay: the save lands
    assert page.seen_dialogs == ["beforeunload"]
    assert editor.stored(hero, "heading") == "Hello, I’m … — on its way"


def test_leaving_a_field_whose_typing_is_saved_sends_nothing_and_asks_nothing(page: Page):
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    requests = slow_network(page, EDITOR_REQUESTS)
    editor.type_into(hero, "heading", " — saved")
    editor.wait_saved(hero)
    editor.settled()
    saves = len([r for r in requests if r.startswith("POST")])

    page.keyboard.press("Tab")  # leaving the field fires its change event
    page.wait_for_timeout(300)
    assert len([r for r in requests if r.startswith("POST")]) == saves  # nothing new to send
    page.reload()  # no "leave site?" question: the conftest fails on any unexpected dialog
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m … — saved")


def test_without_javascript_a_stale_edit_shows_both_versions(browser: Browser, live_server):
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "ada@example.com")
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={hero}")
    portfolio.update_block(hero, {"heading": "Saved in another tab"}, based_on=1)

    page.locator("[name='b-heading']").fill("Typed without JavaScript")
    page.get_by_role("button", name="Save", exact=True).click()

    panel = page.get_by_role("alert").filter(has_text="This block changed in another tab")
    expect(panel.locator("[data-side=theirs]")).to_have_text("Saved in another tab")
    expect(panel.locator("[data-side=mine]")).to_have_text("Typed without JavaScript")
    expect(page.locator("[name='b-heading']")).to_have_value("Typed without JavaScript")
    portfolio.refresh_from_db()
    assert portfolio.find_block(hero)[1]["data"]["heading"] == "Saved in another tab"
    shot(page, "editor-conflict-no-js")

    panel.get_by_role("button", name="Keep my edit").click()
    expect(page.locator("[name='b-heading']")).to_have_value("Typed without JavaScript")
    portfolio.refresh_from_db()
    assert portfolio.find_block(hero)[1]["data"]["heading"] == "Typed without JavaScript"
    context.close()


def tab_to(page: Page, target, most: int = 80) -> None:
    """Press Tab (like a person, no clicking) until `target` has focus."""
    for _ in range(most):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never got focus with Tab")


def test_the_editor_works_from_the_keyboard_alone(page: Page):
    portfolio = a_portfolio("hero", "about", "contact", "cta")
    hero, about, contact, cta = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open()
    slow_network(page, EDITOR_REQUESTS)
    rows = page.locator("#block-rows > li")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    tab_to(page, page.locator(f"#row-link-{about}"))
    page.keyboard.press("Enter")  # open a block: focus lands in its first field
    expect(editor.field(about, "heading")).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" (keys only)")
    page.keyboard.press("Escape")  # back to the block's row in the outline
    expect(page.locator(f"#row-link-{about}")).to_be_focused()

    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(f"#down-{about}")).to_be_focused()
    page.keyboard.press("Enter")  # move it down twice; focus stays with the moved row
    expect(rows.nth(2)).to_have_id(f"row-{about}")
    expect(page.locator(f"#down-{about}")).to_be_focused()
    page.keyboard.press("Enter")
    expect(rows.nth(3)).to_have_id(f"row-{about}")
    expect(page.locator(f"#row-link-{about}")).to_be_focused()  # "down" is disabled now
    editor.settled()
    assert ids(portfolio) == [hero, contact, cta, about]
    assert editor.stored(about, "heading") == "About me (keys only)"

    summary = page.locator("#add-block-summary")
    tab_to(page, summary)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # closes the menu, focus back on its button
    expect(page.locator("#add-block")).not_to_have_attribute("open", "")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, page.locator("[data-block-type=stats]"))
    page.keyboard.press("Enter")  # a new block: focus in its first field
    expect(page.locator("#edit-panel [name='b-heading']")).to_be_focused()
    page.keyboard.type("Numbers")
    page.wait_for_timeout(700)
    editor.settled()
    stats = ids(portfolio)[4]
    assert editor.stored(stats, "heading") == "Numbers"

    page.keyboard.press("Escape")
    expect(page.locator(f"#row-link-{stats}")).to_be_focused()
    tab_to(page, page.locator(f"#del-button-{stats}"), most=5)
    page.keyboard.press("Enter")  # delete it: focus moves to the row before it
    expect(page.locator(f"#row-link-{about}")).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Stats deleted.")).to_be_visible()
    editor.settled()
    assert ids(portfolio) == [hero, contact, cta, about]
