"""Response headers Django's SecurityMiddleware does not send."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]):
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response.

    First in MIDDLEWARE, so static files (WhiteNoise), media, errors and redirects carry them.
    A view that sets its own value keeps it.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        # Uploaded images are public files with unguessable names that people reuse on other
        # sites (a blog, an exported copy of their portfolio); everything else stays ours.
        shared = request.path.startswith(settings.MEDIA_URL)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin"
        )
        return response

    return middleware
