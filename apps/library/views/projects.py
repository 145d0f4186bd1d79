from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from apps.core.types import AuthenticatedHttpRequest

from ..forms import ProjectForm
from ..models import Project
from . import render_list_instead

TEMPLATE = "library/project_list.html"


def _get_project_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Project:
    """The project if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Project, pk=pk, owner=request.user)


def _list_context(request: AuthenticatedHttpRequest, **extra) -> dict:
    projects = list(Project.objects.owned_by(request.user).select_related("cover"))
    Project.attach_galleries(projects)
    return {"projects": projects, **extra}


@login_required
@require_safe
@vary_on_headers("HX-Request")
def project_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    template = TEMPLATE + ("#project-list" if request.htmx else "")
    return render(request, template, _list_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = ProjectForm(data, instance=Project(owner=request.user))
    if request.method == "POST" and form.is_valid():
        form.instance.position = Project.objects.owned_by(request.user).top_position()
        project = form.save()
        if not request.htmx:
            messages.success(request, f"“{project}” is in your library.")
            return redirect("library:project_list")
        return render_list_instead(request, TEMPLATE, "project-list", _list_context(request))
    if request.htmx:
        return render(request, f"{TEMPLATE}#project-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, creating=True))


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    project = _get_project_for_user(request, pk)
    form = ProjectForm(request.POST if request.method == "POST" else None, instance=project)
    if request.method == "POST" and form.is_valid():
        project = form.save()
        if not request.htmx:
            messages.success(request, f"“{project}” is saved.")
            return redirect("library:project_list")
        Project.attach_galleries([project])
        return render(request, f"{TEMPLATE}#project-card", {"project": project})
    if request.htmx:
        return render(request, f"{TEMPLATE}#project-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, editing=project.pk))


@login_required
@require_POST
def project_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    project = _get_project_for_user(request, pk)
    project.delete()
    if not request.htmx:
        messages.success(request, f"“{project}” is deleted.")
        return redirect("library:project_list")
    return HttpResponse("")


@login_required
@require_POST
def project_reorder(request: AuthenticatedHttpRequest) -> HttpResponse:
    # Ids of other people's projects are ignored: reorder only sees this person's rows.
    Project.objects.owned_by(request.user).reorder(request.POST.getlist("order"))
    if not request.htmx:
        return redirect("library:project_list")
    return HttpResponse(status=204)


@login_required
@require_POST
def project_move(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    project = _get_project_for_user(request, pk)
    steps = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if steps is None:
        return HttpResponseBadRequest("Move a project up or down.")
    project.move(steps)
    if not request.htmx:
        return redirect(reverse("library:project_list") + f"#project-{project.pk}")
    return render(request, f"{TEMPLATE}#project-list", _list_context(request))
