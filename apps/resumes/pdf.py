"""A resume as a PDF, printed by WeasyPrint from the same HTML as the web page.

A PDF is a pure function of its print HTML and the files that style it, so its **version** is a
hash of exactly those: the HTML (which holds everything shown, the metadata included) and the
print templates, stylesheets and this module. Bookkeeping — revs, timestamps, publishing — is not
in the HTML and changes nothing; any change to what the PDF shows is a new version at once.
PDFs (and the preview's page images) are cached under their version and never invalidated:
an old version is simply no longer asked for.

WeasyPrint reads only our own static files (the stylesheets and fonts): nothing a person typed
makes it fetch anything — links are written into the PDF, never followed.
"""

import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.core.cache import cache as shared_cache
from PIL import ImageFile

from apps.core import fonts

from .content import layout
from .rendering import render_page, stylesheet_paths

# Importing WeasyPrint switches on Pillow's LOAD_TRUNCATED_IMAGES for the whole process; image
# uploads (apps/assets) rely on Pillow refusing a damaged file, and resumes print no images.
ImageFile.LOAD_TRUNCATED_IMAGES = False

CACHE_SECONDS = 7 * 24 * 3600
PAGE_NUMBERS = "resume/paged.css"
FIT_ONE_PAGE = "resume/compact-fit.css"
# PDFium (page images, the ATS check's reading) is not thread-safe: one document at a time.
PDFIUM = threading.Lock()
# What can change a PDF besides its HTML: these files, and WeasyPrint itself.
PRINT_SOURCES = (
    Path(settings.BASE_DIR, "templates", "resumes", "print"),
    Path(settings.BASE_DIR, "static", "resume"),
    Path(__file__),
)


@dataclass(frozen=True)
class PrintDocument:
    html: str
    version: str
    fit_one_page: bool = False


def print_document(content: dict, title: str) -> PrintDocument:
    chosen = layout(content)
    stylesheets = [fonts.static_file(path).as_uri() for path in stylesheet_paths(chosen)]
    html, _ = render_page(content, title=title, for_print=True, stylesheets=stylesheets)
    digest = hashlib.sha256(f"{sources_digest()}\n{html}".encode())
    return PrintDocument(
        html=html,
        version=digest.hexdigest()[:24],
        fit_one_page=chosen["template"] == "compact",
    )


def pdf_for(content: dict, title: str) -> tuple[bytes, str]:
    """(PDF bytes, version) of a resume: from the cache when this version was printed before."""
    document = print_document(content, title)
    return cached_pdf(document), document.version


def cached_pdf(document: PrintDocument) -> bytes:
    key = cache_key(document.version)
    pdf = shared_cache.get(key)
    if pdf is None:
        pdf = write_pdf(document)
        shared_cache.set(key, pdf, CACHE_SECONDS)
    return pdf


def cache_key(version: str) -> str:
    return f"resume-pdf:{version}"


def write_pdf(document: PrintDocument) -> bytes:
    """Print the HTML. Page numbers ("Page 2 of 3") only on a resume of several pages: they sit
    in the margin, so adding or leaving them out never moves a line of text. The compact
    template takes one step smaller type when that is what fits it on one page."""
    source = weasyprint.HTML(string=document.html, base_url=_static_root(), url_fetcher=_fetcher())
    numbers = _stylesheet(PAGE_NUMBERS)
    extra: list = []
    printed = source.render(stylesheets=[numbers], pdf_tags=True)
    if document.fit_one_page and len(printed.pages) > 1:
        fitted = source.render(stylesheets=[_stylesheet(FIT_ONE_PAGE), numbers], pdf_tags=True)
        if len(fitted.pages) == 1:
            printed, extra = fitted, [_stylesheet(FIT_ONE_PAGE)]
    if len(printed.pages) == 1:
        printed = source.render(stylesheets=extra, pdf_tags=True)
    return printed.write_pdf(pdf_tags=True)


def _stylesheet(path: str) -> weasyprint.CSS:
    return weasyprint.CSS(filename=fonts.static_file(path), url_fetcher=_fetcher())


class StaticFetcher(weasyprint.urls.URLFetcher):
    """Lets WeasyPrint read the resume stylesheets and fonts from our static files; refuses
    every other address, so rendering never touches the network or the rest of the disk."""

    def fetch(self, url: str, headers=None):
        parts = urlsplit(url)
        path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
        if path is None or not any(path.is_relative_to(root) for root in _allowed_roots()):
            raise ValueError(f"Resumes load only their own stylesheets and fonts, not {url[:80]}")
        if path.suffix == ".woff2":
            return weasyprint.urls.URLFetcherResponse(
                url, fonts.decompressed(path), {"Content-Type": "font/ttf"}
            )
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return weasyprint.urls.URLFetcherResponse(
            url, path.read_bytes(), {"Content-Type": content_type}
        )


@cache
def _fetcher() -> StaticFetcher:
    return StaticFetcher()  # one per process: making one builds an SSL context we never use


@cache
def sources_digest() -> str:
    """A hash of the print templates, stylesheets, this module and WeasyPrint's version."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for source in PRINT_SOURCES:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _allowed_roots() -> tuple[Path, ...]:
    css = fonts.static_file("resume/resume.css").parent
    font_dir = fonts.static_file("site/fonts/inter-latin-400-normal.woff2").parent
    return (css, font_dir)


def _static_root() -> str:
    return fonts.static_file("resume/resume.css").parent.as_uri() + "/"


def letter_pdf(letter) -> bytes:
    """A cover letter as a PDF: the sender from its resume, the date, the job, the text."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    basics = (letter.resume.content.get("basics") or {}) if letter.resume else {}
    name = basics.get("name") or letter.owner.name
    city = (basics.get("location") or {}).get("city", "")
    contact = [v for v in (basics.get("email"), basics.get("phone"), city) if v]
    paragraphs = [p.strip() for p in letter.body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    html = render_to_string(
        "resumes/print/letter.html",
        {
            "letter": letter,
            "name": name,
            "contact": contact,
            "date": timezone.localdate(),
            "paragraphs": paragraphs,
            "stylesheet": fonts.static_file("resume/letter.css").as_uri(),
        },
    )
    source = weasyprint.HTML(string=html, base_url=_static_root(), url_fetcher=_fetcher())
    return source.write_pdf(pdf_tags=True)
