"""Schemathesis against /api/schema/, in process (the WSGI app), signed in three ways: with a
session (and its CSRF token), an API key and a JWT. No answer may be a 5xx, and every answer
must match the schema: a documented status, content type and body. Kept small (a few
examples an operation) so that it runs in seconds."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client, override_settings
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from apps.api.models import ApiKey, Scope

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
CSRF = "schemathesis0csrf0token000000000"  # 32 characters, as Django's CSRF cookie


django_app = get_wsgi_application()


def app(environ, start_response):
    environ.setdefault("REMOTE_ADDR", "127.0.0.1")  # as every web server sets it
    return django_app(environ, start_response)


# Loaded when the module is collected (the schema view needs no database). Schemathesis calls
# the app as http://localhost.
with override_settings(ALLOWED_HOSTS=["localhost"]):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", app)
# The examples in the schema and a few generated cases per operation; the coverage phase's
# hundreds of boundary cases would take minutes.
schema.config.phases.coverage.enabled = False


@pytest.fixture
def connection_kept():
    """The WSGI handler closes the database connection after each request, which would close
    the test's transaction too: Django's test client holds these signals off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def ways_in(connection_kept, alice, settings) -> list[dict]:
    """Headers and cookies for a session, an API key with every scope, and a JWT."""
    settings.ALLOWED_HOSTS = ["localhost"]
    settings.API_RATE_LIMITS = {"user": 10_000, "ip": 10_000}
    settings.AI_RATE_LIMITS = {"user": [(10_000, 60)], "ip": [(10_000, 60)]}
    client = Client()
    client.force_login(alice)
    session = {
        "headers": {"X-CSRFToken": CSRF},
        "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF},
    }
    _, raw = ApiKey.objects.issue(alice, "schemathesis", [s.value for s in Scope])
    access = RefreshToken.for_user(alice).access_token
    return [
        session,
        {"headers": {"Authorization": f"Bearer {raw}"}},
        {"headers": {"Authorization": f"Bearer {access}"}},
    ]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
def test_the_api_answers_as_documented(case, ways_in):
    for way in ways_in:
        headers = {**(case.headers or {}), **way["headers"]}
        response = case.call(headers=headers, cookies=way.get("cookies"))
        case.validate_response(response, checks=CHECKS, headers=headers)
