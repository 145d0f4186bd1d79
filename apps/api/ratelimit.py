"""Request limits for the API (/api/…, /v1/…), per API key or person and per IP address,
counted in the cache in fixed one-minute windows. Every answer says where the caller stands
(X-RateLimit-Limit / -Remaining / -Reset); past a limit it is a 429 with Retry-After.

AI calls are limited again, more tightly, by apps/ai/limits.py (they spend credits)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse

from apps.ai.limits import client_ip

from .errors import PROBLEM, problem_body

WINDOW = 60
PREFIXES = ("/api/", "/v1/")


def rate_limit_middleware(get_response):
    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIXES) or request.path.startswith("/api/docs"):
            return get_response(request)
        now = _now()
        reset = int(WINDOW - now % WINDOW) + 1
        counted = [(_count(subject, now), limit) for subject, limit in _subjects(request)]
        limit, remaining = counted[0][1], max(0, counted[0][1] - counted[0][0])
        over = [limit for count, limit in counted if count > limit]
        response = _too_many(request, reset) if over else get_response(request)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(remaining)
        response["X-RateLimit-Reset"] = str(reset)
        return response

    return middleware


def _now() -> float:
    return time.time()


def _subjects(request: HttpRequest) -> list[tuple[str, int]]:
    """(subject, limit) pairs, the caller's own first: their key or account, then the IP."""
    limits = settings.API_RATE_LIMITS
    ip = (f"ip:{client_ip(request)}", limits["ip"])
    who = _caller(request)
    return [(who, limits["user"]), ip] if who else [ip]


def _caller(request: HttpRequest) -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() == "bearer" and token.startswith("gry_"):
        # The whole key, digested: no lookup needed to count, and someone who knows only a
        # key's prefix cannot spend its allowance (their forgeries count on their own).
        return "key:" + hashlib.sha256(token.encode()).hexdigest()[:32]
    if scheme.lower() == "bearer" and token:
        from .jwt import user_id_of

        user_id = user_id_of(token)
        return f"user:{user_id}" if user_id else ""
    user = getattr(request, "user", None)
    return f"user:{user.pk}" if user is not None and user.is_authenticated else ""


def _count(subject: str, now: float) -> int:
    key = f"api:rate:{subject}:{int(now // WINDOW)}"
    cache.add(key, 0, timeout=WINDOW + 5)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW + 5)
        return 1


def _too_many(request: HttpRequest, wait: int) -> HttpResponse:
    message = f"Too many requests. Try again in {wait} seconds."
    if request.path.startswith("/v1/"):
        body = {
            "error": {
                "message": message,
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
        }
        response = JsonResponse(body, status=429)
    else:
        body = problem_body(429, message, "throttled")
        response = JsonResponse(body, status=429, content_type=PROBLEM)
    response["Retry-After"] = str(wait)
    return response
