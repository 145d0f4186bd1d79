import re

from allauth.account.models import EmailAddress
from django.core import mail


def test_changing_email_verifies_the_new_address_before_switching(client, alice):
    client.force_login(alice)

    r = client.post("/accounts/email/", {"action_add": "", "email": "alice@new.example"})

    assert r.status_code == 302
    assert mail.outbox[-1].to == ["alice@new.example"]
    assert EmailAddress.objects.get(user=alice, primary=True).email == "alice@example.com"

    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)[1]
    client.post(link)

    alice.refresh_from_db()
    assert alice.email == "alice@new.example"
    assert list(EmailAddress.objects.filter(user=alice).values_list("email", flat=True)) == [
        "alice@new.example"
    ]


def test_an_invalid_new_email_is_refused(client, alice):
    client.force_login(alice)

    r = client.post("/accounts/email/", {"action_add": "", "email": "not-an-email<script>"})

    assert r.status_code == 200
    assert "Enter a valid email address." in r.text
    assert "not-an-email<script>" not in r.text


def test_someone_elses_address_cannot_be_taken(client, alice, bob):
    client.force_login(alice)

    client.post("/accounts/email/", {"action_add": "", "email": "bob@example.com"})

    # Only the mailbox's owner could confirm it, so Alice never gets the address.
    assert not EmailAddress.objects.filter(
        user=alice, email="bob@example.com", verified=True
    ).exists()
    assert EmailAddress.objects.get(email="bob@example.com", verified=True).user == bob
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_people_with_two_factor_can_still_change_their_email(client, alice):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={})
    client.force_login(alice)

    client.post("/accounts/email/", {"action_add": "", "email": "alice@new.example"})

    assert mail.outbox[-1].to == ["alice@new.example"]
