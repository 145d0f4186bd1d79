"""The PDF: every template's text comes back in reading order, with metadata, embedded fonts,
live links and page numbers; it is cached by version, and a change is a new PDF at once."""

import copy
import io
from unittest import mock

import pytest
from pypdf import PdfReader

from apps.resumes import pdf
from apps.resumes.content import clean_content
from apps.resumes.management.commands._bench_resume import realistic_resume
from apps.resumes.rendering import resume_view

from .conftest import SAMPLE
from .reading import missing_or_out_of_order, pdf_text, reading_order

TEMPLATES = ("classic", "modern", "compact", "academic")


def with_template(content: dict, template: str) -> dict:
    content = copy.deepcopy(content)
    content["meta"]["grooya"]["template"] = template
    return content


@pytest.fixture
def sample() -> dict:
    return clean_content(SAMPLE, assign_ids=True)


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_item_of_the_sample_comes_back_in_order(sample, template):
    content = with_template(sample, template)
    data, _ = pdf.pdf_for(content, "Backend roles")
    assert missing_or_out_of_order(pdf_text(data), reading_order(resume_view(content))) == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_item_of_a_two_page_resume_comes_back_in_order(template):
    content = realistic_resume(8, publications=4, template=template)
    data, _ = pdf.pdf_for(content, "Backend roles")
    assert len(PdfReader(io.BytesIO(data)).pages) >= 2
    assert missing_or_out_of_order(pdf_text(data), reading_order(resume_view(content))) == []


def test_the_pdf_carries_title_author_subject_and_keywords(sample):
    data, _ = pdf.pdf_for(sample, "Backend roles")
    info = PdfReader(io.BytesIO(data)).metadata
    assert info.title == "Richard Hendriks – Backend roles"
    assert info.author == "Richard Hendriks"
    assert info.subject == "Programmer"
    assert "Javascript" in info["/Keywords"]


def test_the_apps_fonts_are_embedded(sample):
    data, _ = pdf.pdf_for(sample, "T")
    fonts = []
    for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = (font.get("/DescendantFonts") or [font])[0].get_object()["/FontDescriptor"]
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        fonts.append((str(font["/BaseFont"]), embedded))
    assert any("Inter" in name for name, _ in fonts)
    assert all(embedded for _, embedded in fonts)


def test_links_are_live(sample):
    data, _ = pdf.pdf_for(sample, "T")
    links = {
        str(annotation.get_object()["/A"]["/URI"])
        for page in PdfReader(io.BytesIO(data)).pages
        for annotation in page.get("/Annots") or []
    }
    assert {"mailto:richard.hendriks@mail.com", "http://piedpiper.example.com"} <= links
    assert "https://soundcloud.example.com/dandymusicnl" in links


def test_pages_are_numbered_only_when_there_are_several():
    long = realistic_resume(8, template="classic")
    short = with_template(realistic_resume(2), "compact")

    long_text, short_text = (
        pdf_text(pdf.pdf_for(long, "T")[0]),
        pdf_text(pdf.pdf_for(short, "T")[0]),
    )

    assert "Page 1 of 2" in long_text and "Page 2 of 2" in long_text
    assert "Page 1" not in short_text


def test_the_compact_template_fits_the_sample_on_one_page(sample):
    data, _ = pdf.pdf_for(with_template(sample, "compact"), "T")
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


def test_letter_paper_is_letter_sized(sample):
    sample["meta"]["grooya"]["page"] = "Letter"
    box = PdfReader(io.BytesIO(pdf.pdf_for(sample, "T")[0])).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)


def test_a_version_is_printed_once_then_comes_from_the_cache(sample):
    with mock.patch.object(pdf, "write_pdf", autospec=True, side_effect=pdf.write_pdf) as printer:
        first, version = pdf.pdf_for(sample, "T")
        again, same_version = pdf.pdf_for(copy.deepcopy(sample), "T")
    assert printer.call_count == 1
    assert (again, same_version) == (first, version)


def test_bookkeeping_does_not_change_the_version(sample):
    _, version = pdf.pdf_for(sample, "T")
    sample["work"][0]["rev"] += 5
    sample["basics"]["rev"] += 1
    sample["meta"]["grooya"]["rev"] += 1
    assert pdf.print_document(sample, "T").version == version


def test_a_change_is_a_new_pdf_at_once(sample):
    old, version = pdf.pdf_for(sample, "T")
    sample["work"][0]["position"] = "Chief Compression Officer"

    new, new_version = pdf.pdf_for(sample, "T")

    assert new_version != version
    assert "Chief Compression Officer" in pdf_text(new)
    assert "CEO/President" not in pdf_text(new) and "CEO/President" in pdf_text(old)


def test_the_title_is_part_of_the_version(sample):
    assert pdf.print_document(sample, "A").version != pdf.print_document(sample, "B").version


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8000/", "https://example.com/x.css", "file:///etc/passwd", "data:,x"]
)
def test_printing_fetches_nothing_but_the_resume_stylesheets_and_fonts(url):
    with pytest.raises(ValueError):
        pdf.StaticFetcher().fetch(url)


def test_printing_leaves_uploads_refusing_damaged_images(sample):
    from PIL import ImageFile

    pdf.pdf_for(sample, "T")  # WeasyPrint is loaded and has printed
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
