"""A resume's own pages beside the editor: settings (title, address, visibility), history
(versions, restore), publishing and deleting."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.types import AuthenticatedHttpRequest

from ..forms import ResumeSettingsForm, VersionForm
from ..models import ResumeRevision
from . import get_resume_for_user


@login_required
@require_http_methods(["GET", "POST"])
def resume_settings(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    form = ResumeSettingsForm(request.POST if request.method == "POST" else None, instance=resume)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("resumes:settings", pk)
    return render(request, "resumes/resume_settings.html", {"resume": resume, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def resume_history(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    form = VersionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        resume.save_version(form.cleaned_data["label"], by=request.user)
        messages.success(request, "Version saved.")
        return redirect("resumes:history", pk)
    revisions = resume.revisions.select_related("author").defer("snapshot")[:100]
    context = {"resume": resume, "revisions": revisions, "form": form}
    return render(request, "resumes/resume_history.html", context)


@login_required
@require_POST
def revision_restore(request: AuthenticatedHttpRequest, pk: UUID, revision_pk: UUID):
    resume = get_resume_for_user(request, pk)
    revision = get_object_or_404(ResumeRevision, pk=revision_pk, resume=resume)
    resume.restore(revision, by=request.user)
    messages.success(
        request, f"Restored “{revision.name}”. Your previous draft was kept in the history."
    )
    return redirect("resumes:edit", pk)


@login_required
@require_POST
def resume_publish(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    resume.publish(by=request.user)
    url = request.build_absolute_uri(reverse("public_resumes:page", args=[resume.slug]))
    messages.success(request, f"Published. Your resume is online at {url}")
    next_url = request.POST.get("next", "")
    if next_url.startswith(f"/resumes/{pk}/"):  # only back to this resume's own pages
        return redirect(next_url)
    return redirect("resumes:edit", pk)


@login_required
@require_POST
def resume_unpublish(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    resume.unpublish()
    messages.success(request, "Unpublished. Visitors now get “page not found”.")
    return redirect("resumes:settings", pk)


@login_required
@require_POST
def resume_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    if request.POST.get("confirm", "").strip() != resume.slug:
        messages.error(request, "Type the resume’s address to delete it.")
        return redirect("resumes:settings", pk)
    resume.delete()
    messages.success(request, f"“{resume.title}” deleted.")
    return redirect("core:dashboard")
