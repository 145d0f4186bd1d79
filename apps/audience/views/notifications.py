from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from apps.core.types import AuthenticatedHttpRequest

from ..forms import EmailPreferencesForm
from ..models import Notification


@login_required
@require_safe
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    notes = Paginator(request.user.notifications.all(), 30).get_page(request.GET.get("page"))
    context = {"notes": notes, "nav_section": "notifications"}
    return render(request, "audience/notification_list.html", context)


@login_required
@require_POST
def notification_read(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """Mark it read; with `open`, go where it points (the notification's own link)."""
    note = get_object_or_404(Notification, pk=pk, recipient=request.user)
    note.mark_read()
    if "open" in request.POST and url_has_allowed_host_and_scheme(note.url, None):
        return redirect(note.url or "audience:notifications")
    return redirect("audience:notifications")


@login_required
@require_POST
def notification_read_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, "All notifications marked as read.")
    return redirect("audience:notifications")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EmailPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Email preferences saved.")
        return redirect("audience:notification-settings")
    context = {"form": form, "nav_section": "settings"}
    return render(request, "audience/notification_settings.html", context)
