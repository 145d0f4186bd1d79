from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def append_fragment(
    response: HttpResponse, template_name: str, context: dict, request: HttpRequest
) -> HttpResponse:
    """Add another rendered fragment to an htmx response, e.g. an out-of-band swap."""
    response.content += render_to_string(template_name, context, request).encode()
    return response
