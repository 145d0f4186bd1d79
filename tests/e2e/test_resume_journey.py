"""The whole resume journey, as a person does it: import the sample JSON Resume, edit an item,
reorder sections, switch template, download the PDF and the Word file, run the ATS check,
publish, and open /r/<slug>/ as a stranger."""

import json
from io import BytesIO

from docx import Document
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from apps.resumes.content import layout
from apps.resumes.models import Resume
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.e2e.test_portfolio_builder import visitor
from tests.resumes.conftest import SAMPLE


def test_import_edit_design_download_check_and_publish(page: Page, browser: Browser, live_server):
    make_user("richard@example.com", name="Richard Hendriks")
    sign_in(page, "richard@example.com")
    page.goto("/resumes/import/")
    page.get_by_label("Or paste JSON Resume").fill(json.dumps(SAMPLE))
    page.get_by_label("Title").fill("Compression roles")
    page.get_by_role("button", name="Import").click()
    resume = Resume.objects.get()
    expect(page).to_have_url(f"/resumes/{resume.pk}/edit/")
    expect(page.locator("#resume-preview img").first).to_be_visible(timeout=15_000)

    # Edit an item: its title in the outline and the preview follow.
    work = resume.content["work"][0]["id"]
    page.locator(f"#row-link-{work}").click()
    position = page.locator(f"#id_{work}_r-position")
    position.fill("Founder and CEO")
    expect(page.locator(f"#save-state-{work}")).to_have_attribute("data-state", "saved")
    expect(page.locator(f"#row-summary-{work}")).to_have_text("Founder and CEO · Pied Piper")

    # Skills before projects, from the keyboard.
    page.locator("#section-up-skills").click()
    expect(page.locator("#section-list > li").nth(2)).to_have_id("section-skills")
    page.locator("#section-up-skills").click()
    expect(page.locator("#section-list > li").nth(1)).to_have_id("section-skills")

    # Another template.
    page.locator("#row-link-design").click()
    page.get_by_label("Modern, with a sidebar").check()
    expect(page.locator("#save-state-design")).to_have_attribute("data-state", "saved")
    expect(page.locator("#row-summary-design")).to_contain_text("Modern")
    shot(page, "resume-journey-editor", full_page=False)
    resume.refresh_from_db()
    assert layout(resume.content)["template"] == "modern"
    assert layout(resume.content)["order"][:2] == ["work", "skills"]

    # The files carry the edit.
    with page.expect_download() as caught:
        page.get_by_role("link", name="PDF").click()
    pdf = PdfReader(BytesIO(open(caught.value.path(), "rb").read()))
    text = "".join(p.extract_text() for p in pdf.pages).upper()  # headings print in capitals
    assert "FOUNDER AND CEO" in text
    assert text.index("SKILLS") < text.index("PROJECTS")
    with page.expect_download() as caught:
        page.get_by_role("link", name="Word").click()
    word = Document(caught.value.path())
    assert any("Founder and CEO" in p.text for p in word.paragraphs)

    # What an applicant-tracking system reads.
    page.get_by_role("link", name="ATS check").click()
    expect(page.get_by_text("richard.hendriks@mail.com").first).to_be_visible()
    shot(page, "resume-journey-ats")
    page.go_back()

    # Publish; a stranger reads it and downloads the PDF, without a cookie.
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Your resume is online at")).to_be_visible()
    resume.refresh_from_db()
    with visitor(browser, live_server.url) as stranger:
        response = stranger.goto(f"/r/{resume.slug}/")
        assert response.status == 200
        expect(stranger.locator("h1")).to_have_text("Richard Hendriks")
        expect(stranger.get_by_text("Founder and CEO")).to_be_visible()
        shot(stranger, "resume-journey-public")
        with stranger.expect_download() as caught:
            stranger.get_by_role("link", name="PDF").click()
        assert caught.value.suggested_filename.endswith(".pdf")
        assert stranger.context.cookies() == []
