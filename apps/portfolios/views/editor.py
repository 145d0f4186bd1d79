"""The block editor: every change is one locked operation on the portfolio (models.Portfolio).

Browsers without JavaScript get full pages and redirects. htmx gets fragments that name only
elements of the block or page they are about (their ids carry its id), never an input: saving
fills the status, the rev and the message slots beside the fields (README "how editing stays
safe"). Conflicts and "deleted in another tab" are handled before the htmx branch, so both
kinds of browser see them.
"""

from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import trigger_client_event

from apps.blocks import registry
from apps.core import autosave, csp
from apps.core.htmx import append_fragment
from apps.core.types import AuthenticatedHttpRequest

from ..editing import EditResult
from ..forms import PageForm, editor_form
from ..models import Portfolio
from . import get_portfolio_for_user
from .mentor import guide_context

UNDO_SECONDS = 600
# The editor shows the live preview in a frame of this origin.
EDITOR_CSP = csp.policy({"frame-src": ["'self'"]})
TEMPLATE = "portfolios/portfolio_edit.html"


def _context(
    portfolio: Portfolio, page_id: str | None = None, block_id: str | None = None, **extra
) -> dict:
    page = portfolio.page(page_id) if page_id else None
    found = portfolio.find_block(block_id) if block_id else None
    if found:
        page = found[0]
    page = page or portfolio.pages[0]
    block = found[1] if found else None
    rows = [
        {"block": b, "type": registry.get(b["type"]), "summary": _summary(b)}
        for b in page["blocks"]
    ]
    return {
        "portfolio": portfolio,
        "page": page,
        "page_form": PageForm.for_page(page),
        "current_block": block,  # not "block": {% block %} tags would hide it
        "rows": rows,
        "block_type": registry.get(block["type"]) if block else None,
        "types": registry.BLOCK_TYPES.values(),
        "preview_url": _preview_url(portfolio, page),
        **extra,
    }


def _summary(block: dict) -> str:
    data = block["data"]
    return next((str(data[k]) for k in ("heading", "title", "text") if data.get(k)), "")


def _preview_url(portfolio: Portfolio, page: dict) -> str:
    if page["id"] == portfolio.pages[0]["id"]:
        return reverse("portfolios:preview", args=[portfolio.pk])
    return reverse("portfolios:preview-page", args=[portfolio.pk, page["slug"]])


def _refresh_preview(response: HttpResponse, url: str) -> HttpResponse:
    # After the swap, on the page body: the element that asked may be gone by then.
    return trigger_client_event(response, "preview-refresh", {"url": url}, after="swap")


def _outline_response(request, portfolio, page_id=None, block_id=None, **extra) -> HttpResponse:
    context = _context(portfolio, page_id, block_id, **extra)
    response = render(request, f"{TEMPLATE}#outline", context)
    return _refresh_preview(response, context["preview_url"])


def _back_to_editor(portfolio, page_id=None, block_id=None) -> HttpResponse:
    query = f"?page={page_id}" if page_id else ""
    query += f"{'&' if query else '?'}block={block_id}" if block_id else ""
    return redirect(reverse("portfolios:edit", args=[portfolio.pk]) + query)


