import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from apps.accounts.models import User
from tests.conftest import PASSWORD, make_user


@pytest.fixture
def admin_user(db) -> User:
    return make_user("root@example.com", is_staff=True, is_superuser=True)


def test_the_admin_login_goes_through_allauth(client, db):
    r = client.get("/admin/login/?next=/admin/")

    assert r.status_code == 302
    assert r.url.startswith("/accounts/login/")


def test_people_who_are_not_staff_cannot_open_the_admin(client, alice):
    client.force_login(alice)

    r = client.get("/admin/")

    assert r.status_code in (302, 403)
    assert "Site administration" not in getattr(r, "text", "")


def test_admins_find_people_by_email_and_see_their_credits(client, admin_user, alice, bob):
    client.force_login(admin_user)

    r = client.get("/admin/accounts/user/", {"q": "alice"})

    assert r.status_code == 200
    assert "alice@example.com" in r.text
    assert "bob@example.com" not in r.text
    assert "AI text credits" in r.text


def test_admins_filter_people_by_plan(client, admin_user, alice, bob):
    User.objects.filter(pk=bob.pk).update(subscription_tier=User.Tier.PRO)
    client.force_login(admin_user)

    r = client.get("/admin/accounts/user/", {"subscription_tier__exact": "pro"})

    assert "bob@example.com" in r.text
    assert "alice@example.com" not in r.text


def test_admins_create_an_email_only_account(client, admin_user):
    client.force_login(admin_user)

    r = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new@example.com",
            "usable_password": "true",
            "password1": "a-long-passphrase-9",
            "password2": "a-long-passphrase-9",
        },
    )

    assert r.status_code == 302
    assert User.objects.get(email="new@example.com").check_password("a-long-passphrase-9")


def test_credits_can_never_go_negative(alice):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=alice.pk).update(ai_text_credits=-1)


def test_an_admin_made_with_createsuperuser_signs_in_to_the_admin_at_once(client, db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)
    call_command("createsuperuser", "--no-input", email="Root@Example.com", stdout=io.StringIO())

    r = client.post(
        "/accounts/login/?next=/admin/", {"login": "root@example.com", "password": PASSWORD}
    )

    assert r.status_code == 302
    assert r.url == "/admin/"
    assert "Site administration" in client.get("/admin/").text
