import pytest

from apps.audience.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(alice, published) -> Message:
    return Message.objects.create(
        owner=alice,
        portfolio=published,
        name="Rita <b>Recruiter</b>",
        email="rita@acme.test",
        body="Hello <script>alert(1)</script>\nSecond line",
    )


def test_the_inbox_lists_unread_messages_escaped(client, alice, message):
    client.force_login(alice)

    r = client.get("/inbox/")

    assert r.status_code == 200
    assert "Unread: </span>Rita &lt;b&gt;Recruiter&lt;/b&gt;" in r.text
    assert "<script>alert" not in r.text
    assert "via Alice’s work" in r.text


def test_reading_a_message_marks_it_read_and_offers_a_reply(client, alice, message):
    client.force_login(alice)

    r = client.get(f"/inbox/{message.pk}/")

    assert r.status_code == 200
    assert "Hello &lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert 'href="mailto:rita@acme.test?subject=Re%3A%20your%20message%20on%20' in r.text
    message.refresh_from_db()
    assert message.read_at is not None


@pytest.mark.parametrize(
    "action, field, value",
    [("archive", "folder", "archive"), ("spam", "folder", "spam"), ("unread", "read_at", None)],
)
def test_actions_move_or_mark_it(client, alice, message, action, field, value):
    client.force_login(alice)
    client.get(f"/inbox/{message.pk}/")

    r = client.post(f"/inbox/{message.pk}/{action}/")

    assert r.status_code == 302
    message.refresh_from_db()
    assert getattr(message, field) == value


def test_folders_show_their_messages(client, alice, message):
    message.folder = Message.Folder.SPAM
    message.save()
    client.force_login(alice)

    assert "Rita" not in client.get("/inbox/").text
    assert "Rita" in client.get("/inbox/?folder=spam").text
    assert "Rita" not in client.get("/inbox/?folder=nonsense").text  # the inbox
    r = client.post(f"/inbox/{message.pk}/inbox/")
    assert r["Location"] == "/inbox/?folder=spam"
    assert "Rita" in client.get("/inbox/").text


def test_deleting_removes_it(client, alice, message):
    client.force_login(alice)
    r = client.post(f"/inbox/{message.pk}/delete/", follow=True)
    assert "Message deleted." in r.text
    assert not Message.objects.exists()


def test_an_unknown_action_is_404(client, alice, message):
    client.force_login(alice)
    assert client.post(f"/inbox/{message.pk}/explode/").status_code == 404


def test_other_peoples_messages_are_404(client, bob, message):
    client.force_login(bob)
    assert "Rita" not in client.get("/inbox/").text
    assert client.get(f"/inbox/{message.pk}/").status_code == 404
    assert client.post(f"/inbox/{message.pk}/delete/").status_code == 404
    assert Message.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client, message):
    assert client.get("/inbox/")["Location"].startswith("/accounts/login/")
    assert client.get(f"/inbox/{message.pk}/")["Location"].startswith("/accounts/login/")
    assert client.post(f"/inbox/{message.pk}/delete/")["Location"].startswith("/accounts/")


def test_wrong_methods(client, alice, message):
    client.force_login(alice)
    assert client.get(f"/inbox/{message.pk}/archive/").status_code == 405
    assert client.post("/inbox/").status_code == 405


def test_the_menu_counts_unread_messages(client, alice, message):
    client.force_login(alice)
    assert '<span class="flex-1">Inbox</span><span class="badge">1</span>' in client.get(
        "/dashboard/"
    ).text.replace("\n", "")
