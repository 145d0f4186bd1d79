"""What visitors see at /r/<slug>/: the published resume in its template, with its PDF and Word
files — from the live revision only, cached like /p/ (apps/core/published.py): no cookies, no
query on a warm request, gone the moment it is unpublished or made private."""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from apps.audience import counting
from apps.core import csp, published

from .. import pdf, rendering, word
from ..models import Resume, ResumeSlugRedirect
from .files import DOCX, attachment


@require_safe
def public_resume(request: HttpRequest, slug: str) -> HttpResponse:
    origin = f"{request.scheme}://{request.get_host()}"
    address = f"r/{slug}"
    entry, version = published.get(address, "", origin)  # before the query: see there
    if entry is None:
        resume = _find(slug)
        if isinstance(resume, HttpResponse):
            return resume
        if not resume.is_public:
            return _owner_view(request, resume)
        entry = _render(request, resume, resume.live.snapshot)
        published.put(address, "", origin, version, entry)
    return published.respond(request, entry)


@require_safe
def public_resume_file(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """The published version's PDF or Word file (anyone may fetch it while it is public)."""
    resume = _find(slug)
    if isinstance(resume, HttpResponse):
        return resume
    if not resume.is_public:
        raise Http404
    snap = resume.live.snapshot
    if counting.countable(request):
        counting.add(counting.target_of(resume), "download", kind)
    if kind == "pdf":
        data, version = pdf.pdf_for(snap["content"], snap["title"])
        response = attachment(
            request, snap["content"], snap["title"], data, version, "pdf", "application/pdf"
        )
    else:
        version = f"{pdf.print_document(snap['content'], snap['title']).version}-docx"
        data = word.docx_bytes(snap["content"], snap["title"])
        response = attachment(request, snap["content"], snap["title"], data, version, "docx", DOCX)
    patch_cache_control(response, public=True, max_age=60)
    return response


def _find(slug: str) -> Resume | HttpResponse:
    resume = Resume.objects.select_related("live").defer("content").filter(slug=slug).first()
    if resume is not None:
        return resume
    moved = ResumeSlugRedirect.objects.select_related("resume").filter(old_slug=slug).first()
    if moved is None:
        raise Http404
    return HttpResponsePermanentRedirect(reverse("public_resumes:page", args=[moved.resume.slug]))


def _render(request: HttpRequest, resume: Resume, snap: dict, *, preview=False) -> dict:
    noindex = preview or resume.visibility == Resume.Visibility.UNLISTED
    downloads = [
        ("PDF", reverse("public_resumes:pdf", args=[resume.slug])),
        ("Word", reverse("public_resumes:docx", args=[resume.slug])),
    ]
    canonical = request.build_absolute_uri(reverse("public_resumes:page", args=[resume.slug]))
    html, csp_additions = rendering.render_page(
        snap["content"],
        title=snap["title"],
        for_print=False,
        downloads=downloads if not preview else [],
        canonical=canonical,
        noindex=noindex,
        beacon_url="" if preview else counting.beacon_url(counting.target_of(resume)),
        origin="" if preview else f"{request.scheme}://{request.get_host()}",  # shared links' card
        seo=snap.get("seo"),  # none in revisions published before link previews
    )
    return published.entry(html, csp_additions, noindex=noindex)


def _owner_view(request: HttpRequest, resume: Resume) -> HttpResponse:
    """Private or unpublished: 404 for everyone but the owner, who sees it (never cached)."""
    if not request.user.is_authenticated or request.user.pk != resume.owner_id:
        raise Http404
    resume.refresh_from_db(fields=["content"])
    snap = resume.live.snapshot if resume.live_id else resume.draft_snapshot()
    entry = _render(request, resume, snap, preview=True)
    response = HttpResponse(entry["html"])
    patch_cache_control(response, private=True, no_store=True)
    csp.extend(response, entry["csp"])
    response["X-Robots-Tag"] = "noindex"
    return response
