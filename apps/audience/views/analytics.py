"""Private analytics: the beacon public pages load, and /analytics/ for the creator."""

import base64
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from apps.core.types import AuthenticatedHttpRequest

from .. import charts, counting
from ..models import DailyCount

# A transparent 1×1 GIF.
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
RANGES = (7, 30, 90)


@require_safe
def beacon(request: HttpRequest) -> HttpResponse:
    """Count a view of a published page (see apps/audience/counting.py). Always the same
    image, whatever happened: a page never shows or logs an error for it."""
    params = counting.beacon_params(request.GET)
    if params is not None and counting.countable(request):
        query = request.GET.get("q") or urlsplit(request.headers.get("Referer", "")).query
        counting.record_view(
            request, params["t"], page=params["pg"], referrer=request.GET.get("r", ""), query=query
        )
    response = HttpResponse(GIF, content_type="image/gif")
    patch_cache_control(response, private=True, no_store=True)  # every view must reach us
    return response


@login_required
@require_safe
def analytics_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    counting.flush()  # closed buckets only: numbers are at most two minutes behind
    targets = _targets(request.user)
    chosen = request.GET.get("t", "")
    if chosen not in targets:
        chosen = next(iter(targets), "")
    days = int(request.GET["days"]) if request.GET.get("days") in {"7", "30", "90"} else 30
    context = {
        "targets": targets,
        "chosen": chosen,
        "days": days,
        "ranges": RANGES,
        "nav_section": "analytics",
    }
    if chosen:
        context.update(_numbers(chosen, days))
    return render(request, "audience/analytics.html", context)


def _targets(user) -> dict[str, str]:
    """What the person can see numbers for: their portfolios and resumes, by target key."""
    found = {f"p:{pk.hex}": title for pk, title in user.portfolios.values_list("pk", "title")}
    for pk, title in user.resumes.values_list("pk", "title"):
        found[f"r:{pk.hex}"] = f"{title} (resume)"
    return found


def _numbers(target: str, days: int) -> dict:
    span = counting.days(days)
    rows = DailyCount.objects.filter(target=target, day__gte=span[0])
    totals = dict(rows.values_list("metric").annotate(n=Sum("count")).values_list("metric", "n"))
    per_day = {
        (metric, day): n
        for metric, day, n in rows.filter(metric__in=["view", "visitor"])
        .values_list("metric", "day")
        .annotate(n=Sum("count"))
    }
    views = [(day, per_day.get(("view", day), 0)) for day in span]
    visitors = [(day, per_day.get(("visitor", day), 0)) for day in span]

    def top(metric: str, limit: int = 10) -> list[tuple[str, int]]:
        found = (
            rows.filter(metric=metric)
            .values_list("key")
            .annotate(n=Sum("count"))
            .order_by("-n", "key")[:limit]
        )
        return list(found)

    referrers = top("referrer")
    pages = [(key or "Home", n) for key, n in top("page")]
    return {
        "totals": {
            "views": totals.get("view", 0),
            "visitors": totals.get("visitor", 0),
            "downloads": totals.get("download", 0),
            "share_opens": totals.get("share_open", 0),
        },
        "daily": [
            {"day": day, "views": v, "visitors": u}
            for (day, v), (_, u) in zip(views, visitors, strict=True)
        ],
        "views_chart": charts.columns(views),
        "referrers": referrers,
        "referrers_chart": charts.ranking(referrers) if referrers else None,
        "pages": pages,
        "campaigns": top("campaign"),
        "devices": top("device", 3),
        "since": span[0],
        "until": span[-1] + timedelta(days=0),
    }
