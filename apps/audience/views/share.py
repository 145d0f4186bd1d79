"""Share links: /s/<token>/ shows the live version of a portfolio or resume to one recipient,
whatever its visibility, and tells the creator when it is first opened.

A share page is rendered for each request and answered `private, no-store`: it never comes
from or goes into the public page cache (apps/core/published.py), whose pages are shared by
everyone at an address and must never show something private. Every answer, the friendly
404/410 pages included, carries `noindex` (header and meta) and `Referrer-Policy:
same-origin`, so the token does not leave in a Referer to the sites it links to.
"""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core import csp
from apps.core.types import AuthenticatedHttpRequest
from apps.portfolios.models import Portfolio
from apps.portfolios.rendering import render_page
from apps.resumes import pdf
from apps.resumes import rendering as resume_rendering
from apps.resumes.models import Resume
from apps.resumes.views.files import attachment

from .. import counting
from ..forms import ShareLinkForm
from ..models import Notification, ShareLink


@require_safe
def share_page(request: HttpRequest, token: str, page_slug: str = "") -> HttpResponse:
    link = _find(token)
    if isinstance(link, HttpResponse):
        return link
    target = link.target
    if not target.live_id:
        return _gone(request, 404, "not-published")
    share_url = request.build_absolute_uri(link.path)
    if link.portfolio_id:
        rendered = render_page(
            target.live.snapshot,
            page_slug,
            base_url=share_url,
            origin=f"{request.scheme}://{request.get_host()}",
            noindex=True,
            beacon_url=counting.beacon_url(counting.target_of(target), page_slug),
            contact_url=reverse("audience:contact", args=[target.pk]),
        )
        if rendered is None:
            raise Http404
    elif page_slug:
        raise Http404
    else:
        snap = target.live.snapshot
        downloads = [("PDF", reverse("audience:share-pdf", args=[token]))]
        rendered = resume_rendering.render_page(
            snap["content"],
            title=snap["title"],
            for_print=False,
            downloads=downloads if link.allow_download else [],
            canonical=share_url,
            noindex=True,
            beacon_url=counting.beacon_url(counting.target_of(target)),
            origin=f"{request.scheme}://{request.get_host()}",
            seo=snap.get("seo"),
        )
    _track(request, link, page_slug)
    return _private(csp.extend(HttpResponse(rendered[0]), rendered[1]))


@require_safe
def share_pdf(request: HttpRequest, token: str) -> HttpResponse:
    link = _find(token)
    if isinstance(link, HttpResponse):
        return link
    if link.portfolio_id:  # a portfolio page that happens to be called "pdf"
        return share_page(request, token, "pdf")
    if not link.allow_download or not link.resume.live_id:
        raise Http404
    snap = link.resume.live.snapshot
    data, version = pdf.pdf_for(snap["content"], snap["title"])
    if _counts(request, link):
        link.record_download()
        counting.add(counting.target_of(link.resume), "download", "pdf")
    response = attachment(
        request, snap["content"], snap["title"], data, version, "pdf", "application/pdf"
    )
    return _private(response)


def _find(token: str) -> ShareLink | HttpResponse:
    link = (
        ShareLink.objects.select_related("owner", "portfolio__live", "resume__live")
        .filter(token=token)
        .first()
    )
    if link is None or link.status == "revoked":
        return _gone(None, 404, "revoked" if link else "unknown")
    if link.status == "expired":
        return _gone(None, 410, "expired")
    return link


def _gone(request, status: int, reason: str) -> HttpResponse:
    response = render(request, "audience/share_gone.html", {"reason": reason}, status=status)
    return _private(response)


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "same-origin"
    return response


def _counts(request: HttpRequest, link: ShareLink) -> bool:
    """The creator checking their own link, and link-preview bots, are not the recipient."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.pk == link.owner_id:
        return False
    return not counting.is_bot(request)


def _track(request: HttpRequest, link: ShareLink, page_slug: str) -> None:
    if not _counts(request, link):
        return
    if link.record_open(page_slug):
        who = f"{link.recipient} ({link.company})" if link.company else link.recipient
        Notification.objects.send(
            link.owner,
            Notification.Kind.SHARE_OPENED,
            f"{who} opened your link to “{link.target}”",
            url=_manage_url(link),
        )
    if not counting.opted_out(request):
        counting.add(counting.target_of(link.target), "share_open")


def _manage_url(link: ShareLink) -> str:
    if link.portfolio_id:
        return reverse("audience:portfolio-share", args=[link.portfolio_id])
    return reverse("audience:resume-share", args=[link.resume_id])


# --- The creator's side ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_share(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_object_or_404(Portfolio, pk=pk, owner=request.user)
    return _manage(request, portfolio, "portfolio")


@login_required
@require_http_methods(["GET", "POST"])
def resume_share(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_object_or_404(Resume.objects.defer("content"), pk=pk, owner=request.user)
    return _manage(request, resume, "resume")


def _manage(request: AuthenticatedHttpRequest, target, kind: str) -> HttpResponse:
    form = ShareLinkForm(request.POST or None, downloadable=kind == "resume")
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        setattr(form.instance, kind, target)
        link = form.save()
        messages.success(request, f"Link for {link.recipient} created. Copy it below.")
        return redirect(f"audience:{kind}-share", target.pk)
    links = ShareLink.objects.filter(owner=request.user).for_target(target)
    context = {
        kind: target,
        "target": target,
        "kind": kind,
        "form": form,
        "links": links,
        "origin": f"{request.scheme}://{request.get_host()}",
        "nav_section": f"{kind}s",
    }
    return render(request, "audience/share_manage.html", context)


@login_required
@require_POST
def share_revoke(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    link = get_object_or_404(ShareLink, pk=pk, owner=request.user)
    link.revoke()
    messages.success(request, f"The link for {link.recipient} no longer works.")
    return redirect(_manage_url(link))
