"""Published portfolios and resumes as JSON, for anyone: the live revision only, with the
visibility rules and the cache of /p/ and /r/ (apps/core/published.py): a warm request costs
no query; a change to what the address shows makes the cached answer stale at once."""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request

from apps.core import published
from apps.portfolios.models import Portfolio, SlugRedirect
from apps.resumes.content import export
from apps.resumes.models import Resume, ResumeSlugRedirect

from .case import camelize
from .errors import PROBLEM, problem_body

JSON_KEY = "@json"  # the cache's page slug for the JSON form (no page slug has an @)


# The answer is the same for everyone, so it is cached; only the owner of a private one (known
# by the browser's session, like on /p/) gets their own, uncached.
_DOC = {
    "tags": ["Published"],
    "auth": [],
    "responses": {
        (200, "application/json"): OpenApiTypes.OBJECT,
        (404, PROBLEM): OpenApiResponse(description="Not published, private, or no such slug."),
    },
}


@extend_schema(
    operation_id="public_portfolio",
    summary="A published portfolio: its pages, blocks, design and the library they show",
    **_DOC,
)
@api_view(["GET"])
@authentication_classes([SessionAuthentication])
@permission_classes([AllowAny])
def public_portfolio(request: Request, slug: str) -> HttpResponse:
    return _published(request, f"p/{slug}", lambda: _portfolio_document(request, slug))


@extend_schema(operation_id="public_resume", summary="A published resume, as JSON Resume", **_DOC)
@api_view(["GET"])
@authentication_classes([SessionAuthentication])
@permission_classes([AllowAny])
def public_resume(request: Request, slug: str) -> HttpResponse:
    return _published(request, f"r/{slug}", lambda: _resume_document(request, slug))


def _published(request: Request, address: str, document) -> HttpResponse:
    origin = f"{request.scheme}://{request.get_host()}"
    entry, version = published.get(address, JSON_KEY, origin)  # before the query
    if entry is None:
        found = document()
        if isinstance(found, HttpResponse):
            return found
        body, noindex, owner_only = found
        if owner_only:
            response = JsonResponse(body)
            patch_cache_control(response, private=True, no_store=True)
            return response
        entry = published.entry(json.dumps(body, ensure_ascii=False), {}, noindex=noindex)
        published.put(address, JSON_KEY, origin, version, entry)
    response = published.respond(request._request, entry)
    response["Content-Type"] = "application/json"
    return response


def _portfolio_document(request: Request, slug: str):
    portfolio = Portfolio.objects.select_related("live").defer("pages").filter(slug=slug).first()
    if portfolio is None:
        moved = SlugRedirect.objects.select_related("portfolio").filter(old_slug=slug).first()
        return _moved("api:public-portfolio", moved.portfolio.slug) if moved else _not_found()
    owner_only = not portfolio.is_public
    if owner_only and not _is_owner(request, portfolio) or not portfolio.live_id:
        return _not_found()
    snap = portfolio.live.snapshot
    body = {
        "slug": portfolio.slug,
        "url": request.build_absolute_uri(reverse("public:page", args=[portfolio.slug])),
        "visibility": portfolio.visibility,
        "publishedAt": portfolio.live.created_at.isoformat(),
        **camelize(snap),
    }
    return body, portfolio.visibility == Portfolio.Visibility.UNLISTED, owner_only


def _resume_document(request: Request, slug: str):
    resume = Resume.objects.select_related("live").defer("content").filter(slug=slug).first()
    if resume is None:
        moved = ResumeSlugRedirect.objects.select_related("resume").filter(old_slug=slug).first()
        return _moved("api:public-resume", moved.resume.slug) if moved else _not_found()
    owner_only = not resume.is_public
    if owner_only and not _is_owner(request, resume) or not resume.live_id:
        return _not_found()
    return export(resume.live.snapshot["content"]), True, owner_only


def _is_owner(request: Request, thing) -> bool:
    return request.user is not None and request.user.pk == thing.owner_id


def _moved(name: str, slug: str) -> HttpResponse:
    response = HttpResponse(status=301)
    response["Location"] = reverse(name, args=[slug])
    return response


def _not_found() -> JsonResponse:
    body = problem_body(404, "Nothing is published at this address.", "not_found")
    return JsonResponse(body, status=404, content_type=PROBLEM)
