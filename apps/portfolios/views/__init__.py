"""Portfolio views: the creator's pages (portfolio), the block editor (editor) and what
visitors see (public)."""

from uuid import UUID

from django.shortcuts import get_object_or_404

from apps.core.types import AuthenticatedHttpRequest

from ..models import Portfolio


def get_portfolio_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Portfolio:
    """The portfolio if the signed-in person owns it; 404 otherwise (no existence leak)."""
    # Not the live snapshot: editing never reads it, and decoding it cost every autosave.
    portfolios = Portfolio.objects.select_related("live").defer("live__snapshot")
    return get_object_or_404(portfolios, pk=pk, owner=request.user)
