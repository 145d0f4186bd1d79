"""The Word file, read back with python-docx: real headings, real lists, live links, and the
same text in the same order as the PDF."""

import copy
import io

import pytest
from docx import Document
from docx.shared import Mm

from apps.resumes import pdf
from apps.resumes.content import clean_content
from apps.resumes.rendering import resume_view
from apps.resumes.word import docx_bytes

from .conftest import SAMPLE
from .reading import missing_or_out_of_order, pdf_text, reading_order, squash


@pytest.fixture
def sample() -> dict:
    return clean_content(SAMPLE, assign_ids=True)


def read(content: dict, title: str = "Backend roles"):
    return Document(io.BytesIO(docx_bytes(content, title)))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def test_the_name_is_the_title_and_sections_are_headings(sample):
    document = read(sample)
    assert styled(document, "Title") == ["Richard Hendriks"]
    assert styled(document, "Heading 1") == ["Summary"] + [
        s["heading"] for s in resume_view(sample)["sections"]
    ]
    assert styled(document, "Heading 2")[0] == "CEO/President, Pied Piper\tDec 2013 – Dec 2014"


def test_highlights_are_a_real_bulleted_list(sample):
    document = read(sample)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets[:3]] == sample["work"][0]["highlights"]
    # Word's List Bullet style is numbered with a bullet: a list, not typed "•" characters.
    assert bullets[0].style.element.pPr.numPr is not None
    assert not any(p.text.startswith(("•", "-")) for p in bullets)


def test_links_are_live_hyperlinks(sample):
    addresses = {link.address for p in read(sample).paragraphs for link in p.hyperlinks}
    assert {"mailto:richard.hendriks@mail.com", "http://piedpiper.example.com"} <= addresses
    assert "https://soundcloud.example.com/dandymusicnl" in addresses


def test_it_says_what_the_pdf_says_in_the_same_order(sample):
    for template in ("classic", "academic"):
        content = copy.deepcopy(sample)
        content["meta"]["grooya"]["template"] = template
        text = "\n".join(p.text for p in read(content).paragraphs)
        pieces = reading_order(resume_view(content))
        assert missing_or_out_of_order(text, pieces) == []
        assert missing_or_out_of_order(pdf_text(pdf.pdf_for(content, "T")[0]), pieces) == []
    assert squash("Dec 2013 – Dec 2014") in squash(text)


def test_hidden_sections_stay_out_of_it(sample):
    sample["meta"]["grooya"]["hidden"] = ["references"]
    assert "Erlich Bachman" not in "\n".join(p.text for p in read(sample).paragraphs)


def test_properties_and_page_size_follow_the_resume(sample):
    sample["meta"]["grooya"]["page"] = "Letter"
    document = read(sample)
    assert document.core_properties.title == "Richard Hendriks – Backend roles"
    assert document.core_properties.author == "Richard Hendriks"
    assert document.sections[0].page_width == Mm(215.9)