@login_required
@require_safe
@never_cache  # Back and Forward reload the editor from the server, never from a stale copy
@csp_override(EDITOR_CSP)
def portfolio_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    context = _context(portfolio, request.GET.get("page"), request.GET.get("block"))
    if context["current_block"]:
        context["form"] = editor_form(context["current_block"], request.user)
    if portfolio.is_guided:
        context["guide"] = guide_context(portfolio)
    return render(request, TEMPLATE, context)


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
@csp_override(EDITOR_CSP)
def block_edit(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    found = portfolio.find_block(block_id)
    if found is None:
        return _gone(request, portfolio, block_id, "This block was deleted in another tab.")
    page, block, _ = found
    if request.method == "GET":
        if not request.htmx:
            return _back_to_editor(portfolio, page["id"], block_id)
        context = _context(portfolio, block_id=block_id, form=editor_form(block, request.user))
        return render(request, f"{TEMPLATE}#block-form", context)

    form = editor_form(block, request.user, data=request.POST)
    result = _save(portfolio, block, form, request) if form.is_valid() else None
    if result and not result.ok and not result.conflict:
        return _gone(request, portfolio, block_id, result.message)
    if result and result.ok and not request.htmx:
        return _back_to_editor(portfolio, page["id"], block_id)
    stored = result.block if result else block
    context = {
        "portfolio": portfolio,
        **autosave.answer(form, result, stored, values=lambda b: b["data"]),
        "what": "block",
        "reload_url": reverse("portfolios:block-edit", args=[portfolio.pk, block_id]),
    }
    if not request.htmx:  # the whole editor again, with what the person typed and why it waits
        context = {
            **_context(portfolio, block_id=block_id),
            **context,
            "form_rev": _int(request.POST.get("rev")),
        }
        return render(request, TEMPLATE, context)
    context["summary"] = _summary(context["item"])
    response = render(request, "components/editor/autosave.html#result", context)
    if context["saved"]:
        _refresh_preview(response, _preview_url(portfolio, page))
    return response


def _save(portfolio: Portfolio, block: dict, form: forms.Form, request) -> EditResult | None:
    values = autosave.json_values(form.cleaned_data)
    try:
        return portfolio.update_block(
            block["id"], values, based_on=autosave.based_on(request), by=request.user
        )
    except ValidationError as exc:  # e.g. the document would grow past its limits
        form.add_error(None, exc.messages[0])
        return None


def _gone(request, portfolio: Portfolio, block_id: str, message: str) -> HttpResponse:
    if not request.htmx:
        return _back_to_editor(portfolio)
    response = _outline_response(request, portfolio, message=message)
    context = {"message": message, "block_id": block_id}
    return append_fragment(response, f"{TEMPLATE}#block-gone", context, request)


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@login_required
@require_POST
def block_add(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    try:
        kind = registry.get(request.POST.get("type"))
    except ValidationError:
        raise Http404 from None
    result = portfolio.add_block(
        request.POST.get("page", ""),
        kind.name,
        after=request.POST.get("after") or None,
        by=request.user,
    )
    if not result.ok:
        return _outline_response(request, portfolio, message=result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, result.page["id"], result.block["id"])
    block_id = result.block["id"]
    response = _outline_response(request, portfolio, block_id=block_id)
    context = _context(portfolio, block_id=block_id, form=editor_form(result.block, request.user))
    return append_fragment(response, f"{TEMPLATE}#new-block-form", context, request)


@login_required
@require_POST
def block_move(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    found = portfolio.find_block(block_id)
    if found is None:
        return _gone(request, portfolio, block_id, "This block was deleted in another tab.")
    page, _, index = found
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    target_index = index + step if step else _int(request.POST.get("index"), index)
    result = portfolio.move_block(
        block_id,
        page_id=request.POST.get("page") or page["id"],
        index=target_index,
        by=request.user,
    )
    if not result.ok:
        return _gone(request, portfolio, block_id, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, result.page["id"], block_id)
    return _outline_response(request, portfolio, block_id=block_id)


@login_required
@require_POST
def block_reorder(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    page_id = request.POST.get("page", "")
    result = portfolio.reorder_blocks(
        page_id, request.POST.getlist("order")[:500], by=request.user
    )
    if not request.htmx:
        return _back_to_editor(portfolio, page_id if result.ok else None)
    return _outline_response(request, portfolio, page_id=page_id, message=result.message)


@login_required
@require_POST
def block_duplicate(request: AuthenticatedHttpRequest, pk: UUID, block_id: str):
    portfolio = get_portfolio_for_user(request, pk)
    result = portfolio.duplicate_block(block_id, by=request.user)
    if not result.ok:
        return _gone(request, portfolio, block_id, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, result.page["id"], result.block["id"])
    return _outline_response(request, portfolio, block_id=result.block["id"])


@login_required
@require_POST
def block_delete(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    result = portfolio.delete_block(block_id, by=request.user)
    if not result.ok:
        return _gone(request, portfolio, block_id, result.message)
    page = result.page
    cache.set(_undo_key(portfolio, block_id), {"page": page["id"], **result.removed}, UNDO_SECONDS)
    if not request.htmx:
        return _back_to_editor(portfolio, page["id"])
    response = _outline_response(request, portfolio, page_id=page["id"])
    label = registry.get(result.removed["block"]["type"]).label
    context = {"portfolio": portfolio, "block_id": block_id, "label": label}
    append_fragment(response, f"{TEMPLATE}#undo-toast", context, request)
    message = f"{label} deleted. Choose another block, or undo from the message below."
    return append_fragment(
        response, f"{TEMPLATE}#block-gone", {**context, "message": message}, request
    )


@login_required
@require_POST
def block_restore(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    undo = cache.get(_undo_key(portfolio, block_id))
    if undo is None:
        return _gone(
            request, portfolio, block_id, "Too late to undo: that was more than 10 minutes ago."
        )
    result = portfolio.restore_block(undo["page"], undo["index"], undo["block"], by=request.user)
    cache.delete(_undo_key(portfolio, block_id))
    if not result.ok:
        return _gone(request, portfolio, block_id, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, undo["page"], block_id)
    return _outline_response(request, portfolio, block_id=block_id)


def _undo_key(portfolio: Portfolio, block_id: str) -> str:
    return f"undo-block:{portfolio.pk}:{block_id}"
