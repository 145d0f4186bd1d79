"""Resume views: creating and importing (create), the editor (editor), files made from a resume
— PDF, Word, JSON, the ATS check (files) — and the published page (public)."""

from uuid import UUID

from django.shortcuts import get_object_or_404

from apps.core.types import AuthenticatedHttpRequest

from ..models import Resume


def get_resume_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Resume:
    """The resume if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Resume.objects.select_related("live"), pk=pk, owner=request.user)
