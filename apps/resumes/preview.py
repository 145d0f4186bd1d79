"""The editor's preview: the PDF's pages as images, so the person sees the page breaks exactly
where the PDF has them.

Pages are drawn from the cached PDF with PDFium and cached beside it under the same version:
a version never changes, so neither does its n-th page, and browsers may keep it for good. A
page image is served for a resume only at a version its preview was made for (`pages()` records
it), so one person's resume address never shows another's pages.
"""

import io
from dataclasses import dataclass

import pypdfium2
from django.core.cache import cache

from . import pdf

SCALE = 1.5  # pixels per point: an A4 page is 893 × 1263 pixels, sharp beside the form
MAX_PAGES = 60  # a longer document shows its first pages, and says so


@dataclass(frozen=True)
class PageInfo:
    number: int
    count: int
    width: int  # pixels
    height: int
    headings: tuple[str, ...]  # the section headings on this page, for its alt text


def pages(resume_key: str, document: pdf.PrintDocument, headings: list[str]) -> list[PageInfo]:
    """What each page of this version of the resume's PDF holds (cached per version)."""
    key = _pages_key(resume_key, document.version)
    found = cache.get(key)
    if found is None:
        found = []
        with open_pdf(pdf.cached_pdf(document)) as printed:
            count = len(printed)
            for index in range(min(count, MAX_PAGES)):
                page = printed[index]
                text = " ".join(page.get_textpage().get_text_bounded().casefold().split())
                shown = tuple(h for h in headings if " ".join(h.casefold().split()) in text)
                width, height = page.get_size()
                found.append(
                    PageInfo(index + 1, count, round(width * SCALE), round(height * SCALE), shown)
                )
        cache.set(key, found, pdf.CACHE_SECONDS)
    return found


def page_png(resume_key: str, version: str, number: int) -> bytes | None:
    """Page `number` (from 1) of a version of the resume's PDF as a PNG; None when no preview
    of this resume was made at that version, its PDF is no longer cached, or no such page."""
    if cache.get(_pages_key(resume_key, version)) is None or not 1 <= number <= MAX_PAGES:
        return None
    key = f"resume-page:{version}:{number}"
    image = cache.get(key)
    if image is not None:
        return image
    printed_pdf = cache.get(pdf.cache_key(version))
    if printed_pdf is None:
        return None
    with open_pdf(printed_pdf) as printed:
        if number > len(printed):
            return None
        bitmap = printed[number - 1].render(scale=SCALE)
        out = io.BytesIO()
        bitmap.to_pil().save(out, format="PNG", optimize=True)
    image = out.getvalue()
    cache.set(key, image, pdf.CACHE_SECONDS)
    return image


def _pages_key(resume_key: str, version: str) -> str:
    return f"resume-pages:{resume_key}:{version}"


class open_pdf:
    """A PDF opened with PDFium, under the process's PDFium lock."""

    def __init__(self, data: bytes):
        self.data = data

    def __enter__(self) -> pypdfium2.PdfDocument:
        pdf.PDFIUM.acquire()
        self.document = pypdfium2.PdfDocument(self.data)
        return self.document

    def __exit__(self, *exc) -> None:
        try:
            self.document.close()
        finally:
            pdf.PDFIUM.release()
