"""Settings → API keys: list, create (the key is shown once, in that response only), revoke."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from apps.core.types import AuthenticatedHttpRequest

from .forms import ApiKeyForm
from .models import ApiKey


def _get_key_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> ApiKey:
    return get_object_or_404(ApiKey, pk=pk, owner=request.user)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def api_key_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ApiKeyForm(request.POST or None, owner=request.user)
    new_key = None
    if request.method == "POST" and form.is_valid():
        made = form.save()
        if made is None:
            messages.info(request, "That form already made its key; its secret was shown once.")
            return redirect("api_keys:list")
        new_key = made[1]
        form = ApiKeyForm(owner=request.user)
    keys = ApiKey.objects.filter(owner=request.user)
    context = {"keys": keys, "form": form, "new_key": new_key}
    return render(request, "api/api_key_list.html", context)


@login_required
@require_POST
def api_key_revoke(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    key = _get_key_for_user(request, pk)
    key.revoke()
    messages.success(request, f"The key “{key.name}” ({key.display}) is revoked.")
    return redirect("api_keys:list")
