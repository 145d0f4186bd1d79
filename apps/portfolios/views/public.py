"""What visitors see at /p/<slug>/: server-rendered from the live revision only, cached.

A warm request is answered from the cache without a query; a cold one costs one query (the
portfolio with its live revision; the draft is not even loaded). Public pages set no cookies
and carry no CSRF token or personal data, so any shared cache may keep them, they are safe to
compress (no secret for a BREACH-style attack to guess), and ETags let browsers revalidate for
free. See apps/core/published.py for why a cached page cannot outlive a change.
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from apps.audience import counting
from apps.core import csp, published

from ..models import Portfolio, SlugRedirect
from ..rendering import render_page, snapshot


@require_safe
def public_page(request: HttpRequest, slug: str, page_slug: str = "") -> HttpResponse:
    origin = _origin(request)
    address = f"p/{slug}"
    entry, version = published.get(address, page_slug, origin)  # before the query: see there
    if entry is None:
        entry = _render_cold(request, slug, page_slug)
        if isinstance(entry, HttpResponse):
            return entry
        published.put(address, page_slug, origin, version, entry)
    return published.respond(request, entry)


def _render_cold(request: HttpRequest, slug: str, page_slug: str) -> dict | HttpResponse:
    portfolio = Portfolio.objects.select_related("live").defer("pages").filter(slug=slug).first()
    if portfolio is None:
        moved = SlugRedirect.objects.select_related("portfolio").filter(old_slug=slug).first()
        if moved is None:
            raise Http404
        target = reverse("public:page", args=[moved.portfolio.slug])
        return HttpResponsePermanentRedirect(target + (f"{page_slug}/" if page_slug else ""))
    if not portfolio.is_public:
        return _owner_view(request, portfolio, page_slug)
    base_url = request.build_absolute_uri(reverse("public:page", args=[slug]))
    noindex = portfolio.visibility == Portfolio.Visibility.UNLISTED
    rendered = render_page(
        portfolio.live.snapshot,
        page_slug,
        base_url=base_url,
        noindex=noindex,
        origin=_origin(request),
        beacon_url=counting.beacon_url(counting.target_of(portfolio), page_slug),
        contact_url=reverse("audience:contact", args=[portfolio.pk]),
        chat_url=reverse("audience:chat", args=[portfolio.pk]) if portfolio.chat_open else "",
    )
    if rendered is None:
        raise Http404
    return published.entry(rendered[0], rendered[1], noindex=noindex)


def _owner_view(request: HttpRequest, portfolio: Portfolio, page_slug: str) -> HttpResponse:
    """Private or unpublished: 404 for everyone but the owner, who sees it (never cached)."""
    if not request.user.is_authenticated or request.user.pk != portfolio.owner_id:
        raise Http404
    snap = portfolio.live.snapshot if portfolio.live_id else snapshot(portfolio)
    base_url = request.build_absolute_uri(reverse("public:page", args=[portfolio.slug]))
    rendered = render_page(
        snap, page_slug, base_url=base_url, preview=True, origin=_origin(request)
    )
    if rendered is None:
        raise Http404
    response = HttpResponse(rendered[0])
    patch_cache_control(response, private=True, no_store=True)
    csp.extend(response, rendered[1])
    response["X-Robots-Tag"] = "noindex"
    return response


def _origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@require_safe
def sitemap(request: HttpRequest) -> HttpResponse:
    """Every public (not unlisted, not private) portfolio page and resume."""
    from apps.resumes.models import Resume

    portfolios = (
        Portfolio.objects.filter(live__isnull=False, visibility=Portfolio.Visibility.PUBLIC)
        .select_related("live")
        .only("slug", "live__snapshot", "live__created_at")
    )
    urls = []
    for portfolio in portfolios:
        base = request.build_absolute_uri(reverse("public:page", args=[portfolio.slug]))
        pages = portfolio.live.snapshot["pages"]
        for index, page in enumerate(pages):
            urls.append(
                {
                    "loc": base if index == 0 else f"{base}{page['slug']}/",
                    "lastmod": portfolio.live.created_at,
                }
            )
    resumes = Resume.objects.filter(live__isnull=False, visibility=Resume.Visibility.PUBLIC)
    for slug, published_at in resumes.values_list("slug", "live__created_at"):
        loc = request.build_absolute_uri(reverse("public_resumes:page", args=[slug]))
        urls.append({"loc": loc, "lastmod": published_at})
    return render(
        request, "portfolios/sitemap.xml", {"urls": urls}, content_type="application/xml"
    )


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("public:sitemap"))
    lines = [
        "User-agent: *",
        *(f"Disallow: {p}" for p in PRIVATE_PATHS),
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


PRIVATE_PATHS = [
    "/accounts/",
    "/admin/",
    "/api/",
    "/assets/",
    "/dashboard/",
    "/library/",
    "/portfolios/",
    "/resumes/",
    "/settings/",
    "/credits/",
]
