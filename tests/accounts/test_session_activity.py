"""The Sessions page's "last seen": recorded at most once a minute, a new client at once."""

from allauth.usersessions.models import UserSession
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import PASSWORD


def sign_in(client, alice):
    client.post("/accounts/login/", {"login": alice.email, "password": PASSWORD})
    return UserSession.objects.get(user=alice)


def session_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/dashboard/").status_code == 200
    return [q["sql"] for q in captured if "usersessions" in q["sql"]]


def test_activity_is_recorded_at_most_once_a_minute(client, alice):
    session = sign_in(client, alice)

    assert session_queries(client) != []  # the first request after signing in is recorded
    seen = UserSession.objects.get(pk=session.pk).last_seen_at
    assert [session_queries(client) for _ in range(3)] == [[], [], []]

    cache.clear()  # a minute later: the mark, kept for TRACK_EVERY seconds, is gone

    assert session_queries(client) != []
    assert UserSession.objects.get(pk=session.pk).last_seen_at > seen


def test_a_new_address_or_browser_is_recorded_at_once(client, alice):
    session = sign_in(client, alice)
    session_queries(client)

    client.get("/dashboard/", REMOTE_ADDR="203.0.113.9")
    assert UserSession.objects.get(pk=session.pk).ip == "203.0.113.9"

    client.get("/dashboard/", REMOTE_ADDR="203.0.113.9", headers={"User-Agent": "Phone"})
    assert UserSession.objects.get(pk=session.pk).user_agent == "Phone"
