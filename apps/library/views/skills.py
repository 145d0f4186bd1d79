from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from apps.ai import assistant
from apps.ai.limits import client_ip
from apps.ai.prompts import TASKS
from apps.ai.views import announce_credits
from apps.core.types import AuthenticatedHttpRequest

from ..forms import SkillForm
from ..models import Skill
from . import render_list_instead

TEMPLATE = "library/skill_list.html"


def _get_skill_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Skill:
    """The skill if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Skill, pk=pk, owner=request.user)


def _list_context(request: AuthenticatedHttpRequest, **extra) -> dict:
    return {
        "groups": Skill.grouped(Skill.objects.owned_by(request.user)),
        "ideas_cost": TASKS["skills"].credits,
        **extra,
    }


@login_required
@require_safe
@vary_on_headers("HX-Request")
def skill_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    template = TEMPLATE + ("#skill-list" if request.htmx else "")
    return render(request, template, _list_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def skill_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    named = request.GET.get("name", "")[:100]  # "Add" from a suggested skill
    form = SkillForm(data, instance=Skill(owner=request.user, name=named))
    if request.method == "POST" and form.is_valid():
        skill = form.save()
        if not request.htmx:
            messages.success(request, f"“{skill}” is in your skills.")
            return redirect("library:skill_list")
        return render_list_instead(request, TEMPLATE, "skill-list", _list_context(request))
    if request.htmx:
        return render(request, f"{TEMPLATE}#skill-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, creating=True))


@login_required
@require_http_methods(["GET", "POST"])
def skill_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    skill = _get_skill_for_user(request, pk)
    form = SkillForm(request.POST if request.method == "POST" else None, instance=skill)
    if request.method == "POST" and form.is_valid():
        skill = form.save()
        if not request.htmx:
            messages.success(request, f"“{skill}” is saved.")
            return redirect("library:skill_list")
        if "category" in form.changed_data:  # it moves to another group
            return render_list_instead(request, TEMPLATE, "skill-list", _list_context(request))
        return render(request, f"{TEMPLATE}#skill-card", {"skill": skill})
    if request.htmx:
        return render(request, f"{TEMPLATE}#skill-form", {"form": form})
    return render(request, TEMPLATE, _list_context(request, form=form, editing=skill.pk))


@login_required
@require_POST
def skill_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    skill = _get_skill_for_user(request, pk)
    skill.delete()
    if not request.htmx:
        messages.success(request, f"“{skill}” is deleted.")
        return redirect("library:skill_list")
    return HttpResponse("")


@login_required
@require_POST
def skill_ideas(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Skills the person's projects and experience show and their list lacks (AI, charged)."""
    try:
        ideas = assistant.suggest_skills(
            request.user, ip=client_ip(request), idempotency_key=request.POST.get("key", "")[:64]
        )
        context = {"ideas": ideas}
    except assistant.AIError as exc:
        context = {"ideas_error": exc.message}
    if request.htmx:
        response = render(request, f"{TEMPLATE}#skill-ideas", context)
        return announce_credits(response, ideas.credits_left) if "ideas" in context else response
    return render(request, TEMPLATE, _list_context(request, **context))
