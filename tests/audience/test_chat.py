""" "Ask my portfolio" as a visitor without JavaScript or cookies uses it: GET the published
page, POST the question, read the answer; and what the owner controls and sees."""

import itertools
import json
import re
import time
from unittest import mock

import pytest
from django.test import Client

from apps.ai.models import AIRequest, CreditEntry
from apps.audience.models import Message, Notification
from apps.portfolios.models import Portfolio

from .conftest import block_id, portfolio_with_chat

pytestmark = pytest.mark.django_db

QUESTION = "Has she shipped an iOS app?"


@pytest.fixture
def published(alice) -> Portfolio:
    return portfolio_with_chat(alice)


def the_form(client: Client, url: str = "/p/alice/") -> dict:
    page = client.get(url)
    assert not page.cookies  # a public page sets none
    found = re.search(r'<form class="contact-form" method="post" action="(/ask/[^"]+)"', page.text)
    token = re.search(r'name="token" value="([^"]+)"', page.text)[1]
    return {"action": found[1], "token": token}


_minutes = itertools.count(1)


def a_while_later():
    """The visitor took a while to type, each question a little later than the one before
    (so the form on an answer page is older than the timer too)."""
    later = time.time() + 60 * next(_minutes)
    return mock.patch("apps.audience.contact.time.time", return_value=later)


def ask(
    client: Client, form: dict, question=QUESTION, ip="198.51.100.1", accept="text/html", **fields
):
    given = {k: v for k, v in form.items() if k in ("token", "conversation")}
    data = {"question": question, "website": ""} | given | fields
    with a_while_later():
        return client.post(form["action"], data, REMOTE_ADDR=ip, HTTP_ACCEPT=accept)


def follow_up(answer_page) -> dict:
    """The form on an answer page: its fresh token and the conversation."""
    text = answer_page.text
    return {
        "action": re.search(r'<form method="post" action="([^"]+)"', text)[1],
        "token": re.search(r'name="token" value="([^"]+)"', text)[1],
        "conversation": re.search(r'name="conversation" value="([^"]+)"', text)[1],
    }


def test_a_visitor_asks_and_gets_a_cited_answer(published, alice):
    client = Client(enforce_csrf_checks=True)  # as a browser: no CSRF token anywhere

    r = ask(client, the_form(client))

    assert r.status_code == 200 and not r.cookies
    assert "Looking Glass, an iOS app for reading old maps" in r.text
    assert f'href="/p/alice/#b-{block_id(published, "about")}"' in r.text
    assert r["Cache-Control"] == "private, no-store"
    message = Message.objects.get()
    assert (message.owner, message.portfolio, message.kind) == (alice, published, "chat")
    assert message.body.startswith(f"Q: {QUESTION}\nA: From the portfolio: I shipped")
    note = Notification.objects.get(kind=Notification.Kind.NEW_MESSAGE)
    assert note.url == f"/inbox/{message.pk}/" and QUESTION in note.message


def test_a_follow_up_continues_the_same_conversation(published):
    client = Client()
    first = ask(client, the_form(client))

    second = ask(client, follow_up(first), "Which games were written in Swift?")

    assert "Swift with SpriteKit" in second.text
    message = Message.objects.get()
    assert "Q: Has she shipped" in message.body and "Q: Which games" in message.body
    assert Notification.objects.count() == 1  # one per conversation, not per question


def test_a_question_the_portfolio_cannot_answer(published, alice):
    client = Client()
    r = ask(client, the_form(client), "Does she speak Japanese?")

    assert "I don’t know from this portfolio." in r.text
    assert "#b-" not in r.text
    assert "A: I don’t know from this portfolio." in Message.objects.get().body


def test_the_visitors_words_are_escaped(published):
    client = Client()
    r = ask(client, the_form(client), '<script>alert("x")</script> iOS app?')

    assert "<script>alert" not in r.text and "&lt;script&gt;alert" in r.text


