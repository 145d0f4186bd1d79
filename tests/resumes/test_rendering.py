"""What the templates show: sections in the layout's order, headings, dates, colours, names."""

import base64
import copy
import hashlib
import re

import pytest
from bs4 import BeautifulSoup

from apps.core.colors import contrast_ratio
from apps.resumes.content import clean_content
from apps.resumes.rendering import file_name, render_page, resume_view

from .conftest import SAMPLE


@pytest.fixture
def content() -> dict:
    return clean_content(SAMPLE, assign_ids=True)


def headings(view: dict) -> list[str]:
    return [section["heading"] for section in view["sections"]]


def test_sections_follow_the_layouts_order_without_the_hidden_ones(content):
    chosen = content["meta"]["grooya"]
    chosen["order"] = ["skills", "education", "work"] + [
        k for k in chosen["order"] if k not in ("skills", "education", "work")
    ]
    chosen["hidden"] = ["references", "interests"]

    shown = headings(resume_view(content))

    assert shown[:3] == ["Skills", "Education", "Work experience"]
    assert "References" not in shown and "Interests" not in shown
    assert "Languages" in shown


def test_a_section_without_items_is_not_shown(content):
    content["awards"] = []
    assert "Awards" not in headings(resume_view(content))


def test_a_renamed_section_shows_the_persons_heading(content):
    content["meta"]["grooya"]["headings"] = {"work": "Where I have worked"}
    assert headings(resume_view(content))[0] == "Where I have worked"


@pytest.mark.parametrize(
    ("date_format", "expected"),
    [
        ("MMM YYYY", "Dec 2013 – Dec 2014"),
        ("MM/YYYY", "12/2013 – 12/2014"),
        ("YYYY", "2013 – 2014"),
    ],
)
def test_dates_are_written_in_the_chosen_format(content, date_format, expected):
    content["meta"]["grooya"]["dateFormat"] = date_format
    work = resume_view(content)["sections"][0]["items"][0]
    assert work["dates"] == expected


def test_an_entry_without_an_end_date_runs_to_present(content):
    del content["work"][0]["endDate"]
    content["work"][0]["startDate"] = "2021-03"
    assert resume_view(content)["sections"][0]["items"][0]["dates"] == "Mar 2021 – Present"


def test_a_date_given_as_a_year_stays_a_year(content):
    content["work"][0]["startDate"], content["work"][0]["endDate"] = "2019", "2021-06"
    assert resume_view(content)["sections"][0]["items"][0]["dates"] == "2019 – Jun 2021"


def test_controls_that_no_file_format_can_carry_are_dropped(content):
    content["work"][0]["position"] = "Lead\x0b engineer\x1f"
    assert resume_view(content)["sections"][0]["items"][0]["title"] == "Lead engineer"


def test_the_web_page_allows_exactly_its_own_inline_style(content):
    html, csp = render_page(content, title="Backend roles", for_print=False)

    style = BeautifulSoup(html, "html.parser").find("style").string
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert csp == {"style-src": [f"'sha256-{digest}'"]}
    assert 'style="' not in html


def test_the_web_page_links_its_stylesheets_and_downloads(content):
    html, _ = render_page(
        content, title="T", for_print=False, downloads=[("Download PDF", "/r/x/pdf/")]
    )
    page = BeautifulSoup(html, "html.parser")
    sheets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert sheets == [
        "/static/resume/font-inter.css",
        "/static/resume/resume.css",
        "/static/resume/classic.css",
    ]
    assert page.find("a", string="Download PDF")["href"] == "/r/x/pdf/"
    assert page.find("script", type="application/ld+json").string.count("Richard Hendriks") == 1


def test_a_pale_accent_is_darkened_until_text_in_it_passes_aa(content):
    content["meta"]["grooya"]["accent"] = "#fde047"  # yellow: 1.3:1 on white
    html, _ = render_page(content, title="T", for_print=True)

    ink = re.search(r"--accent-ink:(#[0-9a-f]{6})", html)[1]
    tint = re.search(r"--accent-tint:(#[0-9a-f]{6})", html)[1]
    assert contrast_ratio(ink, "#ffffff") >= 4.5
    assert contrast_ratio(ink, tint) >= 4.5


def test_a_dark_accent_is_kept_as_chosen(content):
    content["meta"]["grooya"]["accent"] = "#1d4ed8"
    html, _ = render_page(content, title="T", for_print=True)
    assert "--accent-ink:#1d4ed8" in html


def test_the_page_size_reaches_the_print_stylesheet(content):
    content["meta"]["grooya"]["page"] = "Letter"
    html, _ = render_page(content, title="T", for_print=True)
    assert "@page{size:Letter}" in html


def test_file_names_come_from_the_persons_name_and_the_title():
    content = {"basics": {"name": "Zoë Müller-Łukasz"}}
    assert file_name(content, "Backend roles, 2026!", "pdf") == (
        "Zoe-Muller-Lukasz-Backend-roles-2026.pdf",
        "Zoë-Müller-Łukasz-Backend-roles-2026.pdf",
    )
    assert file_name({"basics": {}}, "", "docx") == ("Resume.docx", "Resume.docx")


def test_every_template_shows_the_same_text_in_the_same_order(content):
    texts = []
    for template in ("classic", "modern", "compact", "academic"):
        variant = copy.deepcopy(content)
        variant["meta"]["grooya"]["template"] = template
        html, _ = render_page(variant, title="T", for_print=True)
        sheet = BeautifulSoup(html, "html.parser").find("main")
        # The academic template writes an entry's dates before its title.
        for dates in sheet.select(".entry-dates"):
            dates.extract()
        texts.append(" ".join(sheet.get_text(" ").split()))
    assert len(set(texts)) == 1
