import re

from django.core import mail

from tests.conftest import PASSWORD

LOGIN = "/accounts/login/"


def test_signing_in_with_email_and_password_lands_on_the_dashboard(client, alice):
    r = client.post(LOGIN, {"login": "Alice@Example.com", "password": PASSWORD})

    assert r.status_code == 302
    assert r.url == "/dashboard/"


def test_a_wrong_password_gets_a_clear_message(client, alice):
    r = client.post(LOGIN, {"login": "alice@example.com", "password": "nope"})

    assert r.status_code == 200
    assert "The email address and/or password you specified are not correct." in r.text


def test_repeated_failures_are_rate_limited(client, alice):
    for _ in range(5):
        client.post(LOGIN, {"login": "alice@example.com", "password": "nope"})

    r = client.post(LOGIN, {"login": "alice@example.com", "password": PASSWORD})

    assert "Too many failed login attempts" in r.text
    assert client.get("/dashboard/").status_code == 302


def test_signing_in_with_an_emailed_code(client, alice):
    r = client.post("/accounts/login/code/", {"email": "alice@example.com"})
    assert r.status_code == 302
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[0].body, re.M)[1]

    r = client.post(r.url, {"code": code})

    assert r.status_code == 302
    assert r.url == "/dashboard/"


def test_a_wrong_emailed_code_is_refused(client, alice):
    r = client.post("/accounts/login/code/", {"email": "alice@example.com"})

    r = client.post(r.url, {"code": "WRONG1"})

    assert r.status_code == 200
    assert "Incorrect code." in r.text
    assert client.get("/dashboard/").status_code == 302


def test_resetting_a_forgotten_password_end_to_end(client, alice):
    client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)[
        1
    ]

    r = client.get(link, follow=True)
    r = client.post(
        r.redirect_chain[-1][0],
        {"password1": "a-new-long-passphrase-7", "password2": "a-new-long-passphrase-7"},
    )

    assert r.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("a-new-long-passphrase-7")


def test_signing_out_takes_a_post(client, alice):
    client.force_login(alice)

    r = client.post("/accounts/logout/")

    assert r.status_code == 302
    assert r.url == "/"
    assert client.get("/dashboard/").status_code == 302


def test_social_sign_in_is_hidden_without_client_ids(client, db):
    r = client.get(LOGIN)

    assert "Google" not in r.text
    assert "GitHub" not in r.text
