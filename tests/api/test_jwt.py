import json
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import override_settings

from tests.conftest import PASSWORD

from .support import ASSETS, assert_problem

TOKEN = "/api/auth/jwt/token/"
REFRESH = "/api/auth/jwt/refresh/"
VERIFY = "/api/auth/jwt/verify/"
ME = "/api/v1/me"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def sign_in(client, **extra) -> dict:
    r = post(client, TOKEN, {"email": "alice@example.com", "password": PASSWORD, **extra})
    assert r.status_code == 200, r.content
    return r.json()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_pair_for_email_and_password_works_on_the_api(client, alice):
    tokens = sign_in(client)

    r = client.get(ME, headers=bearer(tokens["access"]))

    assert r.status_code == 200 and r.json()["email"] == "alice@example.com"
    assert post(client, VERIFY, {"token": tokens["access"]}).status_code == 200
    assert client.get(ASSETS, headers=bearer(tokens["access"])).status_code == 200


def test_the_access_token_lasts_fifteen_minutes_and_refresh_thirty_days(client, alice):
    from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

    tokens = sign_in(client)
    access, refresh = AccessToken(tokens["access"]), RefreshToken(tokens["refresh"])

    assert access["exp"] - access["iat"] == 15 * 60
    assert refresh["exp"] - refresh["iat"] == 30 * 86400


def test_refresh_rotates_and_the_old_refresh_token_is_refused(client, alice):
    tokens = sign_in(client)

    r = post(client, REFRESH, {"refresh": tokens["refresh"]})

    assert r.status_code == 200
    fresh = r.json()
    assert fresh["refresh"] != tokens["refresh"]
    assert client.get(ME, headers=bearer(fresh["access"])).status_code == 200
    assert_problem(post(client, REFRESH, {"refresh": tokens["refresh"]}), 401, "token_not_valid")
    assert post(client, REFRESH, {"refresh": fresh["refresh"]}).status_code == 200


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"email": "alice@example.com", "password": "wrong"}, 401, "invalid_credentials"),
        ({"email": "nobody@example.com", "password": PASSWORD}, 401, "invalid_credentials"),
        ({"email": "alice@example.com"}, 400, "required"),
        ({"email": "not-an-email", "password": "x"}, 400, "invalid"),
    ],
)
def test_bad_sign_ins_are_explained(client, alice, body, status, code):
    assert_problem(post(client, TOKEN, body), status, code)


def test_an_account_with_two_factor_needs_a_code(client, alice):
    TOTP.activate(alice, SECRET)
    code = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))

    refused = post(client, TOKEN, {"email": "alice@example.com", "password": PASSWORD})
    wrong = post(
        client, TOKEN, {"email": "alice@example.com", "password": PASSWORD, "code": "000000"}
    )

    body = assert_problem(refused, 401, "mfa_required")
    assert "code" in body["detail"]
    assert_problem(wrong, 401, "mfa_invalid")
    assert "access" in sign_in(client, code=code)


def test_a_deactivated_persons_tokens_stop_working(client, alice):
    tokens = sign_in(client)
    alice.is_active = False
    alice.save()

    assert_problem(client.get(ME, headers=bearer(tokens["access"])), 401, "user_inactive")
    assert_problem(post(client, REFRESH, {"refresh": tokens["refresh"]}), 401, "no_active_account")
    assert_problem(post(client, VERIFY, {"token": tokens["access"]}), 401, "no_active_account")


def test_a_deleted_persons_tokens_stop_working(client, alice):
    tokens = sign_in(client)
    alice.delete_with_files()

    assert_problem(client.get(ME, headers=bearer(tokens["access"])), 401, "user_not_found")
    assert_problem(post(client, REFRESH, {"refresh": tokens["refresh"]}), 401, "no_active_account")
    assert_problem(post(client, VERIFY, {"token": tokens["access"]}), 401, "no_active_account")


def test_garbage_tokens_are_refused(client, db):
    assert_problem(client.get(ME, headers=bearer("not.a.jwt")), 401, "token_not_valid")
    assert_problem(post(client, VERIFY, {"token": "nope"}), 401, "token_not_valid")


def test_unverified_email_addresses_get_no_token(client, alice):
    alice.emailaddress_set.update(verified=False)

    r = post(client, TOKEN, {"email": "alice@example.com", "password": PASSWORD})

    assert_problem(r, 401, "email_unverified")


def test_cors_is_off_by_default_and_on_for_named_origins(client, alice):
    preflight = {"Origin": "https://tools.example", "Access-Control-Request-Method": "POST"}

    off = client.options(TOKEN, headers=preflight)
    with override_settings(CORS_ALLOWED_ORIGINS=["https://tools.example"]):
        on = client.options(TOKEN, headers=preflight)
        page = client.get("/", headers={"Origin": "https://tools.example"})

    assert "Access-Control-Allow-Origin" not in off
    assert on["Access-Control-Allow-Origin"] == "https://tools.example"
    assert "idempotency-key" in on["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Origin" not in page


def test_repeated_wrong_passwords_are_stopped_like_the_sign_in_form(client, alice):
    wrong = {"email": "alice@example.com", "password": "wrong"}
    statuses = [post(client, TOKEN, wrong).status_code for _ in range(12)]

    r = post(client, TOKEN, {"email": "alice@example.com", "password": PASSWORD})

    assert statuses[0] == 401 and statuses[-1] == 429
    assert_problem(r, 429, "too_many_attempts")
    assert r["Retry-After"]
