"""Tailoring a resume to a job: paste the job, see which of its keywords the resume covers and
the edits the assistant suggests, accept them one by one, and save the result as a new resume
linked to the job. The original never changes."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from apps.ai import assistant
from apps.ai.prompts import TASKS
from apps.core.types import AuthenticatedHttpRequest

from ..content import ContentError
from ..job_forms import JobForm, new_nonce
from ..models import Resume
from . import get_resume_for_user

TEMPLATE = "resumes/resume_tailor.html"


@login_required
@require_http_methods(["GET", "POST"])
def resume_tailor(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    if request.method == "GET":
        initial = {"nonce": new_nonce(), **_job_of(resume)}
        return _page(request, resume, JobForm(initial=initial))
    form = JobForm(request.POST)
    if not form.is_valid():
        return _page(request, resume, form)
    tailoring = _tailoring(request, resume, form)
    return _page(request, resume, form, tailoring)


@login_required
@require_POST
def resume_tailor_create(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """Save the accepted edits as a new resume. The edits are the ones shown: the same
    submission's stored answer, read again (no second charge) and checked again."""
    resume = get_resume_for_user(request, pk)
    form = JobForm(request.POST)
    if not form.is_valid():
        return _page(request, resume, form)
    tailoring = _tailoring(request, resume, form)
    if tailoring is None:
        return _page(request, resume, form)
    chosen = set(request.POST.getlist("accept"))
    accepted = [e for e in tailoring.edits if edit_key(e) in chosen]
    if not accepted:
        form.add_error(None, "Accept at least one edit to make a tailored resume.")
        return _page(request, resume, form, tailoring)
    try:
        tailored = resume.tailor(assistant.apply_edits(resume.content, accepted), job=form.job())
    except ContentError as exc:
        form.add_error(None, f"Not saved: {exc.problems[0]}")
        return _page(request, resume, form, tailoring)
    count = len(accepted)
    messages.success(
        request,
        f"“{tailored.title}” is ready, with {count} accepted edit{'s' if count > 1 else ''}. "
        f"“{resume.title}” is unchanged.",
    )
    return redirect("resumes:edit", tailored.pk)


def edit_key(edit) -> str:
    return f"{edit.section}:{edit.item_id}:{edit.field}"


def _tailoring(request, resume: Resume, form: JobForm):
    try:
        return assistant.tailor(
            request.user,
            resume.content,
            form.cleaned_data["job_description"],
            ip=request.META.get("REMOTE_ADDR"),
            idempotency_key=form.idempotency_key("tailor"),
        )
    except assistant.AIError as exc:
        form.add_error(None, exc.message)
        return None


def _job_of(resume: Resume) -> dict:
    """A tailored resume is tailored again most often to the same job."""
    if not resume.job_description:
        return {}
    return {
        "job_title": resume.job_title,
        "job_company": resume.job_company,
        "job_url": resume.job_url,
        "job_description": resume.job_description,
    }


def _page(request, resume: Resume, form: JobForm, tailoring=None) -> HttpResponse:
    edits = [
        {
            "key": edit_key(e),
            "edit": e,
            "before": _lines(e.before, resume, e.field),
            "after": _lines(e.after, resume, e.field),
        }
        for e in (tailoring.edits if tailoring else [])
    ]
    context = {
        "resume": resume,
        "form": form,
        "tailoring": tailoring,
        "edits": edits,
        "accepted": set(request.POST.getlist("accept")) if "accept" in request.POST else None,
        "cost": TASKS["tailor"].credits,
        "missing": [r for r in tailoring.coverage if not r["found"]] if tailoring else [],
    }
    partial = "#tailor-page" if request.htmx else ""
    return render(request, TEMPLATE + partial, context)


def _lines(value, resume: Resume, field: str) -> list[str]:
    """What an edit's before or after reads as: text, bullet lines, or skill names in order."""
    if field == "order":
        names = {s.get("id"): s.get("name", "") for s in resume.content.get("skills") or []}
        return [names.get(i, "") for i in value]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [value] if value else []
