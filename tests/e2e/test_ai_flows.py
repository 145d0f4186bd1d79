"""The AI assistant's flows as a person goes through them, with the offline provider: tailoring
a resume to a pasted job, a cover letter, the mentor and the guided mode, generating an image."""

import re

from playwright.sync_api import Page, expect

from apps.assets.models import Asset
from apps.portfolios.models import Portfolio
from apps.resumes.models import CoverLetter, Resume
from tests.conftest import make_user
from tests.e2e.conftest import shot
from tests.e2e.test_accessibility import (
    SCHEMES,
    assert_accessible_in_both_schemes,
    in_scheme,
    sign_in_by_cookie,
)
from tests.resumes.test_tailor_views import JOB, LACKING, RESUME


def test_tailor_a_resume_to_a_pasted_job_accepting_two_edits(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    original = Resume.create_for(alice, title="Illustration", content=RESUME)
    in_scheme(page, SCHEMES[0])
    sign_in_by_cookie(page, alice, live_server.url)

    page.goto("/resumes/")
    page.get_by_role("link", name="Tailor to a job").click()
    page.get_by_label("Job description").fill(JOB)
    page.get_by_label("Job title").fill("Senior Illustrator")
    page.get_by_label("Company").fill("Looking Glass Books")
    page.get_by_role("button", name="Suggest edits").click()

    expect(page.locator("#coverage tbody tr").first).to_be_visible()
    expect(page.locator("#edits article")).to_have_count(3)
    page.get_by_role("checkbox", name="Accept the edit to Work: Senior illustrator").uncheck()
    assert_accessible_in_both_schemes(page, "resume-tailored")
    page.get_by_role("button", name="Create tailored resume").click()

    expect(page.get_by_text("with 2 accepted edits")).to_be_visible()
    tailored = Resume.objects.exclude(pk=original.pk).get()
    assert tailored.content["work"][0]["highlights"] == RESUME["work"][0]["highlights"]
    assert tailored.content["basics"]["summary"] != RESUME["basics"]["summary"]
    assert [s["name"] for s in tailored.content["skills"]] == ["Procreate", "Ink"]
    assert not any(fact in str(tailored.content) for fact in LACKING)
    page.goto("/resumes/")
    card = page.locator(f"#resume-{tailored.pk}")
    expect(card).to_contain_text("Tailored to Senior Illustrator at Looking Glass Books")
    shot(page, "resume-list-tailored")


def test_draft_a_cover_letter_and_edit_it(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    Resume.create_for(alice, title="Illustration", content=RESUME)
    sign_in_by_cookie(page, alice, live_server.url)

    page.goto("/dashboard/")
    page.get_by_role("link", name="Cover letters").first.click()
    page.get_by_role("link", name="New cover letter").click()
    page.get_by_label("Job description").fill(JOB)
    page.get_by_label("Job title").fill("Senior Illustrator")
    page.get_by_role("button", name="Draft with AI").click()

    body = page.get_by_role("textbox", name="Body")
    expect(body).to_have_value(re.compile("Wonderland Press"))
    body.press("Control+End")
    body.press_sequentially(" PS: maps attached.", delay=10)
    letter = CoverLetter.objects.get()
    expect(page.locator(f"#save-state-{letter.pk.hex}")).to_have_attribute("data-state", "saved")
    letter.refresh_from_db()
    assert letter.body.endswith("PS: maps attached.") and letter.rev == 2
    shot(page, "cover-letter-editor")


def test_the_mentors_checklist_links_to_a_block_and_the_editor_opens_it(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio = Portfolio.create_for(
        alice, title="Maps", goal="job", role="", theme="minimal", from_library=False
    )
    about = portfolio.add_block(portfolio.pages[0]["id"], "about").block
    Portfolio.objects.filter(pk=portfolio.pk).update(is_guided=True)
    in_scheme(page, SCHEMES[0])
    sign_in_by_cookie(page, alice, live_server.url)

    page.goto(f"/portfolios/{portfolio.pk}/mentor/")
    assert_accessible_in_both_schemes(page, "portfolio-mentor-findings")
    finding = page.locator("[data-finding]").filter(has=page.locator(f"a[href*='{about['id']}']"))
    finding.first.get_by_role("link", name="Open the block").click()

    expect(page.locator(f"#block-form-{about['id']}")).to_be_visible()
    expect(page.locator(f"#row-{about['id']}")).to_have_attribute("data-current", "")
    guide = page.locator("#guide")
    expect(guide).to_contain_text("Show your work")
    assert_accessible_in_both_schemes(page, "editor-guided")
    page.evaluate("() => localStorage.setItem('theme', 'light')")
    # The checklist follows the person's saves: a Projects block is their work.
    page.locator("#add-block-summary").click()
    page.locator("[data-block-type=projects]").click()
    expect(guide).not_to_contain_text("Show your work")
    shot(page, "editor-guided", full_page=False)
    guide.get_by_role("button", name="Hide the guide").click()
    expect(page.locator("#guide")).to_have_count(0)
    portfolio.refresh_from_db()
    assert not portfolio.is_guided


def test_generate_an_image_and_place_it_in_a_gallery_block(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio = Portfolio.create_for(
        alice, title="Maps", goal="job", role="", theme="minimal", from_library=False
    )
    gallery = portfolio.add_block(portfolio.pages[0]["id"], "gallery").block
    hero = portfolio.add_block(portfolio.pages[0]["id"], "hero").block
    sign_in_by_cookie(page, alice, live_server.url)

    page.goto("/assets/")
    page.get_by_role("link", name="Generate an image with AI").click()
    page.get_by_label("Describe the image").fill("A lighthouse at dusk")
    page.get_by_label("Shape").select_option("16:9")
    page.get_by_role("button", name="Generate image").click()

    expect(page.get_by_text("Your image is ready")).to_be_visible()
    asset = Asset.objects.get(owner=alice)
    assert asset.kind == "ai" and asset.prompt == "A lighthouse at dusk"
    shot(page, "assets-generated")
    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={gallery['id']}")
    page.locator(f"#block-form-{gallery['id']}").get_by_alt_text("A lighthouse at dusk").click()

    preview = page.frame_locator("#preview")
    expect(preview.locator(".block-gallery img")).to_have_count(1)
    portfolio.refresh_from_db()
    assert portfolio.find_block(gallery["id"])[1]["data"]["images"] == [asset.pk.hex]

    # In a block's image picker: generate another and choose it at once.
    page.locator(f"#row-link-{hero['id']}").click()
    form = page.locator(f"#block-form-{hero['id']}")
    form.get_by_role("button", name="Choose image").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name="Generate an image with AI").click()
    dialog.get_by_label("Describe the image").fill("A compass rose")
    dialog.get_by_role("button", name="Generate image").click()
    expect(dialog.locator("[data-job-status=succeeded]")).to_be_visible()
    shot(page, "picker-generated", full_page=False)
    dialog.locator("[data-job-status=succeeded] [data-asset-choose]").click()
    expect(page.locator(f"#save-state-{hero['id']}")).to_have_attribute("data-state", "saved")
    compass = Asset.objects.get(prompt="A compass rose")
    portfolio.refresh_from_db()
    assert portfolio.find_block(hero["id"])[1]["data"]["image"] == compass.pk.hex
