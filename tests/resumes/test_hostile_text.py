"""HTML and script typed into every field are text in the web page, the PDF and the Word file."""

import io

import pytest
from bs4 import BeautifulSoup
from docx import Document

from apps.resumes import pdf
from apps.resumes.content import blank_content, clean_content
from apps.resumes.rendering import render_page
from apps.resumes.sections import BASICS, LOCATION, PROFILE, SECTIONS
from apps.resumes.word import docx_bytes

from .reading import pdf_text, squash

HOSTILE = "<script>alert(1)</script><b>x</b>&amp;\"'"


def fill(fields) -> dict:
    values = {}
    for spec in fields:
        if spec.kind in ("text", "long"):
            values[spec.name] = HOSTILE[: spec.max_length]
        elif spec.kind == "list":
            values[spec.name] = [HOSTILE]
    return values


@pytest.fixture
def hostile() -> dict:
    content = blank_content()
    content["basics"].update(fill(BASICS.fields), email="a@example.com")
    content["basics"]["location"] = fill(LOCATION)
    content["basics"]["profiles"] = [fill(PROFILE)]
    for key, section in SECTIONS.items():
        content[key] = [fill(section.fields)]
    content["meta"]["grooya"]["headings"] = {"work": HOSTILE}
    return clean_content(content, assign_ids=True)


@pytest.mark.parametrize("for_print", [True, False])
def test_it_is_text_in_html(hostile, for_print):
    html, _ = render_page(hostile, title=HOSTILE, for_print=for_print)
    page = BeautifulSoup(html, "html.parser")

    assert [s.get("type") for s in page.find_all("script")] == (
        [] if for_print else ["application/ld+json"]
    )
    assert page.find("b") is None
    assert page.title.string == f"{HOSTILE} – {HOSTILE}"
    assert page.find("main").get_text().count(HOSTILE) >= 20
    assert "</script><b>" not in html.split("</head>")[1]
    if not for_print:  # the JSON-LD cannot end its <script> early
        assert "<" not in page.find("script").string


def test_it_is_text_in_the_pdf(hostile):
    text = squash(pdf_text(pdf.pdf_for(hostile, HOSTILE)[0]))
    assert text.count(squash(HOSTILE)) >= 20


def test_it_is_text_in_the_word_file(hostile):
    document = Document(io.BytesIO(docx_bytes(hostile, HOSTILE)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count(HOSTILE) >= 20
    assert document.core_properties.title == f"{HOSTILE} – {HOSTILE}"
