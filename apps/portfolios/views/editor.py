"""The editor: every change is one locked operation on the portfolio (see models.Portfolio).

Browsers without JavaScript get full pages and redirects; htmx gets the outline, the block form
or the conflict panel, plus an HX-Trigger that refreshes the live preview.
"""

from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import reswap, retarget, trigger_client_event

from apps.blocks import registry
from apps.core import csp
from apps.core.htmx import append_fragment
from apps.core.types import AuthenticatedHttpRequest

from ..editing import EditResult
from ..forms import editor_form
from ..models import Portfolio
from . import get_portfolio_for_user

UNDO_SECONDS = 600
# The editor shows the live preview in a frame of this origin.
EDITOR_CSP = csp.policy({"frame-src": ["'self'"]})


def _form_data(form: forms.Form) -> dict:
    data = dict(form.cleaned_data)
    for key, value in data.items():
        if isinstance(value, UUID):
            data[key] = str(value)
        elif value is None:
            data[key] = ""
    return data


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
    if page is portfolio.pages[0]:
        return reverse("portfolios:preview", args=[portfolio.pk])
    return reverse("portfolios:preview-page", args=[portfolio.pk, page["slug"]])


def _outline_response(request, portfolio, page_id=None, block_id=None, **extra) -> HttpResponse:
    context = _context(portfolio, page_id, block_id, **extra)
    response = render(request, "portfolios/portfolio_edit.html#outline", context)
    return trigger_client_event(response, "preview-refresh", {"url": context["preview_url"]})


def _back_to_editor(portfolio, page_id=None, block_id=None) -> HttpResponse:
    query = f"?page={page_id}" if page_id else ""
    query += f"{'&' if query else '?'}block={block_id}" if block_id else ""
    return redirect(reverse("portfolios:edit", args=[portfolio.pk]) + query)


