"""The portfolio mentor: the free checks (apps/ai/mentor.py), a model's suggestions on request
(charged), each linking to the block it concerns in the editor; and the guided mode's checklist
of the next steps to a first publish, shown in the editor while `is_guided` is on."""

import uuid
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.ai import assistant
from apps.ai.prompts import TASKS
from apps.core.types import AuthenticatedHttpRequest

from ..models import Portfolio
from . import get_portfolio_for_user

GUIDE_STEPS = 4  # the checklist shows the first few: a list of twenty is no guide


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_mentor(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    review, error = assistant.mentor(request.user, portfolio, with_ai=False), ""
    if request.method == "POST":
        nonce = request.POST.get("nonce", "")[:40]  # the same click sent twice: one charge
        try:
            review = assistant.mentor(
                request.user,
                portfolio,
                ip=request.META.get("REMOTE_ADDR"),
                idempotency_key=f"mentor:{nonce}" if nonce.isalnum() else "",
            )
        except assistant.AIError as exc:
            error = exc.message
    context = {
        "portfolio": portfolio,
        "findings": [_linked(portfolio, f) for f in review.findings],
        "suggestions": [_linked(portfolio, s) for s in review.suggestions],
        "review": review,
        "error": error,
        "cost": TASKS["mentor"].credits,
        "asked": request.method == "POST",
        "nonce": uuid.uuid4().hex,
    }
    return render(request, "portfolios/portfolio_mentor.html", context)


@login_required
@require_safe
@never_cache
def mentor_checklist(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """The guided mode's checklist, asked for again by the editor after each save."""
    portfolio = get_portfolio_for_user(request, pk)
    if not request.htmx:
        return redirect("portfolios:edit", portfolio.pk)
    return render(request, "portfolios/components/guide.html", guide_context(portfolio))


@login_required
@require_POST
def portfolio_guide(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """Turn the guided mode on ("on") or off (anything else: "Hide the guide")."""
    portfolio = get_portfolio_for_user(request, pk)
    portfolio.is_guided = request.POST.get("guided") == "on"
    portfolio.save(update_fields=["is_guided", "updated_at"])
    if request.htmx and not portfolio.is_guided:
        return HttpResponse("")  # the checklist goes away where it was
    if portfolio.is_guided:
        messages.success(request, "The editor now shows your next steps to publishing.")
        return redirect("portfolios:edit", portfolio.pk)
    messages.success(request, "The guide is hidden. Turn it on again from the Mentor page.")
    return redirect("portfolios:mentor", portfolio.pk)


def guide_context(portfolio: Portfolio) -> dict:
    """The next steps, the ones to fix first; publishing is the last."""
    findings = assistant.mentor(portfolio.owner, portfolio, with_ai=False).findings
    fixes = [_linked(portfolio, f) for f in findings if f.severity == "fix"]
    return {
        "portfolio": portfolio,
        "steps": fixes[:GUIDE_STEPS],
        "more": max(0, len(fixes) - GUIDE_STEPS),
        "ready": not fixes,
    }


def _linked(portfolio: Portfolio, item) -> dict:
    """A finding or suggestion with the editor address that opens its block."""
    data = item.as_dict() if hasattr(item, "as_dict") else dict(item)
    block_id = data.get("block_id", "")
    found = portfolio.find_block(block_id) if block_id else None
    url = reverse("portfolios:edit", args=[portfolio.pk])
    if found:
        data["url"] = f"{url}?page={found[0]['id']}&block={block_id}"
        data["where"] = found[0]["title"]
    else:
        data["url"] = ""
    return data
