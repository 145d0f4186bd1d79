import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from apps.accounts.models import User
from tests.conftest import PASSWORD

SIGNUP = "/accounts/signup/"


def signup(client, **overrides):
    data = {"name": "Grace Hopper", "email": "grace@example.com", "password1": PASSWORD}
    return client.post(SIGNUP, {**data, **overrides})


@pytest.mark.django_db
def test_signing_up_creates_an_unverified_account_and_mails_a_link(client):
    r = signup(client)

    assert r.status_code == 302
    assert r.url == "/accounts/confirm-email/"
    user = User.objects.get(email="grace@example.com")
    assert user.name == "Grace Hopper"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["grace@example.com"]
    assert mail.outbox[0].subject.startswith("[Grooya] ")
    assert re.search(r"http://testserver/accounts/confirm-email/\S+/", mail.outbox[0].body)


@pytest.mark.django_db
def test_following_the_mailed_link_verifies_and_signs_in(client):
    signup(client)
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)[1]

    assert client.get(link).status_code == 200
    r = client.post(link)

    assert r.status_code == 302
    assert r.url == "/dashboard/"
    assert EmailAddress.objects.get(email="grace@example.com").verified
    assert "Hi, Grace" in client.get("/dashboard/").text


@pytest.mark.django_db
def test_an_unverified_person_cannot_sign_in_until_they_verify(client):
    signup(client)
    client.logout()
    mail.outbox.clear()

    r = client.post("/accounts/login/", {"login": "grace@example.com", "password": PASSWORD})

    assert r.status_code == 302
    assert r.url == "/accounts/confirm-email/"
    assert client.get("/dashboard/").status_code == 302


def test_a_taken_email_gets_no_second_account(client, alice):
    r = signup(client, email="ALICE@example.com")

    # allauth prevents enumeration: it pretends to succeed and mails the owner instead.
    assert r.status_code == 302
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    assert [to.lower() for to in mail.outbox[0].to] == ["alice@example.com"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short1", "This password is too short"),
        ("password123", "This password is too common"),
        ("84736251908473", "This password is entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason(client, password, message):
    r = signup(client, password1=password)

    assert r.status_code == 200
    assert message in r.text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_missing_fields_are_named(client):
    r = client.post(SIGNUP, {})

    assert r.status_code == 200
    assert r.text.count("This field is required.") == 3
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_ten_thousand_character_name_is_refused_politely(client):
    r = signup(client, name="x" * 10_000)

    assert r.status_code == 200
    assert "Ensure this value has at most 120 characters" in r.text
    assert not User.objects.exists()


@pytest.mark.django_db
def test_unicode_names_are_kept_exactly(client):
    signup(client, name="Zoë Ñúñez 李小龍 🚀")

    assert User.objects.get().name == "Zoë Ñúñez 李小龍 🚀"


@pytest.mark.django_db
def test_a_script_in_the_name_is_stored_as_text_and_escaped(client):
    signup(client, name="<script>alert(1)</script>")
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[0].body)[1]
    client.post(link)

    r = client.get("/dashboard/")

    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


@pytest.mark.django_db
def test_signup_without_a_csrf_token_gets_the_styled_403(client):
    client = type(client)(enforce_csrf_checks=True)

    r = signup(client)

    assert r.status_code == 403
    assert "That form has expired" in r.text
    assert not User.objects.exists()