@login_required
@require_safe
@csp_override(EDITOR_CSP)
def portfolio_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    context = _context(portfolio, request.GET.get("page"), request.GET.get("block"))
    if context["current_block"]:
        context["form"] = editor_form(context["current_block"], request.user)
    return render(request, "portfolios/portfolio_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@csp_override(EDITOR_CSP)
def block_edit(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    found = portfolio.find_block(block_id)
    if found is None:
        return _gone(request, portfolio, "This block was deleted in another tab.")
    page, block, _ = found
    if request.method == "GET":
        if not request.htmx:
            return _back_to_editor(portfolio, page["id"], block_id)
        context = _context(portfolio, block_id=block_id, form=editor_form(block, request.user))
        response = render(request, "portfolios/portfolio_edit.html#block-form", context)
        # The outline too: it marks the chosen block, and "Add a block" inserts after it.
        append_fragment(
            response,
            "portfolios/portfolio_edit.html#outline",
            {**context, "outline_oob": True},
            request,
        )
        return response
    form = editor_form(block, request.user, data=request.POST)
    rev = _int(request.POST.get("rev"))
    if not form.is_valid():
        return _invalid(request, portfolio, block, form)
    try:
        result = portfolio.update_block(block_id, _form_data(form), based_on=rev, by=request.user)
    except ValidationError as exc:
        form.add_error(None, exc.messages[0])
        return _invalid(request, portfolio, block, form)
    if not request.htmx:
        return _back_to_editor(portfolio, page["id"], block_id)
    if result.conflict:
        return _conflict(request, portfolio, result)
    if not result.ok:
        return _gone(request, portfolio, result.message)
    if request.POST.get("keep") == "mine":  # chosen in the conflict panel: show the form again
        form = editor_form(result.block, request.user)
        context = _context(portfolio, block_id=block_id, form=form, saved=True)
        response = render(request, "portfolios/portfolio_edit.html#block-form", context)
        return trigger_client_event(response, "preview-refresh", {"url": context["preview_url"]})
    context = _context(portfolio, block_id=block_id, saved=True)
    response = render(request, "portfolios/portfolio_edit.html#saved", context)
    return trigger_client_event(response, "preview-refresh", {"url": context["preview_url"]})


def _invalid(request, portfolio, block, form) -> HttpResponse:
    context = _context(portfolio, block_id=block["id"], form=form)
    if not request.htmx:
        return render(request, "portfolios/portfolio_edit.html", context)
    response = render(request, "portfolios/portfolio_edit.html#block-form", context)
    return reswap(retarget(response, "#block-form"), "outerHTML")


def _conflict(request, portfolio: Portfolio, result: EditResult) -> HttpResponse:
    theirs = result.conflict["theirs"]
    kind = registry.get(theirs["type"])
    fields = kind.form_class.base_fields
    rows = [
        {
            "label": fields[k].label or k.replace("_", " ").capitalize(),
            "theirs": theirs["data"].get(k),
            "mine": result.conflict["mine"].get(k),
        }
        for k in fields
        if theirs["data"].get(k) != result.conflict["mine"].get(k)
    ]
    mine_form = editor_form(theirs, request.user, data=None)
    mine_form.initial = result.conflict["mine"]
    context = _context(portfolio, block_id=theirs["id"], rows=rows, mine_form=mine_form)
    response = render(request, "portfolios/portfolio_edit.html#block-conflict", context)
    # The saved version is what the preview should show while the person decides.
    response = trigger_client_event(response, "preview-refresh", {"url": context["preview_url"]})
    return reswap(retarget(response, "#block-form"), "outerHTML")


def _gone(request, portfolio: Portfolio, message: str) -> HttpResponse:
    if not request.htmx:
        return _back_to_editor(portfolio)
    response = _outline_response(request, portfolio, message=message)
    append_fragment(
        response, "portfolios/portfolio_edit.html#block-gone", {"message": message}, request
    )
    return reswap(retarget(response, "#outline"), "outerHTML")


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
        return _gone(request, portfolio, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, result.page["id"], result.block["id"])
    context = {"form": editor_form(result.block, request.user)}
    response = _outline_response(request, portfolio, block_id=result.block["id"])
    append_fragment(
        response,
        "portfolios/portfolio_edit.html#block-form",
        {**_context(portfolio, block_id=result.block["id"]), **context, "oob": True},
        request,
    )
    return response


@login_required
@require_POST
def block_move(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    found = portfolio.find_block(block_id)
    if found is None:
        return _gone(request, portfolio, "This block was deleted in another tab.")
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
        return _gone(request, portfolio, result.message)
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
    if not result.ok:
        return _gone(request, portfolio, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, page_id)
    return _outline_response(request, portfolio, page_id=page_id)


@login_required
@require_POST
def block_duplicate(request: AuthenticatedHttpRequest, pk: UUID, block_id: str):
    portfolio = get_portfolio_for_user(request, pk)
    result = portfolio.duplicate_block(block_id, by=request.user)
    if not result.ok:
        return _gone(request, portfolio, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, result.page["id"], result.block["id"])
    return _outline_response(request, portfolio, block_id=result.block["id"])


@login_required
@require_POST
def block_delete(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    result = portfolio.delete_block(block_id, by=request.user)
    if not result.ok:
        return _gone(request, portfolio, result.message)
    page = result.page
    cache.set(_undo_key(portfolio, block_id), {"page": page["id"], **result.removed}, UNDO_SECONDS)
    if not request.htmx:
        return _back_to_editor(portfolio, page["id"])
    response = _outline_response(request, portfolio, page_id=page["id"])
    append_fragment(
        response,
        "portfolios/portfolio_edit.html#undo-toast",
        {
            "portfolio": portfolio,
            "block_id": block_id,
            "label": registry.get(result.removed["block"]["type"]).label,
        },
        request,
    )
    return response


@login_required
@require_POST
def block_restore(request: AuthenticatedHttpRequest, pk: UUID, block_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    undo = cache.get(_undo_key(portfolio, block_id))
    if undo is None:
        return _gone(request, portfolio, "Too late to undo: that was more than 10 minutes ago.")
    result = portfolio.restore_block(undo["page"], undo["index"], undo["block"], by=request.user)
    cache.delete(_undo_key(portfolio, block_id))
    if not result.ok:
        return _gone(request, portfolio, result.message)
    if not request.htmx:
        return _back_to_editor(portfolio, undo["page"], block_id)
    return _outline_response(request, portfolio, block_id=block_id)


def _undo_key(portfolio: Portfolio, block_id: str) -> str:
    return f"undo-block:{portfolio.pk}:{block_id}"


@login_required
@require_POST
def page_add(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    title = request.POST.get("title", "").strip()[:80] or "New page"
    result = portfolio.add_page(title, by=request.user)
    page_id = result.page["id"] if result.ok else None
    if not request.htmx:
        return _back_to_editor(portfolio, page_id)
    return _outline_response(request, portfolio, page_id=page_id, page_error=result.message)


@login_required
@require_POST
def page_edit(request: AuthenticatedHttpRequest, pk: UUID, page_id: str) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    title = request.POST.get("title", "").strip()[:80]
    slug = request.POST.get("slug", "").strip().lower()[:50]
    result = portfolio.update_page(page_id, title=title, slug=slug, by=request.user)
    if not request.htmx:
        return _back_to_editor(portfolio, page_id)
    return _outline_response(request, portfolio, page_id=page_id, page_error=result.message)


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
