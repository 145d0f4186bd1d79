"""The ATS self-check: read the PDF back as an applicant-tracking system would, and say what it
found.

PDFium (the engine of Chrome's PDF viewer) extracts the text in the order the PDF paints it —
the order a parser reads — and this module looks in that text, not in the resume's data, for
what parsers look for: the standard section headings, an email address, a phone number, links,
each entry's title and dates. What the data says is used only to know what should have been
found, so a warning always means the parser really missed something. (pypdf reads the links
and the fonts; its text extraction garbles a whole font as soon as one glyph of it is missing,
so it does not do the reading.)
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import NameObject

from .preview import open_pdf
from .rendering import SUMMARY_HEADING

# Headings parsers know, per section (casefolded). The standard one of sections.py is first.
RECOGNISED = {
    "summary": ("summary", "profile", "professional summary", "about me", "objective"),
    "work": (
        "work experience",
        "experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
    ),
    "volunteer": ("volunteering", "volunteer experience", "volunteer work", "volunteering"),
    "education": ("education", "academic background", "education and training"),
    "projects": ("projects", "personal projects", "selected projects", "key projects"),
    "skills": ("skills", "technical skills", "core competencies", "key skills", "competencies"),
    "awards": ("awards", "honors", "honours", "awards and honors", "awards and honours"),
    "certificates": (
        "certifications",
        "certificates",
        "licenses and certifications",
        "licences and certifications",
    ),
    "publications": ("publications", "selected publications"),
    "languages": ("languages",),
    "interests": ("interests", "hobbies", "hobbies and interests"),
    "references": ("references",),
}
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(
    rf"(?P<month>\b{MONTH} (?:19|20)\d\d\b)"
    r"|(?P<numeric>\b(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\b)"
    r"|(?P<year>\b(?:19|20)\d\d\b)"
    r"|(?P<present>\b(?:present|current|now|today)\b)",
    re.IGNORECASE,
)
FORMAT_NAMES = {"month": "Mar 2021", "numeric": "03/2021", "year": "2021"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d ().-]{5,}\d(?![\w/])")
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)


@dataclass
class Report:
    pages: list[str]
    sections: list[dict] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def problems(self) -> int:
        return sum(1 for w in self.warnings if w["level"] != "tip")

    def warn(self, level: str, message: str) -> None:
        self.warnings.append({"level": level, "message": message})


def check(pdf: bytes, view: dict) -> Report:
    """What a parser reads from `pdf`, checked against what `view` (rendering.resume_view)
    put into it."""
    with open_pdf(pdf) as document:
        pages = [page.get_textpage().get_text_bounded() for page in document]
    report = Report(pages=[_plain(text) for text in pages])
    reader = PdfReader(io.BytesIO(pdf))
    report.links = _annotation_links(reader)
    text = report.text
    report.emails = list(dict.fromkeys(EMAIL.findall(text)))
    report.phones = [p.strip() for p in dict.fromkeys(PHONE.findall(text)) if _digits(p) >= 7]
    report.links += [u for u in dict.fromkeys(URL.findall(text)) if u not in report.links]
    _check_contact(report, view)
    _check_sections(report, view)
    _check_items(report, view)
    _check_characters(report, view, _undrawable(reader))
    order = {"error": 0, "warning": 1, "tip": 2}
    report.warnings.sort(key=lambda w: order[w["level"]])
    return report


def _plain(text: str) -> str:
    """PDFium's text with "\\n" line ends, and the hyphen it marks as U+0002 where a line
    breaks after one written back as a hyphen."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")


