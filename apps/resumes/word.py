"""A resume as a Word file (python-docx), for the recruiters and systems that ask for one.

It is written from the same view as the PDF (rendering.resume_view), so it says the same
things in the same order: the name as the document's Title, each section a Heading 1, each
entry a Heading 2, highlights as a real bulleted list, links as live hyperlinks. One column,
no tables or text boxes: what parsers read most reliably. (Named word.py so it does not
shadow the `docx` package.)
"""

import hashlib
import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from .rendering import SUMMARY_HEADING, accent_colors, document_meta, resume_view

# Fonts that recruiters' machines have, for each of ours: a Word file cannot carry fallbacks.
FONTS = {"inter": "Calibri", "space-grotesk": "Calibri", "source-serif": "Georgia"}
FONTS["fraunces"] = "Georgia"
PAGES = {"A4": (Mm(210), Mm(297)), "Letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(18)
INK = RGBColor(0x1F, 0x23, 0x28)
MUTED = RGBColor(0x55, 0x5D, 0x66)
STYLE_IDS: dict[str, str] = {}  # Word's style names → ids, the same in every file we write
# What, besides the resume, makes a Word file: for the download's ETag.
SOURCE_DIGEST = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]


def docx_bytes(content: dict, title: str) -> bytes:
    view = resume_view(content)
    chosen = view["layout"]
    document = Document()
    ink = accent_colors(chosen["accent"])["ink"]  # the PDF's colour for text in the accent
    _set_up(document, chosen, RGBColor.from_string(ink.lstrip("#").upper()))
    meta = document_meta(view, title)
    properties = document.core_properties
    properties.title, properties.author = meta["title"], meta["author"]
    properties.subject, properties.keywords = meta["subject"], meta["keywords"]
    properties.comments = "Made with Grooya"

    person = view["person"]
    _paragraph(document, person["name"] or meta["title"], "Title")
    if person["label"]:
        _paragraph(document, person["label"], "Subtitle")
    for lines in (person["contact"], person["links"]):
        if lines:
            paragraph = _paragraph(document, style="Contact")
            for index, line in enumerate(lines):
                if index:
                    paragraph.add_run("  ·  ")
                _text_or_link(paragraph, line["text"], line["href"])
    if person["summary"]:
        _paragraph(document, SUMMARY_HEADING, "Heading 1")
        for text in person["summary"]:
            _paragraph(document, text)
    dates_first = chosen["template"] == "academic"
    for section in view["sections"]:
        _paragraph(document, section["heading"], "Heading 1")
        for item in section["items"]:
            if section["kind"] == "list":
                _line(document, item)
            else:
                _entry(document, item, dates_first)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_up(document, chosen: dict, accent: RGBColor) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGES[chosen["page"]]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    width = section.page_width - 2 * MARGIN
    font = FONTS[chosen["font"]]
    styles = document.styles
    _style(styles["Normal"], font, 10.5, INK, after=3)
    _style(styles["Title"], font, 24, INK, bold=True, after=2)
    _no_border(styles["Title"])
    _style(styles["Subtitle"], font, 12.5, accent, italic=False, after=4)
    _style(styles["Heading 1"], font, 11.5, accent, bold=True, before=14, after=4)
    styles["Heading 1"].font.all_caps = True
    _style(styles["Heading 2"], font, 11, INK, bold=True, before=8, after=1)
    tabs = styles["Heading 2"].paragraph_format.tab_stops
    if chosen["template"] == "academic":  # dates first, the title in a column after them
        tabs.add_tab_stop(Mm(36), WD_TAB_ALIGNMENT.LEFT)
    else:  # the title, then the dates flush right
        tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _style(styles["List Bullet"], font, 10.5, INK, after=1)
    contact = styles.add_style("Contact", 1)  # 1: a paragraph style
    contact.base_style = styles["Normal"]
    _style(contact, font, 9.5, MUTED, after=1)
    meta = styles.add_style("Entry details", 1)
    meta.base_style = styles["Normal"]
    _style(meta, font, 9.5, MUTED, after=2)
    for name in ("Heading 1", "Heading 2"):
        styles[name].paragraph_format.keep_with_next = True


def _style(style, font: str, size: float, color, *, bold=None, italic=None, before=0, after=0):
    style.font.name = font
    # Word picks the East Asian and complex-script faces separately: name ours for all.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)
    style.font.size = Pt(size)
    style.font.color.rgb = color
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)


def _no_border(style) -> None:
    """Word's Title style draws a rule under the name; the PDF has none."""
    properties = style.element.get_or_add_pPr()
    for border in properties.findall(qn("w:pBdr")):
        properties.remove(border)


def _entry(document, item: dict, dates_first: bool) -> None:
    head = _paragraph(document, style="Heading 2")
    if dates_first and item["dates"]:  # the academic template's hanging dates
        _muted(head.add_run(item["dates"]))
        head.add_run("\t")
    head.add_run(item["title"])
    if item["org"]:
        head.add_run(f", {item['org']}").bold = False
    if item["dates"] and not dates_first:
        head.add_run("\t")
        _muted(head.add_run(item["dates"]))
    if item["where"] or item["url"]:
        details = _paragraph(document, style="Entry details")
        if item["where"]:
            details.add_run(item["where"])
        if item["where"] and item["url"]:
            details.add_run(" · ")
        if item["url"]:
            _text_or_link(details, item["url_text"], item["url"])
    if item["about"]:
        _paragraph(document, item["about"], "Entry details")
    for text in item["summary"]:
        _paragraph(document, text)
    for highlight in item["highlights"]:
        _paragraph(document, highlight, "List Bullet")
    for label, value in item["details"]:
        _labelled(document, label, value)
    if item["keywords"]:
        _labelled(document, "Keywords", ", ".join(item["keywords"]))


def _line(document, item: dict) -> None:
    paragraph = _paragraph(document)
    paragraph.add_run(item["title"]).bold = True
    if item["level"]:
        _muted(paragraph.add_run(f" ({item['level']})"))
    if item["keywords"]:
        paragraph.add_run(": " + ", ".join(item["keywords"]))


def _labelled(document, label: str, value: str) -> None:
    paragraph = _paragraph(document)
    paragraph.add_run(f"{label}:").bold = True
    paragraph.add_run(f" {value}")


def _paragraph(document, text: str = "", style: str | None = None) -> Paragraph:
    """`document.add_paragraph`, in constant time: python-docx looks for the section settings
    at the end of the body on every call (quadratic: 500 positions took 13 s)."""
    body = document._body
    element = body._element._new_p()
    body._element.sectPr.addprevious(element)
    paragraph = Paragraph(element, body)
    if text:
        paragraph.add_run(text)
    if style:  # by id: assigning a style by name looks up the default style every time
        element.style = _style_id(document, style)
    return paragraph


def _style_id(document, name: str) -> str:
    if name not in STYLE_IDS:
        STYLE_IDS[name] = document.styles[name].style_id
    return STYLE_IDS[name]


def _muted(run) -> None:
    run.bold = False
    run.font.color.rgb = MUTED


def _text_or_link(paragraph, text: str, href: str) -> None:
    """A live hyperlink when there is an address (python-docx has no call for one yet)."""
    if not href:
        paragraph.add_run(text)
        return
    relation = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text)
    run.font.color.rgb = INK
    run.font.underline = True
    link.append(run._r)  # moves the run into the link
    paragraph._p.append(link)
