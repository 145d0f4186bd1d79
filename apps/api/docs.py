"""ReDoc at /api/docs/, from drf-spectacular-sidecar's copy (no CDN). On in development; in
production only with API_DOCS_ENABLED=true.

The bundle is served by `redoc_script`, with the one address outside this server it would load
(Redocly's logo, drawn unconditionally in the sidebar) replaced by an empty image.

ReDoc's styled-components write <style> elements, and webpack's nonce hook in the bundle
cannot be reached from outside, so this one page allows inline styles (never inline scripts)
and a blob: worker, which ReDoc builds its search index in. Nothing on it is user content:
the OpenAPI document is ours."""

import functools
from pathlib import Path

import drf_spectacular_sidecar
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from django.views.decorators.http import etag, require_safe

from apps.core import csp

REDOC_CSP = csp.policy(
    {"worker-src": ["blob:"]}, replace={"style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}
)


@csp_override(REDOC_CSP)
@require_safe
def api_docs(request: HttpRequest) -> HttpResponse:
    if not settings.API_DOCS_ENABLED:
        raise Http404
    return render(request, "api/docs.html")


BUNDLE = Path(drf_spectacular_sidecar.__file__).parent.joinpath(
    "static", "drf_spectacular_sidecar", "redoc", "bundles", "redoc.standalone.js"
)
LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


@functools.cache
def _bundle() -> bytes:
    return BUNDLE.read_text(encoding="utf-8").replace(LOGO, EMPTY_GIF).encode()


@etag(lambda request: f'"{drf_spectacular_sidecar.__name__}-{BUNDLE.stat().st_mtime_ns}"')
@require_safe
def redoc_script(request: HttpRequest) -> HttpResponse:
    if not settings.API_DOCS_ENABLED:
        raise Http404
    response = HttpResponse(_bundle(), content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response
