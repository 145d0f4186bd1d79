"""X-RateLimit-* on every API answer; 429 with Retry-After past a limit."""

import pytest

from .conftest import bearer
from .support import ASSETS, assert_problem


@pytest.fixture
def tight(settings, monkeypatch):
    settings.API_RATE_LIMITS = {"user": 3, "ip": 5}
    # Mid-window, so no test straddles two windows.
    monkeypatch.setattr("apps.api.ratelimit._now", lambda: 1_800_000_030.0)


def test_every_answer_says_where_the_caller_stands(client, alice, tight):
    client.force_login(alice)

    first, second = client.get(ASSETS), client.get("/api/v1/nowhere")

    assert (first["X-RateLimit-Limit"], first["X-RateLimit-Remaining"]) == ("3", "2")
    assert (second["X-RateLimit-Limit"], second["X-RateLimit-Remaining"]) == ("3", "1")
    assert first["X-RateLimit-Reset"] == "31"


def test_past_the_limit_it_is_429_with_retry_after(client, alice, tight):
    client.force_login(alice)
    for _ in range(3):
        assert client.get(ASSETS).status_code == 200

    r = client.get(ASSETS)

    assert_problem(r, 429, "throttled")
    assert r["Retry-After"] == "31" and r["X-RateLimit-Remaining"] == "0"


def test_each_key_has_its_own_allowance_within_the_ips(client, alice, make_key, tight):
    one, two = make_key(alice), make_key(alice)
    for _ in range(3):
        client.get(ASSETS, headers=bearer(one))

    assert client.get(ASSETS, headers=bearer(one)).status_code == 429
    assert client.get(ASSETS, headers=bearer(two)).status_code == 200
    r = client.get(ASSETS, headers=bearer(two))  # the sixth from this IP
    assert_problem(r, 429, "throttled")


def test_anonymous_callers_are_counted_by_ip(client, db, tight):
    r = client.get("/api/v1/public/portfolios/nobody")

    assert (r["X-RateLimit-Limit"], r["X-RateLimit-Remaining"]) == ("5", "4")


def test_pages_outside_the_api_carry_no_headers(client, db):
    assert "X-RateLimit-Limit" not in client.get("/").headers


def test_openai_endpoints_answer_429_in_openai_shape(client, alice, make_key, tight):
    raw = make_key(alice)
    for _ in range(3):
        assert client.get("/v1/models", headers=bearer(raw)).status_code == 200

    r = client.get("/v1/models", headers=bearer(raw))

    assert r.status_code == 429 and r["Retry-After"] == "31"
    assert r.json()["error"]["code"] == "rate_limit_exceeded"


def test_someone_knowing_only_a_keys_prefix_cannot_spend_its_allowance(
    client, alice, make_key, tight
):
    raw = make_key(alice)
    forged = raw[: raw.rindex("_") + 1] + "x" * 20  # the same visible prefix, another secret
    for _ in range(4):
        assert client.get(
            ASSETS, headers=bearer(forged), REMOTE_ADDR="203.0.113.9"
        ).status_code in (
            401,
            429,
        )

    r = client.get(ASSETS, headers=bearer(raw))

    assert r.status_code == 200 and r["X-RateLimit-Remaining"] == "2"
