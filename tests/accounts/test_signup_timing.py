"""Signing up with a taken address must not be measurably faster than with a new one."""

import statistics
import time

import pytest

from tests.conftest import PASSWORD, make_user

SAMPLES = 5


@pytest.fixture
def taken(db) -> list[str]:
    return [make_user(f"taken{n}@example.com").email for n in range(SAMPLES)]


@pytest.fixture
def real_password_hashing(settings):
    # The suite hashes with MD5 for speed; the cost an attacker times is the real hasher's.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_signing_up_takes_as_long_for_a_taken_address_as_for_a_new_one(
    client, taken, real_password_hashing
):
    new = [f"new{n}@example.com" for n in range(SAMPLES)]

    def seconds(email: str) -> float:
        client.cookies.clear()
        data = {"name": "Probe", "email": email, "password1": PASSWORD}
        started = time.perf_counter()
        r = client.post("/accounts/signup/", data)
        elapsed = time.perf_counter() - started
        assert (r.status_code, r.url) == (302, "/accounts/confirm-email/")
        return elapsed

    seconds("warm-up@example.com")  # first-request costs (templates, imports) count for neither
    # Interleaved, each address probed once, as an attacker would: load drifts hit both sides.
    timings = [(seconds(a), seconds(b)) for a, b in zip(taken, new, strict=True)]
    for_taken = statistics.median(t for t, _ in timings)
    for_new = statistics.median(n for _, n in timings)

    print(f"sign-up: taken {for_taken:.3f}s, new {for_new:.3f}s")
    # Equal by construction (one password hash each); the margin absorbs a busy machine.
    # Without the extra hash a taken address answered ~60 times faster.
    assert 0.5 < for_taken / for_new < 2, f"taken {for_taken:.3f}s, new {for_new:.3f}s"
