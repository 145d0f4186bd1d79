"""Rate limits for AI requests, per person and per IP address (AI_RATE_LIMITS), counted in
the cache (Redis in production, so every web process shares the counts) in fixed windows."""

import time

from django.conf import settings
from django.core.cache import cache

from .providers.base import AIError


def check(user_id, ip: str | None) -> None:
    """Count one request; AIError("rate_limited") with when to try again when over a limit."""
    subjects = [("user", str(user_id))] + ([("ip", ip)] if ip else [])
    for scope, subject in subjects:
        for limit, window in settings.AI_RATE_LIMITS[scope]:
            now = time.time()
            key = f"ai:rate:{scope}:{subject}:{window}:{int(now // window)}"
            cache.add(key, 0, timeout=window + 5)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window + 5)
                count = 1
            if count > limit:
                error = AIError("rate_limited", _message(scope, limit, window, now))
                error.retry_after = int(window - now % window) + 1  # for HTTP's Retry-After
                raise error


def _message(scope: str, limit: int, window: int, now: float) -> str:
    wait = int(window - now % window) + 1
    period = "minute" if window == 60 else "hour" if window == 3600 else "day"
    who = "You have" if scope == "user" else "Your network has"
    return (
        f"{who} asked for AI help {limit} times this {period}, the most allowed. "
        f"Try again in {_duration(wait)}."
    )


def _duration(seconds: int) -> str:
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 5400:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


def client_ip(request) -> str | None:
    """The address limits count by: allauth's reading of it (TRUSTED_PROXY_COUNT aware)."""
    from allauth.account.adapter import get_adapter

    return get_adapter().get_client_ip(request)