def test_without_the_owners_opt_in_there_is_no_form_and_no_answer(published, client):
    form = the_form(client)
    published.change_settings(slug="alice", chat_enabled=False)

    assert "/ask/" not in client.get("/p/alice/").text  # the cached page went stale
    assert ask(client, form).status_code == 404
    assert not AIRequest.objects.exists()


@pytest.mark.parametrize("change", ["unpublish", "private"])
def test_an_unpublished_or_private_portfolio_answers_404(published, client, change):
    form = the_form(client)
    if change == "unpublish":
        published.unpublish()
    else:
        published.change_settings(slug="alice", visibility="private")

    assert ask(client, form).status_code == 404


def test_asking_is_a_post(published, client):
    assert client.get(the_form(client)["action"]).status_code == 405


def test_the_honeypot_and_the_timer_drop_a_question_silently(published, client):
    form = the_form(client)
    trapped = ask(client, form, website="http://spam.example")
    with mock.patch("apps.audience.contact.time.time", return_value=time.time()):
        hurried = client.post(form["action"], {"question": QUESTION, "token": form["token"]})

    for r in (trapped, hurried):
        assert r.status_code == 200 and "I don’t know from this portfolio." in r.text
    assert not AIRequest.objects.exists() and not Message.objects.exists()


def test_a_forged_token_asks_again(published, client):
    r = ask(client, the_form(client), token="1:forged:token")
    assert r.status_code == 200 and "Please ask again" in r.text
    assert not AIRequest.objects.exists()


def test_the_admins_kill_switch_answers_politely(published, client):
    form = the_form(client)
    published.chat_blocked = True
    published.save(update_fields=["chat_blocked"])

    r = ask(client, form)

    assert r.status_code == 200 and "Questions are turned off" in r.text
    assert not AIRequest.objects.exists()
    assert "/ask/" not in client.get("/p/alice/").text


def test_a_visitor_past_their_daily_cap_is_told_politely(alice, client):
    portfolio_with_chat(alice, chat_ip_daily_cap=2)
    form = the_form(client)
    ask(client, form)
    ask(client, form)

    r = ask(client, form)
    other = ask(client, form, ip="198.51.100.2")

    assert r.status_code == 429 and "come back tomorrow" in r.text
    assert other.status_code == 200
    assert AIRequest.objects.count() == 3


def test_the_portfolios_daily_cap_counts_every_visitor(alice, client):
    portfolio_with_chat(alice, chat_daily_cap=2)
    form = the_form(client)
    for ip in ("198.51.100.1", "198.51.100.2"):
        assert ask(client, form, ip=ip).status_code == 200

    assert ask(client, form, ip="198.51.100.3").status_code == 429
    assert AIRequest.objects.count() == 2


def test_a_conversation_ends_at_its_cap(alice, client):
    portfolio_with_chat(alice, chat_conversation_cap=2)
    first = ask(client, the_form(client))
    second = ask(client, follow_up(first))

    third = ask(client, follow_up(second))

    assert third.status_code == 429 and "come back tomorrow" in third.text
    assert AIRequest.objects.count() == 2
    assert ask(client, the_form(client)).status_code == 200  # a new conversation may start


def test_an_owner_out_of_credits_means_a_polite_message(published, alice, client):
    CreditEntry.objects.top_up(alice)
    CreditEntry.objects.grant(alice, "text", -50, note="Spent")

    r = ask(client, the_form(client))

    assert r.status_code == 200 and "answers aren’t available right now" in r.text
    assert "credits" not in r.text  # the owner's balance is not the visitor's business
    message = Message.objects.get()  # the owner hears what went unanswered
    assert message.body == f"Q: {QUESTION}\n(Not answered: you were out of text credits.)"


def test_the_owner_reads_the_conversation_in_the_inbox(published, alice, client):
    ask(client, the_form(client))
    message = Message.objects.get()

    client.force_login(alice)
    inbox = client.get("/inbox/").text
    detail = client.get(f"/inbox/{message.pk}/").text

    assert "A visitor asked your portfolio" in inbox
    assert QUESTION in detail and "Reply by email" not in detail


