"""A person brings their JSON Resume in by pasting it, finds it in their resumes, and takes it
out again as a download."""

import datetime
import json
import re

from playwright.sync_api import Page, expect

from apps.library.models import Experience, Project
from apps.resumes.models import Resume
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.resumes.conftest import SAMPLE


def test_paste_a_json_resume_see_it_listed_and_download_it(page: Page):
    make_user("ada@example.com", name="Ada Lovelace")
    sign_in(page, "ada@example.com")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resumes").click()
    expect(page.get_by_text("No resume yet")).to_be_visible()
    shot(page, "resumes-empty")
    page.get_by_role("link", name="Import").click()

    # A broken document first: the page says where, and keeps what was pasted.
    broken = json.dumps(SAMPLE, indent=2).replace('"Pied Piper",', '"Pied Piper"', 1)
    page.get_by_label("Or paste JSON Resume").fill(broken)
    page.get_by_role("button", name="Import").click()
    expect(
        page.get_by_text(re.compile(r"This is not valid JSON: line \d+, column \d+"))
    ).to_be_visible()
    expect(page.get_by_label("Or paste JSON Resume")).to_have_value(broken)
    shot(page, "resume-import-error")

    page.get_by_label("Or paste JSON Resume").fill(json.dumps(SAMPLE, indent=2))
    page.get_by_label("Title").fill("Compression roles")
    page.get_by_role("button", name="Import").click()
    resume = Resume.objects.get()
    expect(page).to_have_url(f"/resumes/{resume.pk}/edit/")

    page.goto("/resumes/")
    card = page.locator(f"#resume-{resume.pk}")
    expect(card).to_contain_text("Compression roles")
    expect(card).to_contain_text("Draft")
    shot(page, "resumes-list")

    with page.expect_download() as caught:
        card.get_by_role("link", name="Download JSON").click()
    download = caught.value
    assert download.suggested_filename == "Richard-Hendriks-Compression-roles.json"
    document = json.loads(open(download.path(), encoding="utf-8").read())
    del document["meta"]["grooya"]
    assert document == SAMPLE


def test_start_a_resume_from_chosen_library_items(page: Page):
    ada = make_user("ada@example.com", name="Ada Lovelace", title="Analyst")
    Experience.objects.create(
        owner=ada,
        company="Analytical Engines",
        role="Programmer",
        start_date=datetime.date(2019, 3, 1),
        current=True,
        highlights=["Note G"],
    )
    Project.objects.create(owner=ada, title="Difference engine")
    Project.objects.create(owner=ada, title="Not for this job")
    sign_in(page, "ada@example.com")

    page.get_by_role("link", name="Create your resume").click()
    page.get_by_role("textbox", name="Title").fill("Engine roles")
    page.get_by_label("Not for this job").uncheck()
    shot(page, "resume-create")
    page.get_by_role("button", name="Create resume").click()

    resume = Resume.objects.get()
    expect(page).to_have_url(f"/resumes/{resume.pk}/edit/")
    assert [p["name"] for p in resume.content["projects"]] == ["Difference engine"]
    assert resume.content["work"][0]["highlights"] == ["Note G"]
    page.goto("/dashboard/")
    expect(page.locator(f"#resume-{resume.pk}")).to_contain_text("Engine roles")
    shot(page, "dashboard-with-resume")
