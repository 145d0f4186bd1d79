"""`Idempotency-Key` on POST: the same key with the same body answers what the first request
answered, without running (or charging) it again; the same key with another body is a 422.

The first request claims the key by inserting a row (unique per person and key) in its own
transaction, so of two concurrent duplicates exactly one runs; the other is told to wait
(409) or, once the first is done, gets its answer. Only successes are kept: after a failure
the same key may try again. A streamed answer is not stored: a repeat runs the view again
with the same AI request key, which answers the stored text at no charge.
"""

import functools
import hashlib
import json
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from .errors import problem
from .models import IdempotentRequest

TTL = timedelta(hours=24)
SWEEP_EVERY = 3600  # seconds
MAX_KEY = 80


def idempotent(view=None, *, error=problem):
    """For a function view, or (with `error=` answering in another shape) a view method."""
    if view is None:
        return functools.partial(idempotent, error=error)

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        request = args[0] if isinstance(args[0], Request) else args[1]
        key = request.headers.get("Idempotency-Key")
        if key is None or request.method != "POST":
            return view(*args, **kwargs)
        if not key or len(key) > MAX_KEY or not key.isprintable():
            return error(
                400,
                f"Idempotency-Key must be 1 to {MAX_KEY} printable characters.",
                "invalid_idempotency_key",
            )
        fingerprint = _fingerprint(request)
        record, created = _claim(request.user, key, fingerprint)
        if record.fingerprint != fingerprint:
            return error(
                422,
                "This Idempotency-Key was used with a different request. Use a new key.",
                "idempotency_key_reused",
            )
        request._idempotent = record
        if not created and record.status_code is None:
            response = error(
                409, "A request with this Idempotency-Key is still running.", "in_progress"
            )
            response["Retry-After"] = "1"
            return response
        if not created and record.body is not None:
            return _replay(record)
        response = view(*args, **kwargs)
        _store(record, response, created)
        return response

    return wrapper


def ai_key(request: Request) -> str:
    """The AI request's own idempotency key: one per stored record, so a key reused after
    it expired is a new request, and a replayed stream finds the answer it had."""
    record = getattr(request, "_idempotent", None)
    return f"api:{record.pk}" if record else ""


def _fingerprint(request: Request) -> str:
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    digest.update(request._request.body)
    return digest.hexdigest()


def _claim(user, key: str, fingerprint: str) -> tuple[IdempotentRequest, bool]:
    expired = IdempotentRequest.objects.filter(created_at__lt=timezone.now() - TTL)
    if cache.add("api:idempotency-sweep", 1, timeout=SWEEP_EVERY):
        expired.delete()  # everyone's, now and then, so the table stays a day long
    else:
        expired.filter(user=user, key=key).delete()
    try:
        with transaction.atomic():
            record = IdempotentRequest.objects.create(user=user, key=key, fingerprint=fingerprint)
            return record, True
    except IntegrityError:
        return IdempotentRequest.objects.get(user=user, key=key), False


def _store(record: IdempotentRequest, response, created: bool) -> None:
    if not 200 <= response.status_code < 300:
        IdempotentRequest.objects.filter(pk=record.pk).delete()  # may be tried again
        return
    if not created:  # a streamed answer run again: nothing new to keep
        return
    record.status_code = response.status_code
    if isinstance(response, Response):
        record.body = json.loads(json.dumps(response.data, cls=JSONEncoder))
    record.location = response.get("Location", "")
    record.save(update_fields=["status_code", "body", "location"])


def _replay(record: IdempotentRequest) -> Response:
    headers = {"Idempotent-Replayed": "true"}
    if record.location:
        headers["Location"] = record.location
    return Response(record.body, status=record.status_code, headers=headers)