def normal(value: str) -> str:
    """Text as compared here: compatibility forms folded (ligatures, non-breaking spaces),
    case folded, runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFKC", value).casefold().split())


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _annotation_links(reader: PdfReader) -> list[str]:
    links = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            uri = action.get("/URI")
            if uri and str(uri) not in links:
                links.append(str(uri))
    return links


def _check_contact(report: Report, view: dict) -> None:
    if not report.emails:
        report.warn(
            "error",
            "No email address was found. Recruiters reply by email and many systems refuse an "
            "application without one: add yours under Contact.",
        )
    if not report.phones:
        report.warn("tip", "No phone number was found. Many recruiters call first.")
    name = view["person"]["name"]
    if not name:
        report.warn("error", "Your name is missing: parsers take the first line as the name.")
    elif normal(name) not in normal(" ".join(report.text.splitlines()[:4])):
        report.warn("warning", f"Your name “{name}” is not at the top of what parsers read.")


def _check_sections(report: Report, view: dict) -> None:
    lines = {normal(line) for line in report.text.splitlines()}
    wanted = [("summary", SUMMARY_HEADING)] if view["person"]["summary"] else []
    wanted += [(s["key"], s["heading"]) for s in view["sections"]]
    for key, heading in wanted:
        found = normal(heading) in lines
        recognised = normal(heading) in RECOGNISED[key]
        standard = RECOGNISED[key][0].capitalize()
        report.sections.append(
            {"key": key, "heading": heading, "found": found, "recognised": recognised}
        )
        if not found:
            report.warn(
                "error",
                f"The heading “{heading}” could not be found on a line of its own, so a parser "
                "may not see where that section starts.",
            )
        elif not recognised:
            report.warn(
                "warning",
                f"“{heading}” is not a heading parsers look for; they may file what is under it "
                f"in the wrong place. The usual heading is “{standard}”.",
            )


def _check_items(report: Report, view: dict) -> None:
    """Each entry's title, in order, and the dates on its first lines."""
    lined = "\n".join(normal(line) for line in report.text.splitlines())
    flat = lined.replace("\n", " ")  # the same positions: a title may wrap across lines
    position = 0
    formats: dict[str, list[str]] = {}
    for section in view["sections"]:
        for item in section["items"]:
            title = normal(item["title"])
            at = flat.find(title, position)
            found = at >= 0
            dates = []
            if found:
                position = at + len(title)
                dates = _dates_near(lined, at, position)
            entry = {"section": section["heading"], "title": item["title"], "found": found}
            entry["dates"] = [d for d, _ in dates]
            report.items.append(entry)
            if not found:
                report.warn("error", f"“{item['title']}” ({section['heading']}) was not found.")
                continue
            expected = item.get("dates")
            if expected and not dates:
                report.warn(
                    "warning",
                    f"No date was found next to “{item['title']}”, though the resume shows "
                    f"“{expected}”.",
                )
            for shown, kind in dates:
                if kind in FORMAT_NAMES:
                    formats.setdefault(kind, []).append(shown)
    if len(formats) > 1:
        ways = "; ".join(
            f"{FORMAT_NAMES[kind]} like “{examples[0]}” ({len(examples)}×)"
            for kind, examples in formats.items()
        )
        report.warn(
            "warning",
            f"Dates are written in {len(formats)} different ways — {ways}. Parsers work out "
            "your years of experience from them: give every date the same precision (a month "
            "and a year each), or choose the year-only date format.",
        )


def _dates_near(lined: str, start: int, end: int) -> list[tuple[str, str]]:
    """Dates on the line where an entry's title starts (dates may come before the title, as
    in the academic template) and at the start of the next line (where a long title pushes
    them), up to the first line that is not a date."""
    line_start = lined.rfind("\n", 0, start) + 1
    line_end = lined.find("\n", end)
    line_end = len(lined) if line_end < 0 else line_end
    window = lined[line_start:line_end]
    following = lined[line_end + 1 : line_end + 60].split("\n", 1)[0]
    if DATE.match(following):
        window += " " + following
    return [(match.group(0).title(), match.lastgroup) for match in DATE.finditer(window)]


def _check_characters(report: Report, view: dict, undrawable: set[str]) -> None:
    expected = set(normal(" ".join(_all_text(view))).replace(" ", ""))
    lost = sorted(expected - set(normal(report.text).replace(" ", "")))
    if lost:
        report.warn(
            "warning",
            f"These characters did not come through: {' '.join(lost[:20])}. Parsers will read "
            "the words that hold them wrongly; write them another way if you can.",
        )
    boxes = sorted(undrawable - {" ", "\u00a0"})
    if boxes:
        report.warn(
            "warning",
            f"No font on the PDF can draw {' '.join(boxes[:20])}: people see an empty box "
            "where they are (parsers still read them).",
        )


def _undrawable(reader: PdfReader) -> set[str]:
    """Characters the PDF shows as an empty box: WeasyPrint maps the glyphs no font has to
    glyph 0 in a font's own encoding, and names the character in its ToUnicode map."""
    found = set()
    seen = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            encoding = font.get("/Encoding")
            if encoding is None or isinstance(encoding, NameObject) or id(font) in seen:
                continue
            seen.add(id(font))
            blank = set(re.findall(rb"<([0-9a-f]{4})> 0\s", encoding.get_object().get_data()))
            to_unicode = font["/ToUnicode"].get_object().get_data()
            for code, text in re.findall(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]+)>", to_unicode):
                if code.lower() in blank:
                    found.add(bytes.fromhex(text.decode()).decode("utf-16-be", "replace"))
    return found


def _all_text(view: dict):
    """Every text the resume shows."""
    person = view["person"]
    yield person["name"]
    yield person["label"]
    yield from person["summary"]
    yield from (line["text"] for line in person["contact"] + person["links"])
    for section in view["sections"]:
        yield section["heading"]
        for item in section["items"]:
            for key in ("title", "org", "where", "about", "dates", "url_text", "level"):
                yield item.get(key, "")
            yield from item.get("summary", [])
            yield from item.get("highlights", [])
            yield from item.get("keywords", [])
            for label, value in item.get("details", []):
                yield f"{label} {value}"
