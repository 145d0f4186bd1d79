from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from apps.core.types import AuthenticatedHttpRequest

from ..forms import ExperienceForm
from ..models import Experience
from . import render_list_instead

TEMPLATE = "library/experience_list.html"


def _get_experience_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Experience:
    """The experience entry if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Experience, pk=pk, owner=request.user)


def _list_context(request: AuthenticatedHttpRequest, **extra) -> dict:
    return {"experiences": Experience.objects.owned_by(request.user), **extra}


@login_required
@require_safe
@vary_on_headers("HX-Request")
def experience_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    template = TEMPLATE + ("#experience-list" if request.htmx else "")
    return render(request, template, _list_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def experience_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ExperienceForm(data, instance=Experience(owner=request.user))
    if request.method == "POST" and form.is_valid():
        experience = form.save()
        if not request.htmx:
            messages.success(request, f"“{experience}” is in your library.")
            return redirect("library:experience_list")
        return render_list_instead(request, TEMPLATE, "experience-list", _list_context(request))
    if request.htmx:
        return render(request, f"{TEMPLATE}#experience-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, creating=True))


@login_required
@require_http_methods(["GET", "POST"])
def experience_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    experience = _get_experience_for_user(request, pk)
    form = ExperienceForm(request.POST if request.method == "POST" else None, instance=experience)
    if request.method == "POST" and form.is_valid():
        experience = form.save()
        if not request.htmx:
            messages.success(request, f"“{experience}” is saved.")
            return redirect("library:experience_list")
        return render(request, f"{TEMPLATE}#experience-card", {"experience": experience})
    if request.htmx:
        return render(request, f"{TEMPLATE}#experience-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, editing=experience.pk))


@login_required
@require_POST
def experience_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    experience = _get_experience_for_user(request, pk)
    experience.delete()
    if not request.htmx:
        messages.success(request, f"“{experience}” is deleted.")
        return redirect("library:experience_list")
    return HttpResponse("")
