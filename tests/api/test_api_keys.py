import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.api.models import ApiKey, hash_key

from .conftest import bearer
from .support import ASSETS, assert_problem, image_file

KEYS = "/settings/api-keys/"


def create_key(client, name="Laptop script", scopes=("assets:read",), expires="90") -> str:
    r = client.post(KEYS, {"name": name, "scopes": list(scopes), "expires": expires})
    assert r.status_code == 200
    return r.context["new_key"]


def test_a_key_is_shown_once_and_stored_only_as_a_hash(client, alice, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(alice)

    r = client.post(KEYS, {"name": "Laptop", "scopes": ["assets:read"], "expires": "30"})

    raw = r.context["new_key"]
    assert raw.startswith("gry_") and raw in r.text
    assert "no-store" in r["Cache-Control"]
    key = ApiKey.objects.get(owner=alice)
    assert raw.split("_")[1] == key.prefix
    assert key.hashed_key == hash_key(raw) and raw not in str(key.__dict__)
    assert key.scopes == ["assets:read"]
    assert timedelta(days=29) < key.expires_at - timezone.now() <= timedelta(days=30)
    again = client.get(KEYS)
    assert raw not in again.text and key.display in again.text
    assert client.get(ASSETS, headers=bearer(raw)).status_code == 200
    key.revoke()
    assert client.get(ASSETS, headers=bearer(raw)).status_code == 401  # logged as a warning
    assert "Unauthorized" in caplog.text
    assert raw not in caplog.text
    secret = raw.split("_", 2)[2]
    assert secret not in caplog.text


def test_using_a_key_records_when_it_was_last_used(client, alice):
    client.force_login(alice)
    raw = create_key(client)
    client.logout()
    assert ApiKey.objects.get().last_used_at is None

    r = client.get(ASSETS, headers=bearer(raw))

    assert r.status_code == 200
    assert ApiKey.objects.get().last_used_at is not None


def test_a_key_without_the_scope_is_refused(client, alice):
    client.force_login(alice)
    raw = create_key(client, scopes=["assets:read"])
    client.logout()

    r = client.post(ASSETS, {"file": image_file()}, headers=bearer(raw))

    assert_problem(r, 403, "insufficient_scope")


def test_a_key_with_the_write_scope_uploads_without_csrf(client, alice):
    client.force_login(alice)
    raw = create_key(client, scopes=["assets:write"])
    client.logout()

    r = client.post(ASSETS, {"file": image_file()}, headers=bearer(raw))

    assert r.status_code == 201


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"expires_at": timezone.now() - timedelta(seconds=1)}, "key_expired"),
        ({"revoked_at": timezone.now()}, "key_revoked"),
    ],
)
def test_expired_and_revoked_keys_are_refused(client, alice, make_key, change, code):
    raw = make_key(alice, **change)

    r = client.get(ASSETS, headers=bearer(raw))

    body = assert_problem(r, 401, code)
    assert "Bearer" in r["WWW-Authenticate"]
    assert raw not in body["detail"]


@pytest.mark.parametrize(
    "raw", ["gry_nothere_abc", "gry_0000000_x", "gry_", "gry_abcdefgh_wrongsecretwrongsecret"]
)
def test_unknown_keys_are_refused(client, alice, make_key, raw):
    make_key(alice)

    assert_problem(client.get(ASSETS, headers=bearer(raw)), 401, "invalid_key")


def test_a_key_with_the_right_prefix_and_a_wrong_secret_is_refused(client, alice, make_key):
    raw = make_key(alice)
    forged = raw[:-4] + ("aaaa" if not raw.endswith("aaaa") else "bbbb")

    assert_problem(client.get(ASSETS, headers=bearer(forged)), 401, "invalid_key")


def test_a_deactivated_persons_key_stops_working(client, alice, make_key):
    raw = make_key(alice)
    alice.is_active = False
    alice.save()

    assert_problem(client.get(ASSETS, headers=bearer(raw)), 401, "user_inactive")


def test_revoking_a_key_from_settings(client, alice):
    client.force_login(alice)
    raw = create_key(client)
    key = ApiKey.objects.get()

    r = client.post(f"{KEYS}{key.pk}/revoke/", follow=True)

    assert "is revoked" in r.text and "Revoked" in r.text
    client.logout()
    assert_problem(client.get(ASSETS, headers=bearer(raw)), 401, "key_revoked")


def test_other_peoples_keys_cannot_be_revoked(client, alice, bob, make_key):
    make_key(alice)
    client.force_login(bob)

    r = client.post(f"{KEYS}{ApiKey.objects.get().pk}/revoke/")

    assert r.status_code == 404
    assert ApiKey.objects.get().revoked_at is None


def test_the_form_explains_what_is_missing(client, alice):
    client.force_login(alice)

    r = client.post(KEYS, {"name": "", "expires": "90"})

    assert r.context["new_key"] is None
    assert r.context["form"].errors.keys() == {"name", "scopes"}
    assert not ApiKey.objects.exists()


def test_the_page_needs_sign_in_and_refuses_other_methods(client, alice):
    assert client.get(KEYS).status_code == 302
    client.force_login(alice)
    assert client.put(KEYS).status_code == 405
    assert client.get(f"{KEYS}00000000-0000-0000-0000-000000000000/revoke/").status_code == 405


def test_settings_link_to_the_keys_page(client, alice):
    client.force_login(alice)

    assert f'href="{KEYS}"' in client.get("/settings/").text


def test_admins_see_keys_by_prefix_and_revoke_them(admin_client, alice, make_key):
    make_key(alice)
    key = ApiKey.objects.get()

    listing = admin_client.get("/admin/api/apikey/")
    r = admin_client.post(
        "/admin/api/apikey/", {"action": "revoke", "_selected_action": [key.pk]}, follow=True
    )

    assert key.prefix in listing.text and "alice@example.com" in listing.text
    assert "1 key(s) revoked" in r.text
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_sending_the_same_form_again_makes_no_second_key(client, alice):
    client.force_login(alice)
    page = client.get("/settings/api-keys/")
    once = page.context["form"]["once"].value()
    data = {"name": "Laptop", "scopes": ["ai"], "expires": "30", "once": once}

    first = client.post("/settings/api-keys/", data)
    again = client.post("/settings/api-keys/", data, follow=True)  # the browser's reload

    assert first.context["new_key"].startswith("gry_")
    assert alice.api_keys.count() == 1
    assert "already made its key" in again.text and again.context["new_key"] is None