def test_the_owner_turns_chat_on_in_settings(alice, client):
    portfolio = Portfolio.objects.create(owner=alice, title="Alice", slug="alice")
    portfolio.publish()
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/settings/",
        {
            "title": "Alice",
            "slug": "alice",
            "visibility": "public",
            "chat_enabled": "on",
            "chat_daily_cap": "12",
            "chat_ip_daily_cap": "3",
            "chat_conversation_cap": "4",
        },
    )

    assert r.status_code == 302
    portfolio.refresh_from_db()
    assert portfolio.chat_open
    assert (portfolio.chat_daily_cap, portfolio.chat_ip_daily_cap) == (12, 3)
    assert f"/ask/{portfolio.pk}/" in Client().get("/p/alice/").text


def test_the_form_keeps_the_public_page_cacheable(published):
    first = Client().get("/p/alice/", REMOTE_ADDR="198.51.100.1")
    second = Client().get("/p/alice/", REMOTE_ADDR="203.0.113.9")

    assert first.content == second.content  # nothing per visitor: one cached copy for all
    assert "public" in first["Cache-Control"] and not first.cookies
    assert "<script>" not in first.text and " style=" not in first.text


def test_the_owner_learns_that_an_admin_turned_chat_off(published, alice, client):
    published.chat_blocked = True
    published.save(update_fields=["chat_blocked"])
    client.force_login(alice)

    r = client.get(f"/portfolios/{published.pk}/settings/")

    assert "An administrator has turned questions off" in r.text


# --- with JavaScript: the answer streams (static/site/ask.js asks for text/event-stream) -----


def events(response) -> list[tuple[str, dict]]:
    body = b"".join(response.streaming_content).decode()
    found = []
    for frame in body.strip().split("\n\n"):
        name = re.search(r"^event: (.+)$", frame, re.M)[1]
        found.append((name, json.loads(re.search(r"^data: (.+)$", frame, re.M)[1])))
    return found


def test_with_javascript_the_answer_streams_then_the_answer_page_follows(published, alice):
    client = Client(enforce_csrf_checks=True)

    r = ask(client, the_form(client), accept="text/event-stream")

    assert r["Content-Type"] == "text/event-stream" and not r.cookies
    assert r["Cache-Control"] == "no-store"
    got = events(r)
    *chunks, (last, done) = got
    assert last == "done" and len(chunks) > 3 and {name for name, _ in chunks} == {"chunk"}
    written = "".join(data["text"] for _, data in chunks)
    assert written.startswith("From the portfolio: I shipped Looking Glass")
    page = done["page"]  # the page the form shows without JavaScript: the answer to keep
    assert written in page and 'name="conversation"' in page
    assert f'href="/p/alice/#b-{block_id(published, "about")}"' in page
    assert Message.objects.get().body.startswith(f"Q: {QUESTION}\nA: {written}")
    assert balance_of(alice) == 49


def test_a_streamed_question_past_the_caps_gets_the_polite_page(alice):
    portfolio_with_chat(alice, chat_ip_daily_cap=1)
    client = Client()
    form = the_form(client)
    events(ask(client, form, accept="text/event-stream"))

    r = ask(client, form, accept="text/event-stream")

    assert r.status_code == 429 and r["Content-Type"].startswith("text/html")
    assert "come back tomorrow" in r.text


def test_a_streamed_question_nothing_answers_is_not_known(published, alice):
    client = Client()

    r = ask(client, the_form(client), "Does she speak Japanese?", accept="text/event-stream")

    ((name, done),) = events(r)
    assert name == "done" and "I don’t know from this portfolio." in done["page"]
    assert balance_of(alice) == 50


def balance_of(user) -> int:
    user.refresh_from_db()
    return user.ai_text_credits
