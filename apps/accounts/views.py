from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from apps.core.types import AuthenticatedHttpRequest

from .forms import DeleteAccountForm, ProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def settings_profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ProfileForm(data, files, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect("accounts:settings")
    return render(request, "accounts/settings_profile.html", {"form": form})


@login_required
@require_safe
def settings_security(request: AuthenticatedHttpRequest) -> HttpResponse:
    emails = request.user.emailaddress_set.order_by("-primary", "email")
    return render(request, "accounts/settings_security.html", {"emails": emails})


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        with transaction.atomic():
            user.delete_with_files()
        messages.success(request, "Your account and everything in it has been deleted.")
        return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"form": form})
