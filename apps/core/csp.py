"""The Content-Security-Policy of one response: the site-wide policy (settings.SECURE_CSP) plus
what that response needs, e.g. the hash of a theme's inline style or a frame source."""

from django.conf import settings
from django.http import HttpResponse


def policy(additions: dict | None = None, replace: dict | None = None) -> dict:
    """The site-wide policy with these sources added (and these directives replaced)."""
    config = {key: list(values) for key, values in settings.SECURE_CSP.items()}
    for key, values in (additions or {}).items():
        config[key] = [*config.get(key, []), *values]
    return {**config, **(replace or {})}


def extend(response: HttpResponse, additions: dict, replace: dict | None = None) -> HttpResponse:
    """Send this response with the site-wide policy plus `additions`.

    For a policy known when the view is written, use `@csp_override(policy(…))` instead.
    """
    response._csp_config = policy(additions, replace)  # what Django's csp_override sets
    return response
