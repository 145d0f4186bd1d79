"""Pages of a portfolio in the editor's outline: add, rename (with the same `rev` rule as
blocks), move, delete. htmx gets the outline back; browsers without JavaScript the editor."""

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from apps.core.types import AuthenticatedHttpRequest

from ..forms import NewPageForm, PageForm
from . import get_portfolio_for_user
from .editor import EDITOR_CSP, TEMPLATE, _back_to_editor, _context, _outline_response


def _answer(request, portfolio, page_id: str | None, **extra) -> HttpResponse:
    """The outline for htmx; the whole editor (with the messages) for everyone else."""
    if request.htmx:
        return _outline_response(request, portfolio, page_id=page_id, **extra)
    return render(request, TEMPLATE, _context(portfolio, page_id, **extra))


@login_required
@require_POST
@csp_override(EDITOR_CSP)
def page_add(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    form = NewPageForm(request.POST)
    if not form.is_valid():
        return _answer(request, portfolio, None, new_page_form=form)
    result = portfolio.add_page(form.cleaned_data["title"], by=request.user)
    page_id = result.page["id"] if result.ok else None
    if result.ok and not request.htmx:
        return _back_to_editor(portfolio, page_id)
    return _answer(request, portfolio, page_id, page_error=result.message)


@login_required
@require_POST
@csp_override(EDITOR_CSP)
def page_edit(request: AuthenticatedHttpRequest, pk: UUID, page_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    page = portfolio.page(page_id)
    if page is None:
        return _answer(
            request, portfolio, None, page_error="This page was deleted in another tab."
        )
    form = PageForm.for_page(page, request.POST)
    if not form.is_valid():
        return _answer(request, portfolio, page_id, page_form=form)
    data = form.cleaned_data
    result = portfolio.update_page(
        page_id, title=data["title"], slug=data["slug"], based_on=data["rev"], by=request.user
    )
    if result.ok:
        if not request.htmx:
            return _back_to_editor(portfolio, page_id)
        return _answer(request, portfolio, page_id)
    if result.conflict:  # show what is saved now; saving again keeps what they typed
        return _answer(request, portfolio, page_id, page_form=form, page_conflict=result.conflict)
    return _answer(request, portfolio, page_id, page_form=form, page_error=result.message)


@login_required
@require_POST
def page_move(request: AuthenticatedHttpRequest, pk: UUID, page_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    index = next((i for i, p in enumerate(portfolio.pages) if p["id"] == page_id), 0)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""), 0)
    portfolio.move_page(page_id, max(0, index + step), by=request.user)
    if not request.htmx:
        return _back_to_editor(portfolio, page_id)
    return _outline_response(request, portfolio, page_id=page_id)


@login_required
@require_POST
def page_delete(request: AuthenticatedHttpRequest, pk: UUID, page_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    result = portfolio.delete_page(page_id, by=request.user)
    if not request.htmx:
        return _back_to_editor(portfolio)
    return _outline_response(request, portfolio, page_error="" if result.ok else result.message)
