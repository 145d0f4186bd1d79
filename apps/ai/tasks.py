"""Background work for AI help (Django's Tasks API; `manage.py db_worker` in production)."""

import logging

from django.tasks import task

from .models import AIRequest, CreditEntry, this_month

logger = logging.getLogger("apps.ai")


@task
def expire_reservations() -> int:
    """Refund reservations whose worker died or hung (older than AI_RESERVATION_SECONDS)."""
    expired = 0
    for request in AIRequest.objects.stale().only("pk"):
        expired += request.expire()
    if expired:
        logger.warning("Refunded %d AI reservations that never finished", expired)
    return expired


@task
def grant_monthly_credits(period: str = "") -> int:
    """Top every account up to its plan's allowance for the month; safe to run again (each
    account's month is topped up once: a unique constraint holds it)."""
    from apps.accounts.models import User

    period = period or this_month()
    granted = 0
    done = CreditEntry.objects.filter(period=period).values("user_id")
    for user in User.objects.filter(is_active=True).exclude(pk__in=done).only("pk").iterator():
        granted += bool(CreditEntry.objects.top_up(user, period))
    return granted


@task
def make_image(request_id: str, prompt: str, aspect: str, style: str) -> None:
    from .assistant import run_image
    from .providers import AIError

    request = AIRequest.objects.filter(pk=request_id).select_related("user").first()
    if request is None or request.finished:
        return
    try:
        run_image(request, prompt, aspect, style)
    except AIError:
        return  # refunded, and the request says what went wrong
    if request.asset_id:  # made in the background: the person may have moved on
        from django.urls import reverse

        from apps.audience.models import Notification

        Notification.objects.send(
            request.user,
            Notification.Kind.IMAGE_READY,
            "Your generated image is ready in your assets.",
            url=reverse("assets:detail", args=[request.asset_id]),
        )
