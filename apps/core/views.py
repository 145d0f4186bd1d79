import logging
import uuid
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

from apps.ai.models import monthly_allowance

from .types import AuthenticatedHttpRequest

logger = logging.getLogger(__name__)

FEATURES = [
    (
        "A library of your work",
        "Projects, skills, experience and education, written once and reused.",
    ),
    (
        "A live block editor",
        "Drag blocks into place, see the real page update as you type, never lose work.",
    ),
    (
        "Themes with character",
        "Minimal, bold, editorial or developer — light and dark, your colours.",
    ),
    ("Resumes from the same facts", "Print-ready PDF and JSON Resume import and export."),
    (
        "AI when you want it",
        "Draft a bio, tighten a case study or generate cover art with credits.",
    ),
    ("Fast, accessible pages", "Server-rendered, cached and indexable, with visits you can see."),
]


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request: HttpRequest) -> FileResponse:
    """Browsers ask for /favicon.ico wherever a page links no icon (the admin, a PDF, a JSON)."""
    return FileResponse(open(finders.find("img/favicon.ico"), "rb"), content_type="image/x-icon")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/home.html", {"features": FEATURES})


@login_required
@require_safe
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    portfolios = list(request.user.portfolios.select_related("live")[:6])
    resumes = list(request.user.resumes.select_related("live")[:4])
    project_count = request.user.projects.count()
    context = {
        "next_steps": _next_steps(request.user, portfolios, resumes, project_count),
        "asset_count": request.user.assets.count(),
        "project_count": project_count,
        "portfolios": portfolios,
        "resumes": resumes,
    }
    return render(request, "core/dashboard.html", context)


def _next_steps(user, portfolios: list, resumes: list, project_count: int) -> list[dict]:
    """What a new creator should do next, in order; done steps stay visible, ticked."""
    return [
        {"label": "Verify your email address", "done": True, "url": None},
        {
            "label": "Add your name, title and a short bio",
            "done": bool(user.name and user.title and user.bio),
            "url": "accounts:settings",
        },
        {"label": "Add a profile photo", "done": bool(user.avatar_id), "url": "accounts:settings"},
        {
            "label": "Add a project to your library",
            "done": project_count > 0,
            "url": "library:project_list",
        },
        {"label": "Create your portfolio", "done": bool(portfolios), "url": "portfolios:create"},
        {
            "label": "Publish it and share the link",
            "done": any(p.live_id for p in portfolios),
            "url": "portfolios:list",
        },
        {"label": "Create your resume", "done": bool(resumes), "url": "resumes:create"},
        {
            "label": "Turn on two-factor authentication",
            "done": user.has_mfa,
            "url": "mfa_index",
        },
    ]


@login_required
@require_safe
def credits(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    usage = user.ai_requests.credits_per_day(CHART_DAYS)
    context = {
        "allowance": {kind: monthly_allowance(user, kind) for kind in ("text", "image")},
        "next_top_up": _first_of_next_month(),
        "entries": user.credit_entries.exclude(delta=0).select_related("request")[:50],
        "requests": user.ai_requests.all()[:50],
        "chart": _usage_chart(usage),
        "used_this_month": sum(
            d["text"] + d["image"]
            for d in usage
            if d["day"] >= timezone.localdate().replace(day=1)
        ),
    }
    return render(request, "core/credits.html", context)


CHART_DAYS = 30
CHART_WIDTH, CHART_HEIGHT = 600, 120


def _usage_chart(usage: list[dict]) -> dict:
    """Stacked bars (text below, image above) of credits used per day, as SVG geometry."""
    top = max([d["text"] + d["image"] for d in usage] + [1])
    slot = CHART_WIDTH / len(usage)
    bars = []
    for index, day in enumerate(usage):
        text_h = round(day["text"] / top * CHART_HEIGHT, 1)
        image_h = round(day["image"] / top * CHART_HEIGHT, 1)
        bars.append(
            {
                **day,
                "x": round(index * slot + 1, 1),
                "width": round(slot - 2, 1),
                "text_y": CHART_HEIGHT - text_h,
                "text_h": text_h,
                "image_y": CHART_HEIGHT - text_h - image_h,
                "image_h": image_h,
            }
        )
    return {
        "bars": bars,
        "top": top,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "first": usage[0]["day"],
        "last": usage[-1]["day"],
    }


def _first_of_next_month():
    today = timezone.localdate()
    return (today.replace(day=28) + timedelta(days=4)).replace(day=1)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _check_database, "cache": _check_cache, "storage": _check_storage}
    results = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = "error"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
    )


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value it was given")
    cache.delete(key)


def _check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        with default_storage.open(name) as fh:
            if fh.read() != b"ok":
                raise RuntimeError("storage did not return the bytes it was given")
    finally:
        default_storage.delete(name)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # Mostly a form posted with more text than DATA_UPLOAD_MAX_MEMORY_SIZE: say so.
    return render(request, "errors/400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "errors/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the failure may have come from a context processor or the database.
    from django.template import loader

    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "errors/403_csrf.html", status=403)
