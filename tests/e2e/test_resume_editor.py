"""The resume editor keeps the editor contract (tests/e2e/test_editor_contract.py has the
portfolio editor's): on a network holding every editor request 300–800 ms, switching items
mid-save loses nothing, rows can be typed across without pausing, Back/Forward choose items
again, the keyboard alone is enough, and without JavaScript a stale edit shows both versions."""

import json

from playwright.sync_api import Browser, Page, expect

from apps.resumes.content import clean_content, layout
from apps.resumes.models import Resume
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.e2e.editor import ResumeEditor, slow_network
from tests.resumes.conftest import SAMPLE

EDITOR_REQUESTS = "**/resumes/*/edit/**"


def a_resume() -> Resume:
    owner = make_user("richard@example.com", name="Richard Hendriks")
    content = clean_content(json.loads(json.dumps(SAMPLE)), assign_ids=True)
    return Resume.objects.create(owner=owner, title="Engineering", slug="richard", content=content)


def ids(resume: Resume, section: str) -> list[str]:
    resume.refresh_from_db()
    return [i["id"] for i in resume.content[section]]


def test_switching_items_mid_save_ten_times_loses_nothing(page: Page):
    resume = a_resume()
    (work,) = ids(resume, "work")
    (school,) = ids(resume, "education")
    sign_in(page, "richard@example.com")
    editor = ResumeEditor(page, resume).open(work)
    slow_network(page, EDITOR_REQUESTS)

    for n in range(10):
        editor.open_item(work)
        editor.type_into(work, "position", f" w{n}")
        editor.open_item(school)  # the work item's save is still on its way
        editor.type_into(school, "area", f" e{n}")
    page.wait_for_timeout(700)
    editor.settled()

    assert editor.stored(work, "position") == "CEO/President" + "".join(
        f" w{n}" for n in range(10)
    )
    assert editor.stored(school, "area") == "Information Technology" + "".join(
        f" e{n}" for n in range(10)
    )
    assert not editor.conflict_shown()
    expect(editor.field(school, "area")).to_be_focused()
    expect(page.locator("[data-item-row][data-current]")).to_have_count(1)
    expect(page.locator(f"#row-summary-{work}")).to_contain_text(editor.stored(work, "position"))


def test_typing_highlights_across_rows_without_pausing(page: Page):
    resume = a_resume()
    (work,) = ids(resume, "work")
    sign_in(page, "richard@example.com")
    editor = ResumeEditor(page, resume).open(work)
    slow_network(page, EDITOR_REQUESTS)
    form = editor.form(work)
    add = form.get_by_role("button", name="+ Add highlight")

    for text in ("Grew revenue 40%", "Hired 12 engineers", "Shipped v2"):
        add.click()
        page.keyboard.type(text, delay=15)  # focus is already in the new row
    page.keyboard.press("Tab")
    page.wait_for_timeout(700)
    editor.settled()

    editor.wait_saved(work)
    assert editor.stored(work, "highlights")[-3:] == [
        "Grew revenue 40%",
        "Hired 12 engineers",
        "Shipped v2",
    ]
    expect(form.locator(".field-error")).to_have_count(0)
    shot(page, "resume-editor-highlights", full_page=False)


def test_a_profile_row_without_its_network_waits_with_a_message_and_is_kept(page: Page):
    resume = a_resume()
    sign_in(page, "richard@example.com")
    editor = ResumeEditor(page, resume).open("basics")
    slow_network(page, EDITOR_REQUESTS)
    form = editor.form("basics")

    form.get_by_role("button", name="+ Add a profile").click()
    row = form.locator("[data-row]").last
    row.get_by_label("Link").fill("github.com/richard")
    form.locator("[name='r-phone']").click()  # leaves the row without a network

    expect(row.locator(".field-error")).to_have_text("Add the network, or remove this row.")
    expect(row.get_by_label("Link")).to_have_value("github.com/richard")
    row.get_by_label("Network").fill("GitHub")
    editor.wait_saved("basics")
    expect(row.locator(".field-error")).to_have_count(0)
    assert editor.stored("basics", "profiles")[-1] == {
        "network": "GitHub",
        "username": "",
        "url": "https://github.com/richard",
    }


def test_back_and_forward_choose_items_again_and_keep_what_was_typed(page: Page):
    resume = a_resume()
    (work,) = ids(resume, "work")
    (school,) = ids(resume, "education")
    sign_in(page, "richard@example.com")
    editor = ResumeEditor(page, resume).open()
    slow_network(page, EDITOR_REQUESTS)

    editor.open_item(work)
    editor.type_into(work, "position", " — typed")
    editor.open_item(school)
    editor.type_into(school, "area", " and more")
    page.go_back()  # straight away: the school's change has not left yet

    expect(editor.field(work, "position")).to_have_value("CEO/President — typed")
    page.go_forward()
    expect(editor.field(school, "area")).to_have_value("Information Technology and more")
    page.go_back()
    page.go_back()
    expect(page.get_by_text("Choose something to edit")).to_be_visible()
    editor.settled()
    assert editor.stored(work, "position") == "CEO/President — typed"
    assert editor.stored(school, "area") == "Information Technology and more"


def test_sections_and_items_move_from_the_keyboard(page: Page):
    resume = a_resume()
    first, second = ids(resume, "skills")
    sign_in(page, "richard@example.com")
    ResumeEditor(page, resume).open()
    slow_network(page, EDITOR_REQUESTS)

    page.locator("#row-link-section-skills").focus()
    page.keyboard.press("Tab")  # ↑ of the section
    expect(page.locator("#section-up-skills")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#section-list > li").nth(2)).to_have_id("section-skills")
    expect(page.locator("#section-up-skills")).to_be_focused()  # still there after the redraw
    page.locator(f"#row-link-{second}").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # ↑ of the second skill
    expect(page.locator(f"#row-link-{second}")).to_be_focused()  # first now: ↑ is disabled
    page.keyboard.press("Enter")  # open it: focus in its first field
    expect(page.locator(f"#id_{second}_r-name")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(f"#row-link-{second}")).to_be_focused()

    resume.refresh_from_db()
    order = layout(resume.content)["order"]
    assert order.index("skills") == 2  # was 3rd after work, projects, education
    assert ids(resume, "skills") == [second, first]


def test_without_javascript_a_stale_item_edit_shows_both_versions(browser: Browser, live_server):
    resume = a_resume()
    (work,) = ids(resume, "work")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "richard@example.com")
    page.goto(f"/resumes/{resume.pk}/edit/?open={work}")
    resume.update_item("work", work, {"position": "Chief Executive"}, based_on=1)

    page.locator("[name='r-position']").fill("Founder")
    page.get_by_role("button", name="Save", exact=True).click()

    panel = page.get_by_role("alert").filter(has_text="This item changed in another tab")
    expect(panel.locator("[data-side=theirs]")).to_have_text("Chief Executive")
    expect(panel.locator("[data-side=mine]")).to_have_text("Founder")
    panel.get_by_role("button", name="Keep my edit").click()
    expect(page.locator("[name='r-position']")).to_have_value("Founder")
    resume.refresh_from_db()
    assert resume.content["work"][0]["position"] == "Founder"
    context.close()
