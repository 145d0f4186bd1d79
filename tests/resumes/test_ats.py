"""The ATS check reads the real PDF back and warns about what parsers would miss."""

import pytest

from apps.resumes import ats, pdf
from apps.resumes.content import clean_content
from apps.resumes.management.commands._bench_resume import realistic_resume
from apps.resumes.rendering import resume_view

from .conftest import SAMPLE


def check(content: dict) -> ats.Report:
    data, _ = pdf.pdf_for(content, "Backend roles")
    return ats.check(data, resume_view(content))


def messages(report: ats.Report) -> str:
    return "\n".join(w["message"] for w in report.warnings)


@pytest.mark.parametrize("template", ["classic", "modern", "compact", "academic"])
def test_a_complete_resume_reads_cleanly_in_every_template(template):
    content = realistic_resume(5, publications=2, template=template)

    report = check(content)

    assert report.warnings == []
    assert report.emails == ["maya@example.com"]
    assert report.phones == ["+46 70 123 45 67"]
    assert "https://github.com/maya" in report.links
    assert all(s["found"] and s["recognised"] for s in report.sections)
    assert all(item["found"] for item in report.items)
    first = report.items[0]
    assert first["section"] == "Work experience" and first["dates"][-1] == "Present"


def test_the_text_is_what_the_pdf_says_in_reading_order():
    report = check(clean_content(SAMPLE, assign_ids=True))
    lines = report.text.splitlines()
    assert lines[:2] == ["Richard Hendriks", "Programmer"]
    assert report.text.index("SUMMARY") < report.text.index("WORK EXPERIENCE")


def test_a_missing_email_and_mixed_date_formats_are_flagged():
    content = realistic_resume(3)
    content["basics"]["email"] = ""
    content["work"][1]["startDate"] = "2019"  # a year, where the others have months

    report = check(content)

    assert report.emails == []
    assert "No email address was found" in messages(report)
    assert "Dates are written in 2 different ways" in messages(report)
    assert report.warnings[0]["level"] == "error"


def test_a_heading_parsers_do_not_know_is_flagged():
    content = realistic_resume(2)
    content["meta"]["grooya"]["headings"] = {"work": "Where I have been"}

    report = check(content)

    work = next(s for s in report.sections if s["key"] == "work")
    assert work == {
        "key": "work",
        "heading": "Where I have been",
        "found": True,
        "recognised": False,
    }
    assert "The usual heading is “Work experience”" in messages(report)


def test_a_known_alternative_heading_is_fine():
    content = realistic_resume(2)
    content["meta"]["grooya"]["headings"] = {"work": "Professional experience"}
    assert check(content).warnings == []


def test_characters_no_font_can_draw_are_named():
    content = realistic_resume(2)
    content["work"][0]["highlights"][0] = "Opened the office in 東京 \ue000"

    report = check(content)

    assert "No font on the PDF can draw" in messages(report)
    assert "\ue000" in messages(report)
    assert report.emails == ["maya@example.com"]  # the rest still reads


def test_a_resume_without_a_phone_gets_a_tip_not_a_problem():
    content = realistic_resume(2)
    content["basics"]["phone"] = ""
    report = check(content)
    assert [w["level"] for w in report.warnings] == ["tip"]
    assert report.problems == 0
