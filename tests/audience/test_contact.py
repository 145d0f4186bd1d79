"""The contact form as a visitor without JavaScript or cookies uses it: GET the page, POST."""

import re
import time
from unittest import mock

import pytest
from django.core import mail
from django.test import Client

from apps.audience import contact
from apps.audience.models import Message, Notification
from apps.portfolios.models import Portfolio
from tests.audience.conftest import portfolio_with_contact_form

pytestmark = pytest.mark.django_db


def the_form(client: Client, url: str = "/p/alice/") -> dict:
    page = client.get(url)
    assert not page.cookies  # a public page sets none
    action = re.search(r'<form class="contact-form" method="post" action="([^"]+)"', page.text)[1]
    token = re.search(r'name="token" value="([^"]+)"', page.text)[1]
    return {"action": action, "token": token}


def a_while_later():
    """The visitor took ten seconds to write."""
    later = time.time() + 10
    return mock.patch("apps.audience.contact.time.time", return_value=later)


def send(client: Client, form: dict, headers=None, **fields):
    data = {"name": "Rita Recruiter", "email": "rita@acme.test", "message": "Hello!"}
    data |= {"token": form["token"], "website": ""} | fields
    return client.post(form["action"], data, headers=headers)


def test_a_visitor_sends_a_message(published, alice, django_capture_on_commit_callbacks):
    client = Client(enforce_csrf_checks=True)  # as a browser: no CSRF token anywhere
    form = the_form(client)

    with a_while_later(), django_capture_on_commit_callbacks(execute=True):
        r = send(client, form, message="Hi Alice,\nlove your work.")

    assert r.status_code == 200
    assert "Thank you!" in r.text
    assert not r.cookies
    message = Message.objects.get()
    assert (message.owner, message.portfolio, message.name) == (alice, published, "Rita Recruiter")
    assert message.body == "Hi Alice,\nlove your work."
    note = Notification.objects.get(kind=Notification.Kind.NEW_MESSAGE)
    assert note.url == f"/inbox/{message.pk}/"
    assert mail.outbox[0].to == ["alice@example.com"]
    assert mail.outbox[0].reply_to == ["rita@acme.test"]
    assert "love your work." in mail.outbox[0].body


def test_the_form_replaces_the_address(client, published):
    assert "mailto:alice@example.com" not in client.get("/p/alice/").text


def test_the_honeypot_drops_the_message_silently(client, published):
    form = the_form(client)
    with a_while_later():
        r = send(client, form, website="http://spam.example")
    assert "Thank you!" in r.text
    assert not Message.objects.exists() and not Notification.objects.exists()


def test_a_message_sent_faster_than_a_person_types_is_dropped(client, published):
    r = send(client, the_form(client))
    assert "Thank you!" in r.text
    assert not Message.objects.exists()


def test_a_forged_token_asks_to_send_again(client, published):
    with a_while_later():
        r = send(client, the_form(client), token="1:forged:token")
    assert r.status_code == 400
    assert "Please check your message and send it again." in r.text
    assert "Hello!" in r.text  # what they wrote is kept
    assert not Message.objects.exists()


def test_missing_fields_are_explained_and_input_is_escaped(client, published):
    form = the_form(client)
    with a_while_later():
        r = send(client, form, email="not an email", name="<script>alert(1)</script>")
    assert r.status_code == 400
    assert "Enter a valid email address." in r.text
    assert "<script>alert(1)" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_sizes_are_capped(client, published):
    form = the_form(client)
    with a_while_later():
        r = send(client, form, message="x" * 5001)
        assert r.status_code == 400
        assert "at most 5000 characters" in r.text
        huge = send(client, form, message="x" * 20_000)
    assert huge.status_code == 413
    assert not Message.objects.exists()


def test_one_address_may_send_five_an_hour(client, published):
    form = the_form(client)
    with a_while_later():
        answers = [send(client, form).status_code for _ in range(contact.RATE + 1)]
        other = Client(REMOTE_ADDR="10.0.0.9")
        assert send(other, form).status_code == 200
    assert answers == [200] * contact.RATE + [429]
    assert Message.objects.count() == contact.RATE + 1


def test_a_page_without_a_form_takes_no_messages(client, alice, published):
    bare = Portfolio.objects.create(owner=alice, title="Bare", slug="bare")
    bare.publish()
    r = client.post(f"/contact/{bare.pk}/", {"name": "x"})
    assert r.status_code == 404


def test_it_takes_only_post(client, published):
    assert client.get(f"/contact/{published.pk}/").status_code == 405


def test_a_private_portfolio_takes_messages_through_its_share_link(
    client, alice, django_capture_on_commit_callbacks
):
    from apps.audience.models import ShareLink

    portfolio = portfolio_with_contact_form(alice, visibility=Portfolio.Visibility.PRIVATE)
    link = ShareLink.objects.create(owner=alice, portfolio=portfolio, recipient="Rita")
    form = the_form(client, link.path)
    with a_while_later():
        assert "Thank you!" in send(client, form).text
    assert Message.objects.filter(portfolio=portfolio).exists()


def test_behind_a_proxy_each_visitor_has_their_own_limit(client, published, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    form = the_form(client)

    def from_address(ip: str) -> int:
        return send(client, form, headers={"X-Forwarded-For": ip}).status_code

    with a_while_later():
        answers = [from_address("198.51.100.1") for _ in range(contact.RATE + 1)]
        assert from_address("198.51.100.2") == 200
    assert answers[-1] == 429
    assert Message.objects.count() == contact.RATE + 1


def test_the_editor_preview_says_where_the_form_will_be(client, alice, published):
    client.force_login(alice)
    r = client.get(f"/portfolios/{published.pk}/preview/")
    assert "Visitors see a contact form here once you publish" in r.text
    assert '<form class="contact-form"' not in r.text
