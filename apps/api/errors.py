"""RFC 7807 problem details for every API error, with a machine-readable `code`.

Every error body has `type`, `title`, `status`, `detail` and `code`; validation errors add
`errors`, an object keyed by the camelCase field names the client sent.
"""

from http import HTTPStatus

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .case import camelize

PROBLEM = "application/problem+json"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


def problem_body(status_code: int, detail: str, code: str, **extra) -> dict:
    return {
        "type": "about:blank",
        "title": HTTPStatus(status_code).phrase,
        "status": status_code,
        "detail": detail,
        "code": code,
        **extra,
    }


def problem(status_code: int, detail: str, code: str, **extra) -> Response:
    return Response(
        problem_body(status_code, detail, code, **extra), status=status_code, content_type=PROBLEM
    )


def problem_exception_handler(exc, context) -> Response | None:
    exc = _as_api_exception(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None
    # Keep DRF's response so its headers (WWW-Authenticate, Retry-After) survive.
    response.data = _body(exc, response.status_code)
    response.content_type = PROBLEM
    return response


@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown API paths answer in problem+json too, not with the site's HTML 404 page."""
    body = problem_body(404, "There is no API endpoint at this address.", "not_found")
    return JsonResponse(body, status=404, content_type=PROBLEM)


def _as_api_exception(exc: Exception) -> Exception:
    if isinstance(exc, Http404):
        # The default message names the model ("No Asset matches…"); say nothing specific.
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        return exceptions.ParseError("The request has too many fields or files.")
    return exc


def _body(exc: exceptions.APIException, status_code: int) -> dict:
    detail = exc.detail
    if not isinstance(exc, exceptions.ValidationError) and isinstance(detail, dict):
        if "detail" in detail and "code" in detail:  # simplejwt's InvalidToken
            return problem_body(status_code, str(detail["detail"]), str(detail["code"]))
    if isinstance(exc, exceptions.ValidationError) or not isinstance(exc.detail, str):
        return _validation_body(exc.detail, status_code)
    code = exc.get_codes()
    if isinstance(exc, exceptions.PermissionDenied) and exc.detail.startswith("CSRF Failed"):
        # A distinct code tells clients to fetch a fresh token rather than give up.
        code = "csrf_failed"
    return problem_body(status_code, str(exc.detail), code)


def _validation_body(detail, status_code: int) -> dict:
    errors = camelize(detail if isinstance(detail, dict) else {"nonFieldErrors": detail})
    found = list(_flatten(errors))
    if not found:
        return problem_body(status_code, "The request is invalid.", "invalid", errors=errors)
    field, first = found[0]
    codes = {error.code for _, error in found}
    code = codes.pop() if len(codes) == 1 else "invalid"
    message = f"{field}: {first}" if field and field != "nonFieldErrors" else str(first)
    return problem_body(status_code, message, code or "invalid", errors=errors)


def _flatten(detail, field: str = ""):
    """(field, ErrorDetail) pairs in the order the serializer reported them."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from _flatten(value, f"{field}.{key}" if field else str(key))
    elif isinstance(detail, list):
        for value in detail:
            yield from _flatten(value, field)
    else:
        error = detail if isinstance(detail, ErrorDetail) else ErrorDetail(str(detail), "invalid")
        yield field, error


# What each kind of AIError (apps/ai/providers/base.py) answers over HTTP.
AI_STATUS = {
    "invalid_input": 400,
    "out_of_credits": 402,
    "duplicate": 409,
    "rate_limited": 429,
    "rejected": 422,
    "safety": 422,
    "unsupported": 422,
    "misconfigured": 503,
    "quota": 503,
    "unavailable": 503,
    "timeout": 504,
}


def ai_status(exc) -> int:
    return AI_STATUS.get(exc.kind, 502)


def ai_problem(exc) -> Response:
    """An AIError as problem+json; its message is written for people, so it is the detail."""
    response = problem(ai_status(exc), exc.message, exc.kind)
    if getattr(exc, "retry_after", None):
        response["Retry-After"] = str(exc.retry_after)
    return response
