from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import trigger_client_event

from apps.core import csp
from apps.core.types import AuthenticatedHttpRequest

from ..design import THEMES
from ..export import static_site
from ..forms import DesignForm, PortfolioCreateForm, PortfolioSettingsForm, VersionForm
from ..models import Portfolio, PortfolioRevision
from ..rendering import render_page, snapshot
from . import get_portfolio_for_user


@login_required
@require_safe
def portfolio_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    portfolios = Portfolio.objects.filter(owner=request.user).select_related("live")
    return render(request, "portfolios/portfolio_list.html", {"portfolios": portfolios})


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PortfolioCreateForm(
        request.POST if request.method == "POST" else None, email=request.user.email
    )
    if request.method == "POST" and form.is_valid():
        portfolio = Portfolio.create_for(request.user, **form.cleaned_data)
        messages.success(request, "Your portfolio is ready to edit.")
        return redirect("portfolios:edit", portfolio.pk)
    return render(request, "portfolios/portfolio_create.html", {"form": form, "themes": THEMES})


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_settings(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    form = PortfolioSettingsForm(
        request.POST if request.method == "POST" else None, instance=portfolio
    )
    if request.method == "POST" and form.is_valid():
        portfolio = form.save()
        messages.success(request, "Settings saved.")
        return redirect("portfolios:settings", portfolio.pk)
    return render(
        request, "portfolios/portfolio_settings.html", {"portfolio": portfolio, "form": form}
    )


@login_required
@require_POST
def portfolio_publish(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    portfolio.publish(by=request.user)
    url = reverse("public:page", args=[portfolio.slug])
    messages.success(
        request, f"Published. Your portfolio is live at {request.build_absolute_uri(url)}"
    )
    next_url = request.POST.get("next", "")
    if next_url.startswith(f"/portfolios/{pk}/"):  # only back to this portfolio's own pages
        return redirect(next_url)
    return redirect("portfolios:edit", pk)


@login_required
@require_POST
def portfolio_unpublish(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    portfolio.unpublish()
    messages.success(request, "Unpublished. Visitors now get “page not found”.")
    return redirect("portfolios:edit", pk)


@login_required
@require_safe
def portfolio_preview(request: AuthenticatedHttpRequest, pk: UUID, page_slug: str = ""):
    """The draft exactly as the public page will look, at a private URL."""
    portfolio = get_portfolio_for_user(request, pk)
    return _preview(
        request,
        portfolio,
        snapshot(portfolio),
        page_slug,
        reverse("portfolios:preview", args=[pk]),
    )


@login_required
@require_safe
def revision_preview(
    request: AuthenticatedHttpRequest, pk: UUID, revision_pk: UUID, page_slug: str = ""
) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    revision = get_object_or_404(PortfolioRevision, pk=revision_pk, portfolio=portfolio)
    snap = revision.snapshot
    if "library" not in snap:  # checkpoints keep the draft only; resolve the library now
        snap = {**snapshot(portfolio), "pages": snap["pages"], "design": snap["design"]}
    return _preview(
        request,
        portfolio,
        snap,
        page_slug,
        reverse("portfolios:revision-preview", args=[pk, revision_pk]),
    )


def _preview(request, portfolio, snap, page_slug, base_path) -> HttpResponse:
    rendered = render_page(
        snap,
        page_slug,
        base_url=base_path,
        preview=True,
        origin=f"{request.scheme}://{request.get_host()}",
    )
    if rendered is None:
        raise Http404
    response = HttpResponse(rendered[0])
    # The editor shows previews in a frame of its own page, so this origin may frame them.
    csp.extend(response, rendered[1], replace={"frame-ancestors": ["'self'"]})
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_history(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    form = VersionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        portfolio.save_version(form.cleaned_data["label"], by=request.user)
        messages.success(request, "Version saved.")
        return redirect("portfolios:history", pk)
    revisions = portfolio.revisions.select_related("author").defer("snapshot")[:100]
    return render(
        request,
        "portfolios/portfolio_history.html",
        {"portfolio": portfolio, "revisions": revisions, "form": form},
    )


@login_required
@require_POST
def revision_restore(request: AuthenticatedHttpRequest, pk: UUID, revision_pk: UUID):
    portfolio = get_portfolio_for_user(request, pk)
    revision = get_object_or_404(PortfolioRevision, pk=revision_pk, portfolio=portfolio)
    portfolio.restore(revision, by=request.user)
    messages.success(
        request, f"Restored “{revision.name}”. Your previous draft was kept in the history."
    )
    return redirect("portfolios:edit", pk)


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_design(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    form = DesignForm.for_design(
        portfolio.design, request.POST if request.method == "POST" else None
    )
    saved = request.method == "POST" and form.is_valid()
    if saved:
        portfolio.set_design(form.design(), by=request.user)
        if not request.htmx:
            messages.success(request, "Design saved.")
            return redirect("portfolios:design", pk)
    context = {
        "portfolio": portfolio,
        "form": form,
        "themes": THEMES,
        "warnings": form.contrast_warnings(portfolio.design),
        "state": "saved" if saved else "failed" if request.method == "POST" else "idle",
    }
    if request.htmx:
        # The status, messages and swatches beside the inputs; never the inputs themselves.
        response = render(request, "portfolios/portfolio_design.html#design-saved", context)
        if not saved:
            return response
        url = reverse("portfolios:preview", args=[pk])
        return trigger_client_event(response, "preview-refresh", {"url": url})
    response = render(request, "portfolios/portfolio_design.html", context)
    return csp.extend(response, {"frame-src": ["'self'"]})


@login_required
@require_safe
def portfolio_download(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    if not portfolio.live_id:
        messages.error(request, "Publish your portfolio first; the download is the live version.")
        return redirect("portfolios:settings", pk)
    response = HttpResponse(static_site(portfolio), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{portfolio.slug}-site.zip"'
    return response


@login_required
@require_POST
def portfolio_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    portfolio = get_portfolio_for_user(request, pk)
    if request.POST.get("confirm", "").strip() != portfolio.slug:
        messages.error(request, "Type the portfolio’s address to delete it.")
        return redirect("portfolios:settings", pk)
    portfolio.delete()
    messages.success(request, "Portfolio deleted.")
    return redirect("portfolios:list")
