"""The resume editor (work in progress: the outline of sections and items)."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from apps.core.types import AuthenticatedHttpRequest

from ..content import layout
from ..sections import SECTIONS
from . import get_resume_for_user


@login_required
@require_safe
def resume_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    resume = get_resume_for_user(request, pk)
    sections = [SECTIONS[key] for key in layout(resume.content)["order"]]
    context = {"resume": resume, "sections": sections}
    return render(request, "resumes/resume_edit.html", context)
