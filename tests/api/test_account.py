import pytest

from apps.ai.models import CreditEntry

from .conftest import bearer
from .support import assert_problem

ME = "/api/v1/me"
CREDITS = "/api/v1/credits"


def test_me_shows_the_profile_in_camel_case(client, alice):
    client.force_login(alice)

    body = client.get(ME).json()

    assert body["email"] == "alice@example.com"
    assert (body["name"], body["title"]) == ("Alice Liddell", "Illustrator")
    assert body["subscriptionTier"] == "free" and "dateJoined" in body


def test_me_changes_name_title_and_bio_with_an_api_key(client, alice, make_key):
    raw = make_key(alice, scopes=["account:read", "account:write"])

    r = client.patch(
        ME,
        {"title": " Painter ", "bio": "Hello."},
        content_type="application/json",
        headers=bearer(raw),
    )

    assert r.status_code == 200 and r.json()["title"] == "Painter"
    alice.refresh_from_db()
    assert (alice.title, alice.bio, alice.name) == ("Painter", "Hello.", "Alice Liddell")


@pytest.mark.parametrize(
    ("body", "code"),
    [({"email": "x@example.com"}, "unknown_field"), ({"title": "x" * 121}, "max_length")],
)
def test_me_refuses_what_it_cannot_change(client, alice, body, code):
    client.force_login(alice)

    r = client.patch(ME, body, content_type="application/json")

    assert_problem(r, 400, code)
    alice.refresh_from_db()
    assert alice.email == "alice@example.com" and alice.title == "Illustrator"


def test_a_read_only_key_cannot_change_the_profile(client, alice, make_key):
    raw = make_key(alice, scopes=["account:read"])

    r = client.patch(ME, {"title": "X"}, content_type="application/json", headers=bearer(raw))

    assert_problem(r, 403, "insufficient_scope")


def test_me_needs_authentication_and_refuses_other_methods(client, alice):
    assert_problem(client.get(ME), 401, "not_authenticated")
    client.force_login(alice)
    assert_problem(client.delete(ME), 405, "method_not_allowed")


def test_credits_show_balances_and_the_latest_ledger_rows(client, alice):
    CreditEntry.objects.open_account(alice)
    CreditEntry.objects.grant(alice, "text", 5, note="Thanks")
    client.force_login(alice)

    body = client.get(CREDITS).json()

    alice.refresh_from_db()
    assert body["balance"] == {"text": alice.ai_text_credits, "image": alice.ai_image_credits}
    assert body["monthlyAllowance"] == {"text": 50, "image": 10}
    latest = body["recent"][0]
    assert (latest["delta"], latest["reason"], latest["note"]) == (5, "grant", "Thanks")
    assert latest["balanceAfter"] == alice.ai_text_credits and latest["task"] is None
