"""Cover letters: the list, starting one (blank, or drafted by the assistant from a resume and a
job), the editor (autosaved, the editor contract), the PDF, deleting. The owner's only."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.ai import assistant
from apps.ai.prompts import TASKS
from apps.core import autosave
from apps.core.types import AuthenticatedHttpRequest

from .. import pdf
from ..job_forms import JOB_FIELDS, new_nonce
from ..letter_forms import LetterCreateForm, LetterForm
from ..models import CoverLetter, Resume

EDIT = "resumes/letter_edit.html"


def _get_letter_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> CoverLetter:
    """The letter if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(
        CoverLetter.objects.select_related("resume"), pk=pk, owner=request.user
    )


@login_required
@require_safe
def letter_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    letters = (
        CoverLetter.objects.filter(owner=request.user)
        .select_related("resume")
        .defer("body", "job_description", "resume__content")
    )
    return render(request, "resumes/letter_list.html", {"letters": letters})


@login_required
@require_http_methods(["GET", "POST"])
def letter_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial = {"nonce": new_nonce(), **_from_resume(request)}
    form = LetterCreateForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        body = ""
        if request.POST.get("draft"):
            try:
                draft = assistant.cover_letter(
                    request.user,
                    form.cleaned_data["resume"].content,
                    form.cleaned_data["job_description"],
                    form.cleaned_data["tone"],
                    ip=request.META.get("REMOTE_ADDR"),
                    idempotency_key=form.idempotency_key("cover_letter"),
                )
            except assistant.AIError as exc:
                form.add_error(None, exc.message)
                return _create_page(request, form)
            body = draft.text
            _tell_about(request, draft)
        letter = CoverLetter.objects.create(
            owner=request.user,
            title=form.title(),
            resume=form.cleaned_data["resume"],
            body=body,
            **form.job(),
        )
        return redirect("letters:edit", letter.pk)
    return _create_page(request, form)


def _from_resume(request) -> dict:
    """?resume=<id> chooses the resume; a resume tailored to a job brings the job along."""
    try:
        resume = Resume.objects.filter(owner=request.user, pk=request.GET.get("resume")).first()
    except ValidationError:  # not an id
        return {}
    if resume is None:
        return {}
    return {"resume": resume.pk, **{name: getattr(resume, name) for name in JOB_FIELDS}}


def _create_page(request, form: LetterCreateForm) -> HttpResponse:
    context = {"form": form, "cost": TASKS["cover_letter"].credits}
    return render(request, "resumes/letter_create.html", context)


def _tell_about(request, draft) -> None:
    if draft.offline:
        messages.info(request, "Drafted by the offline writer from your resume. Make it yours.")
    else:
        messages.success(request, "Drafted from your resume. Read it through and make it yours.")
    if draft.unverified_spans:
        claims = ", ".join(dict.fromkeys(f"“{c.text}”" for c in draft.unverified_spans))
        messages.warning(
            request, f"Check these before you send it: your resume does not mention {claims}."
        )


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def letter_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    item = {"id": letter.pk.hex, "rev": letter.rev}
    if request.method == "GET":
        form = LetterForm(instance=letter, auto_id=f"id_{item['id']}_%s")
        return render(request, EDIT, _editor(letter, item, form))
    form = LetterForm(request.POST, instance=CoverLetter(), auto_id=f"id_{item['id']}_%s")
    result = None
    if form.is_valid():
        values = {name: form.cleaned_data[name] for name in CoverLetter.EDITABLE}
        result = letter.update(values, based_on=autosave.based_on(request))
    if result and result.ok and not request.htmx:
        return redirect("letters:edit", letter.pk)
    stored = result.item if result and result.item else item
    context = {**_editor(letter, item, form), **autosave.answer(form, result, stored)}
    context["summary"] = letter.title
    if not request.htmx:  # the whole editor again, with what the person typed and why it waits
        return render(request, EDIT, {**context, "form_rev": request.POST.get("rev", "")})
    return render(request, "components/editor/autosave.html#result", context)


def _editor(letter: CoverLetter, item: dict, form: LetterForm) -> dict:
    url = reverse("letters:edit", args=[letter.pk])
    return {
        "letter": letter,
        "item": item,
        "form": form,
        "post_url": url,
        "reload_url": url,
        "heading": "Letter",
        "what": "letter",
    }


@login_required
@require_safe
def letter_pdf(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    response = HttpResponse(pdf.letter_pdf(letter), content_type="application/pdf")
    name = "-".join(f"{letter.owner.name} {letter.title}".split()) or "cover-letter"
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{name[:100]}.pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def letter_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    letter = _get_letter_for_user(request, pk)
    letter.delete()
    messages.success(request, f"“{letter.title}” was deleted.")
    return redirect("letters:list")
