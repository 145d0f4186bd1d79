"""The person's resumes: the list, starting one (blank or from the library), importing one
(JSON Resume or a LinkedIn export), a tailored copy, the JSON Resume download, and saving a
resume item into the library."""

import json
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import HttpResponseClientRedirect

from apps.core.types import AuthenticatedHttpRequest

from ..content import ContentError, export
from ..create_forms import ResumeCreateForm, ResumeImportForm
from ..importers import Imported
from ..library import LIBRARY_PAGES, save_to_library
from ..models import Resume
from . import get_resume_for_user


@login_required
@require_safe
def resume_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    resumes = (
        Resume.objects.filter(owner=request.user)
        .select_related("live", "tailored_from")
        .defer("tailored_from__content", "tailored_from__job_description")
    )
    return render(request, "resumes/resume_list.html", {"resumes": resumes})


@login_required
@require_http_methods(["GET", "POST"])
def resume_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    start = request.GET.get("start")
    form = ResumeCreateForm(
        request.POST if request.method == "POST" else None,
        owner=request.user,
        initial={"start": start} if start in ("blank", "library") else {},
    )
    if request.method == "POST" and form.is_valid():
        return _created(request, form.content(), form.cleaned_data["title"])
    return render(request, "resumes/resume_create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def resume_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ResumeImportForm()
    if request.method == "POST":
        # A file over the upload limit was skipped while it streamed in (assets.uploads);
        # pasted text over DATA_UPLOAD_MAX_MEMORY_SIZE never gets here: errors/400.html.
        files = request.FILES  # parses the body, which is when the size limit applies
        too_large = "file" in getattr(request, "upload_too_large", ())
        form = ResumeImportForm(request.POST, files, too_large=too_large)
        if form.is_valid():
            return _created(request, form.imported, form.cleaned_data["title"])
    return render(request, "resumes/resume_import.html", {"form": form})


def _created(request: AuthenticatedHttpRequest, imported: Imported, title: str) -> HttpResponse:
    """A new resume from what was read; the person sees what changed on the way in."""
    try:
        resume = Resume.create_for(
            request.user, title=title or imported.title or "My resume", content=imported.content
        )
    except ContentError as exc:  # the readers fit every value; this is their safety net
        messages.error(request, f"Nothing was created: {exc.problems[0]}")
        return redirect("resumes:list")
    messages.success(request, f"“{resume.title}” is ready to edit.")
    for note in imported.notes:
        messages.warning(request, note)
    return redirect("resumes:edit", resume.pk)


@login_required
@require_POST
def resume_duplicate(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    try:
        copy = resume.duplicate()
    except ContentError as exc:
        messages.error(request, f"Not copied: {exc.problems[0]}")
        return redirect("resumes:list")
    messages.success(request, f"Copied. Tailor “{copy.title}” for the job; the original stays.")
    if request.htmx:
        return HttpResponseClientRedirect(reverse("resumes:edit", args=[copy.pk]))
    return redirect("resumes:edit", copy.pk)


@login_required
@require_safe
def resume_json(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """The draft as a standard JSON Resume document, downloaded."""
    resume = get_resume_for_user(request, pk)
    body = json.dumps(export(resume.content), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=resume.download_name("json")
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def item_to_library(
    request: AuthenticatedHttpRequest, pk: UUID, section: str, item_id: str
) -> HttpResponse:
    """Save one resume item into the library; the editor shows the answer beside the item."""
    resume = get_resume_for_user(request, pk)
    if section not in LIBRARY_PAGES:
        raise Http404
    item = next((i for i in resume.content[section] if i["id"] == item_id), None)
    if item is None:
        raise Http404
    saved = save_to_library(request.user, section, item)
    if request.htmx:
        context = {"saved": saved, "item_id": item_id}
        return render(request, "resumes/to_library.html#library-status", context)
    (messages.success if saved.ok else messages.error)(request, saved.message)
    return redirect("resumes:edit", resume.pk)
