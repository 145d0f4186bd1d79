"""Files made from a resume — the PDF and the Word file — and what they show: the ATS check and
the editor's page previews. All of them are the owner's only (404 for anyone else)."""

import re
from urllib.parse import quote
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from apps.core.types import AuthenticatedHttpRequest

from .. import ats, pdf, preview, rendering, word
from ..models import Resume
from . import get_resume_for_user

VERSION = re.compile(r"^[0-9a-f]{24}$")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_safe
def resume_pdf(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    data, version = pdf.pdf_for(resume.content, resume.title)
    return attachment(
        request, resume.content, resume.title, data, version, "pdf", "application/pdf"
    )


@login_required
@require_safe
def resume_docx(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    printed = pdf.print_document(resume.content, resume.title).version
    version = f"{printed}-{word.SOURCE_DIGEST}"
    unchanged = get_conditional_response(request, etag=_etag(version))
    if unchanged is not None:  # the browser's copy is this one: no need to build it
        return unchanged
    data = word.docx_bytes(resume.content, resume.title)
    return attachment(request, resume.content, resume.title, data, version, "docx", DOCX)


@login_required
@require_safe
def resume_ats(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    document = pdf.print_document(resume.content, resume.title)
    report = ats.check(pdf.cached_pdf(document), rendering.resume_view(resume.content))
    context = {"resume": resume, "report": report, "sections": _found(report)}
    return render(request, "resumes/resume_ats.html", context)


@login_required
@require_safe
@vary_on_headers("HX-Request")
def resume_preview(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    document = pdf.print_document(resume.content, resume.title)
    context = {
        "resume": resume,
        "version": document.version,
        "pages": _pages(resume, document),
        "name": rendering.text(resume.content["basics"].get("name")) or resume.title,
    }
    partial = "#resume-preview" if request.htmx else ""
    response = render(request, f"resumes/resume_preview.html{partial}", context)
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_safe
def resume_preview_page(
    request: AuthenticatedHttpRequest, pk: UUID, version: str, number: int
) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    if not VERSION.match(version):
        raise Http404
    png = preview.page_png(resume.pk.hex, version, number)
    if png is None:  # not cached (any more): this is the current version, print it again
        document = pdf.print_document(resume.content, resume.title)
        if document.version != version:
            raise Http404
        _pages(resume, document)
        png = preview.page_png(resume.pk.hex, version, number)
    if png is None:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    # The address names an immutable version: the image at it never changes.
    response["Cache-Control"] = "private, max-age=31536000, immutable"
    return response


def _pages(resume: Resume, document: pdf.PrintDocument) -> list[preview.PageInfo]:
    view = rendering.resume_view(resume.content)
    headings = [rendering.SUMMARY_HEADING] if view["person"]["summary"] else []
    headings += [section["heading"] for section in view["sections"]]
    return preview.pages(resume.pk.hex, document, headings)


def _found(report: ats.Report) -> dict:
    return {
        "found": [s for s in report.sections if s["found"]],
        "missing": [s for s in report.sections if not s["found"]],
    }


def attachment(
    request, content: dict, title: str, data: bytes, version: str, extension: str, kind: str
) -> HttpResponse:
    """A file made from a resume, named for the person, revalidated by its version."""
    etag = _etag(version)
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        return unchanged
    ascii_name, unicode_name = rendering.file_name(content, title, extension)
    response = HttpResponse(data, content_type=kind)
    # RFC 6266: an ASCII name for every client, the real one (UTF-8) for those that read it.
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(unicode_name)}"
    )
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"  # revalidated: an edit shows at once
    return response


def _etag(version: str) -> str:
    return f'"{version}"'
