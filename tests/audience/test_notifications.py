import pytest
from django.conf import settings
from django.core import mail

from apps.audience.models import EmailOptOut, Notification

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


def notify(user, message="Rita opened your link", url="/inbox/", kind=Kind.SHARE_OPENED):
    return Notification.objects.send(user, kind, message, url=url)


def test_the_bell_shows_the_unread_count(client, alice):
    notify(alice)
    notify(alice, "Another")
    client.force_login(alice)

    r = client.get("/dashboard/")

    assert "Notifications, 2 unread" in r.text


def test_the_list_shows_newest_first_and_only_mine(client, alice, bob):
    notify(alice, "First")
    notify(alice, "Second")
    notify(bob, "Bob’s <b>secret</b>")
    client.force_login(alice)

    r = client.get("/notifications/")

    assert r.status_code == 200
    assert r.text.index("Second") < r.text.index("First")
    assert "secret" not in r.text


def test_opening_one_marks_it_read_and_follows_its_link(client, alice):
    note = notify(alice, url="/inbox/")
    client.force_login(alice)

    r = client.post(f"/notifications/{note.pk}/read/", {"open": "1"})

    assert r.status_code == 302 and r["Location"] == "/inbox/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_a_link_elsewhere_is_not_followed(client, alice):
    note = notify(alice, url="https://evil.example/")
    client.force_login(alice)
    r = client.post(f"/notifications/{note.pk}/read/", {"open": "1"})
    assert r["Location"] == "/notifications/"


def test_mark_all_read(client, alice, bob):
    notify(alice)
    notify(alice)
    theirs = notify(bob)
    client.force_login(alice)

    r = client.post("/notifications/read/", follow=True)

    assert "All notifications marked as read." in r.text
    assert not alice.notifications.filter(read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "unread" not in client.get("/dashboard/").text.split("Notifications")[1][:20]


def test_other_peoples_notifications_are_404(client, alice, bob):
    note = notify(bob)
    client.force_login(alice)
    assert client.post(f"/notifications/{note.pk}/read/").status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_anonymous_people_are_sent_to_sign_in(client, db):
    for url in ("/notifications/", "/settings/notifications/"):
        assert client.get(url)["Location"].startswith("/accounts/login/")
    assert client.post("/notifications/read/")["Location"].startswith("/accounts/login/")


def test_read_takes_only_post(client, alice):
    client.force_login(alice)
    assert client.get("/notifications/read/").status_code == 405


def test_emails_follow_the_preferences(client, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    page = client.get("/settings/notifications/")
    assert page.status_code == 200 and 'href="/settings/notifications/"' in page.text
    assert "Image generation finished" in page.text and "Credits running low" in page.text
    wanted = {kind: "on" for kind in Kind.values if kind != Kind.SHARE_OPENED}

    r = client.post("/settings/notifications/", wanted, follow=True)

    assert "Email preferences saved." in r.text
    assert list(EmailOptOut.objects.values_list("kind", flat=True)) == [Kind.SHARE_OPENED]
    with django_capture_on_commit_callbacks(execute=True):
        notify(alice, kind=Kind.SHARE_OPENED)
        notify(alice, "New message from Rita", kind=Kind.NEW_MESSAGE)
    assert [m.subject for m in mail.outbox] == ["[Grooya] New message from Rita"]
    assert f"{settings.SITE_URL}/settings/notifications/" in mail.outbox[0].body
    assert alice.notifications.count() == 2  # both still in the app
