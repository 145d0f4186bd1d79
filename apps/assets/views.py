import mimetypes
import posixpath
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event

from apps.ai import assistant
from apps.ai.models import AIRequest
from apps.ai.providers.base import MESSAGES
from apps.core.htmx import append_fragment
from apps.core.types import AuthenticatedHttpRequest
from apps.portfolios.usages import attach_usages

from .forms import AssetEditForm, AssetFilterForm, ImageGenerateForm
from .models import Asset, quota_for

PAGE_SIZE = 24


def _get_asset_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Asset:
    """The asset if the signed-in person owns it; 404 otherwise (no existence leak)."""
    return get_object_or_404(Asset, pk=pk, owner=request.user)


def _filtered_page(request: AuthenticatedHttpRequest, page_size: int = PAGE_SIZE) -> dict:
    filters = AssetFilterForm(request.GET)
    assets = Asset.objects.owned_by(request.user)
    filtered = filters.is_valid() and filters.is_filtered()
    if filters.is_valid():
        assets = filters.apply(assets)
    page = Paginator(assets, page_size).get_page(request.GET.get("page"))
    next_url = ""
    if page.has_next():
        query = request.GET.copy()
        query["page"] = page.next_page_number()
        next_url = f"{request.path}?{query.urlencode()}"
    return {"filters": filters, "page": page, "filtered": filtered, "next_url": next_url}


@login_required
@require_safe
@vary_on_headers("HX-Request")
def asset_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {**_filtered_page(request), **_usage(request.user)}
    if request.htmx:
        partial = "asset-page" if request.htmx.target == "load-more" else "asset-grid"
        return render(request, f"assets/asset_list.html#{partial}", context)
    return render(request, "assets/asset_list.html", context)


def _usage(user) -> dict:
    used = Asset.objects.owned_by(user).bytes_used()
    quota = quota_for(user)
    return {
        "used_bytes": used,
        "quota_bytes": quota,
        "used_percent": min(100, round(used * 100 / quota)) if quota else 100,
        "max_upload_bytes": settings.ASSET_MAX_BYTES,
    }


@login_required
@require_POST
def asset_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    error = _upload_error(request)
    asset = created = None
    if not error:
        try:
            asset, created = Asset.create_from_upload(request.user, request.FILES["file"])
        except ValidationError as exc:
            error = exc.messages[0]
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, "Image uploaded." if created else "You already had it.")
        return redirect("assets:list")
    if error:
        # 200, like an invalid form: the uploader tells success by the X-Asset-Id header.
        return render(request, "assets/asset_list.html#upload-error", {"error": error})
    response = render(
        request,
        "assets/asset_list.html#asset-tile",
        {"asset": asset, "created": created, "picker": "picker" in request.GET},
    )
    # The uploader swaps further elements by id: here, the storage meter.
    append_fragment(
        response, "assets/asset_list.html#storage-usage", _usage(request.user), request
    )
    response["X-Asset-Id"] = str(asset.pk)
    response["X-Asset-Created"] = "1" if created else "0"
    return response


def _upload_error(request: HttpRequest) -> str | None:
    files = request.FILES  # parses the body, which is when the size limit is enforced
    if "file" in getattr(request, "upload_too_large", ()):
        limit = settings.ASSET_MAX_BYTES / 1_048_576
        return f"That file is larger than {limit:.0f} MB. Resize it and try again."
    if "file" not in files:
        return "Choose an image to upload."
    return None


