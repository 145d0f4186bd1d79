from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

URL = "/settings/security/"


def test_it_lists_emails_with_their_state_and_links_to_each_tool(client, alice):
    EmailAddress.objects.create(user=alice, email="alice@work.example", verified=False)
    client.force_login(alice)

    r = client.get(URL)

    assert r.status_code == 200
    assert "alice@example.com" in r.text and "alice@work.example" in r.text
    assert "Unverified" in r.text and "Verified" in r.text
    for link in [
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
        "/accounts/sessions/",
    ]:
        assert f'href="{link}"' in r.text


def test_it_says_when_two_factor_is_on(client, alice):
    Authenticator.objects.create(user=alice, type=Authenticator.Type.TOTP, data={})
    client.force_login(alice)

    r = client.get(URL)

    assert "Manage two-factor" in r.text


def test_it_offers_two_factor_when_off(client, alice):
    client.force_login(alice)

    assert "Turn on two-factor" in client.get(URL).text


def test_it_refuses_posts(client, alice):
    client.force_login(alice)
    assert client.post(URL).status_code == 405
