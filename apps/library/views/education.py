from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from apps.core.types import AuthenticatedHttpRequest

from ..forms import EducationForm
from ..models import Education
from . import render_list_instead

TEMPLATE = "library/education_list.html"


def _get_education_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Education:
    """The education entry if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Education, pk=pk, owner=request.user)


def _list_context(request: AuthenticatedHttpRequest, **extra) -> dict:
    return {"educations": Education.objects.owned_by(request.user), **extra}


@login_required
@require_safe
@vary_on_headers("HX-Request")
def education_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    template = TEMPLATE + ("#education-list" if request.htmx else "")
    return render(request, template, _list_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def education_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = EducationForm(data, instance=Education(owner=request.user))
    if request.method == "POST" and form.is_valid():
        education = form.save()
        if not request.htmx:
            messages.success(request, f"“{education}” is in your library.")
            return redirect("library:education_list")
        return render_list_instead(request, TEMPLATE, "education-list", _list_context(request))
    if request.htmx:
        return render(request, f"{TEMPLATE}#education-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, creating=True))


@login_required
@require_http_methods(["GET", "POST"])
def education_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    education = _get_education_for_user(request, pk)
    form = EducationForm(request.POST if request.method == "POST" else None, instance=education)
    if request.method == "POST" and form.is_valid():
        education = form.save()
        if not request.htmx:
            messages.success(request, f"“{education}” is saved.")
            return redirect("library:education_list")
        return render(request, f"{TEMPLATE}#education-card", {"education": education})
    if request.htmx:
        return render(request, f"{TEMPLATE}#education-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, editing=education.pk))


@login_required
@require_POST
def education_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    education = _get_education_for_user(request, pk)
    education.delete()
    if not request.htmx:
        messages.success(request, f"“{education}” is deleted.")
        return redirect("library:education_list")
    return HttpResponse("")
