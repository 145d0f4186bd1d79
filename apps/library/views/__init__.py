"""One module per kind of library item; each follows the same list/new/edit/delete shape."""

from django.http import HttpResponse
from django.shortcuts import render
from django_htmx.http import reswap, retarget

from apps.core.types import AuthenticatedHttpRequest


def render_list_instead(
    request: AuthenticatedHttpRequest, template: str, list_id: str, context: dict
) -> HttpResponse:
    """The whole list, swapped in place of the form that asked: a new item finds its place."""
    response = render(request, f"{template}#{list_id}", context)
    return retarget(reswap(response, "outerHTML"), f"#{list_id}")