@login_required
@require_http_methods(["GET", "POST"])
def asset_detail(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    asset = _get_asset_for_user(request, pk)
    attach_usages([asset])  # "where it is used", and the warning before deleting
    form = AssetEditForm(request.POST if request.method == "POST" else None, instance=asset)
    if request.method == "POST" and form.is_valid():
        form.save()
        if not request.htmx:
            messages.success(request, "Saved.")
            return redirect("assets:detail", asset.pk)
        response = render(
            request,
            "assets/asset_detail.html#asset-panel",
            {"asset": asset, "form": AssetEditForm(instance=asset), "saved": True},
        )
        # The grid's tile shows the title and the missing-alt badge: refresh it out of band.
        append_fragment(
            response, "assets/asset_list.html#asset-tile", {"asset": asset, "oob": True}, request
        )
        return response
    template = "assets/asset_detail.html" + ("#asset-panel" if request.htmx else "")
    return render(request, template, {"asset": asset, "form": form})


@login_required
@require_POST
def asset_delete(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    asset = _get_asset_for_user(request, pk)
    Asset.objects.filter(pk=asset.pk).delete_with_files()
    if not request.htmx:
        messages.success(request, "Image deleted.")
        return redirect("assets:list")
    return trigger_client_event(HttpResponse(""), "asset-deleted", {"id": str(pk)})


@login_required
@require_safe
def asset_download(request: AuthenticatedHttpRequest, pk: UUID) -> FileResponse:
    asset = _get_asset_for_user(request, pk)
    return FileResponse(
        asset.file.open("rb"),
        as_attachment=True,
        filename=asset.filename,
        content_type=asset.content_type,
    )


@login_required
@require_safe
def asset_picker(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {**_filtered_page(request, page_size=PAGE_SIZE), "picker": True}
    if request.htmx and request.htmx.target == "load-more":
        return render(request, "assets/asset_list.html#asset-page", context)
    return render(request, "assets/asset_picker.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def asset_generate(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Generate an image into the library: reserve a credit and queue the picture (a
    background task); the answer polls the job until its image is there or it failed."""
    picker = "picker" in request.GET
    form = ImageGenerateForm(request.POST or None)
    job = None
    if request.method == "POST" and form.is_valid():
        try:
            job = assistant.request_image(
                request.user,
                form.cleaned_data["prompt"],
                form.cleaned_data["aspect"],
                form.cleaned_data["style"],
                ip=request.META.get("REMOTE_ADDR"),
                idempotency_key=form.idempotency_key(),
            )
        except assistant.AIError as exc:
            form.add_error(None, exc.message)
        else:
            job.refresh_from_db()  # the immediate task backend has already run it
            request.user.refresh_from_db(fields=["ai_image_credits"])  # the balance shown
            if not request.htmx:
                return redirect("assets:generation", job.pk)
            kept = {k: form.cleaned_data[k] for k in ("prompt", "aspect", "style")}
            form = ImageGenerateForm(initial=kept)  # a fresh nonce: the next click is new
    context = {"generate_form": form, "picker": picker, **_job(job)}
    template = "assets/asset_generate.html" + ("#image-generator" if request.htmx else "")
    return render(request, template, context)


@login_required
@require_safe
def asset_generation(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    """A generated image's progress: polled by htmx every second while it runs."""
    jobs = AIRequest.objects.select_related("asset")
    job = get_object_or_404(jobs, pk=pk, user=request.user, task="image")
    context = {"picker": "picker" in request.GET, **_job(job)}
    if request.htmx:
        return render(request, "assets/asset_generate.html#image-job", context)
    return render(
        request, "assets/asset_generate.html", {**context, "generate_form": ImageGenerateForm()}
    )


def _job(job: AIRequest | None) -> dict:
    if job is None:
        return {"job": None}
    failed = job.finished and job.asset_id is None
    reason = MESSAGES.get(job.error, "") if job.error != "expired" else ""
    return {
        "job": job,
        "failure": (f"{reason} " if reason else "") + "Your image credit was refunded."
        if failed
        else "",
    }


@require_safe
def media_serve(request: HttpRequest, name: str) -> FileResponse:
    """Files on the filesystem storage. Names are unguessable ids; folders are never listed."""
    name = posixpath.normpath(name).lstrip("/")
    if name.startswith("..") or name.endswith("/") or not default_storage.exists(name):
        raise Http404
    if not hasattr(default_storage, "path"):  # object storage serves its own URLs
        raise Http404
    try:
        fh = default_storage.open(name, "rb")
    except (IsADirectoryError, FileNotFoundError, PermissionError):
        raise Http404 from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(fh, content_type=content_type)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
