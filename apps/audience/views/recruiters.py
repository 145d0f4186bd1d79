"""A recruiter's home: lists of published portfolios and resumes they liked, with private notes
and tags. Only people with the recruiter role have one (others get 404); what they save is only
ever a published page, and its owner hears about it and may opt out."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.ai import assistant
from apps.ai.limits import client_ip
from apps.ai.prompts import TASKS
from apps.core.types import AuthenticatedHttpRequest

from ..forms import RecruiterListForm, SavedItemForm, SaveForm
from ..models import Notification, RecruiterList, SavedItem
from .chat import block_labels


def _recruiter(request: AuthenticatedHttpRequest) -> None:
    if request.user.role != request.user.Role.RECRUITER:
        raise Http404


def _get_item_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> SavedItem:
    return get_object_or_404(SavedItem, pk=pk, recruiter_list__owner=request.user)


@login_required
@require_safe
def saved_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    _recruiter(request)
    return _home(request, SaveForm(owner=request.user), RecruiterListForm(owner=request.user))


def _home(request, save_form, list_form) -> HttpResponse:
    lists = request.user.recruiter_lists.prefetch_related(
        "items__portfolio", "items__resume"
    ).all()
    context = {
        "lists": lists,
        "save_form": save_form,
        "list_form": list_form,
        "nav_section": "saved",
    }
    return render(request, "audience/saved_home.html", context)


@login_required
@require_POST
def list_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _recruiter(request)
    form = RecruiterListForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _home(request, SaveForm(owner=request.user), form)
    form.save()
    messages.success(request, f"List “{form.instance.name}” created.")
    return redirect("audience:saved")


@login_required
@require_POST
def list_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    _recruiter(request)
    found = get_object_or_404(RecruiterList, pk=pk, owner=request.user)
    found.delete()
    messages.success(request, f"List “{found.name}” deleted.")
    return redirect("audience:saved")


@login_required
@require_POST
def saved_add(request: AuthenticatedHttpRequest) -> HttpResponse:
    _recruiter(request)
    form = SaveForm(request.POST, owner=request.user)
    if not form.is_valid():
        return _home(request, form, RecruiterListForm(owner=request.user))
    target, chosen = form.cleaned_data["address"], form.cleaned_data["list"]
    kind = "portfolio" if target.__class__.__name__ == "Portfolio" else "resume"
    try:
        with transaction.atomic():
            SavedItem.objects.create(recruiter_list=chosen, **{kind: target})
    except IntegrityError:
        messages.success(request, f"“{target.title}” is already on “{chosen.name}”.")
        return redirect("audience:saved")
    Notification.objects.send(
        target.owner,
        Notification.Kind.RECRUITER_SAVED,
        f"A recruiter saved your {kind} “{target.title}” to a list",
    )
    messages.success(request, f"Saved “{target.title}” to “{chosen.name}”.")
    return redirect("audience:saved")


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    _recruiter(request)
    item = _get_item_for_user(request, pk)
    form = SavedItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Note saved.")
        return redirect("audience:saved")
    return _item_page(request, item, form)


def _item_page(request, item: SavedItem, form, **extra) -> HttpResponse:
    context = {
        "item": item,
        "form": form,
        "nav_section": "saved",
        "summary_cost": TASKS["summary"].credits,
        **extra,
    }
    return render(request, "audience/saved_item.html", context)


@login_required
@require_POST
def item_summary(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """The AI summary of a saved portfolio, from its published page only, each point linked
    to the block it comes from; paid from the recruiter's credits, once per published
    version (the same version asked again is answered from the stored request)."""
    _recruiter(request)
    item = _get_item_for_user(request, pk)
    portfolio = item.portfolio
    if portfolio is None or not portfolio.is_public:
        messages.error(request, "Only a published portfolio can be summarised.")
        return redirect("audience:saved-item", pk=item.pk)
    try:
        summary = assistant.summarize(
            request.user,
            portfolio,
            ip=client_ip(request),
            idempotency_key=f"summary:{item.pk.hex}:{portfolio.live_id.hex}",
        )
    except assistant.AIError as exc:
        return _item_page(request, item, SavedItemForm(instance=item), summary_error=exc.message)
    base = reverse("public:page", args=[portfolio.slug])
    where = {b["block_id"]: b for b in block_labels(portfolio, base)}
    points = [
        {"text": p["text"], "sources": [where[i] for i in p["block_ids"] if i in where]}
        for p in summary.points
    ]
    return _item_page(request, item, SavedItemForm(instance=item), summary=summary, points=points)


@login_required
@require_POST
def item_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    _recruiter(request)
    item = _get_item_for_user(request, pk)
    item.delete()
    messages.success(request, "Removed from the list.")
    return redirect("audience:saved")
