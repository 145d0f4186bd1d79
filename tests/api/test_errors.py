from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions

from apps.api.errors import PROBLEM, problem_exception_handler


def handle(exc: Exception):
    return problem_exception_handler(exc, {})


def test_validation_errors_are_keyed_by_camel_case_field_names():
    exc = exceptions.ValidationError({"alt_text": ["Too long."], "title": ["Required."]})

    body = handle(exc).data

    assert body["errors"] == {"altText": ["Too long."], "title": ["Required."]}
    assert body["detail"] == "altText: Too long."


def test_one_code_is_named_and_mixed_codes_are_just_invalid():
    same = exceptions.ValidationError({"a": ["x"], "b": ["y"]}, code="max_length")
    mixed = exceptions.ValidationError(
        {
            "a": [exceptions.ErrorDetail("x", "required")],
            "b": [exceptions.ErrorDetail("y", "blank")],
        }
    )

    assert handle(same).data["code"] == "max_length"
    assert handle(mixed).data["code"] == "invalid"


def test_errors_without_a_field_use_non_field_errors():
    body = handle(exceptions.ValidationError("Nothing to change.", code="empty")).data

    assert body["errors"] == {"nonFieldErrors": ["Nothing to change."]}
    assert (body["detail"], body["code"]) == ("Nothing to change.", "empty")


def test_django_404_says_nothing_about_what_was_looked_for():
    response = handle(Http404("No Asset matches the given query."))

    assert response.status_code == 404
    assert response.data["detail"] == "Not found."
    assert response.content_type == PROBLEM


def test_a_body_over_djangos_cap_is_413():
    response = handle(RequestDataTooBig("too big"))

    assert (response.status_code, response.data["code"]) == (413, "too_large")


def test_headers_from_drf_survive():
    response = handle(exceptions.Throttled(wait=30))

    assert response["Retry-After"] == "30"
    assert (response.data["status"], response.data["code"]) == (429, "throttled")
    assert response.data["title"] == "Too Many Requests"


def test_errors_drf_does_not_handle_are_left_to_django():
    assert handle(ValueError("boom")) is None
