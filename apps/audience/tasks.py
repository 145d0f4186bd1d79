"""Background work for audience (Django's Tasks API; `manage.py db_worker` in production)."""

from django.tasks import task

from . import counting


@task
def flush_counts() -> int:
    """Add the analytics counted in the cache to the database (see counting.py)."""
    return counting.flush()


@task
def send_weekly_digests() -> int:
    """Tell each creator whose pages were seen in the last seven days how many views and
    visitors they had (in the app; by email unless they opted out). Once a week per person,
    however often it runs."""
    from datetime import timedelta

    from django.db.models import Sum
    from django.urls import reverse
    from django.utils import timezone

    from apps.accounts.models import User

    from .models import DailyCount, Notification

    counting.flush()
    since = counting.days(7)[0]
    recent = timezone.now() - timedelta(days=6)
    sent = 0
    already = Notification.objects.filter(
        kind=Notification.Kind.WEEKLY_DIGEST, created_at__gte=recent
    ).values("recipient_id")
    for user in User.objects.filter(is_active=True).exclude(pk__in=already).iterator():
        targets = [f"p:{pk.hex}" for pk in user.portfolios.values_list("pk", flat=True)]
        targets += [f"r:{pk.hex}" for pk in user.resumes.values_list("pk", flat=True)]
        rows = DailyCount.objects.filter(target__in=targets, day__gte=since)
        totals = dict(
            rows.filter(metric__in=["view", "visitor"])
            .values_list("metric")
            .annotate(n=Sum("count"))
            .values_list("metric", "n")
        )
        if not totals.get("view"):
            continue
        views, visitors = totals["view"], totals.get("visitor", 0)
        Notification.objects.send(
            user,
            Notification.Kind.WEEKLY_DIGEST,
            f"Your week: {views} view{'s' * (views != 1)} from "
            f"{visitors} visitor{'s' * (visitors != 1)}",
            url=reverse("audience:analytics"),
        )
        sent += 1
    return sent
