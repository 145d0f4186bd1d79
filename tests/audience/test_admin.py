import pytest
from django.utils import timezone

from apps.audience.models import DailyCount, Message, Notification, ShareLink
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    admin = make_user("admin@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_every_audience_list_opens(admin_client, alice, published):
    ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    Message.objects.create(owner=alice, name="Rita", email="r@a.test", body="Hi")
    Notification.objects.create(recipient=alice, kind="new_message", message="New message")
    DailyCount.objects.create(
        target="p:" + published.pk.hex, day=timezone.localdate(), metric="view", count=41
    )
    DailyCount.objects.create(
        target="p:" + published.pk.hex, day=timezone.localdate(), metric="visitor", count=1
    )
    models = ("sharelink", "message", "notification", "emailoptout", "dailycount")
    for model in (*models, "recruiterlist", "saveoptout"):
        assert admin_client.get(f"/admin/audience/{model}/").status_code == 200
    totals = admin_client.get("/admin/audience/dailycount/?metric=view")
    assert "Daily counts — total 41" in totals.text


def test_an_admin_can_mark_spam_and_revoke(admin_client, alice, published):
    message = Message.objects.create(owner=alice, name="Rita", email="r@a.test", body="Buy")
    link = ShareLink.objects.create(owner=alice, portfolio=published, recipient="Rita")
    admin_client.post(
        "/admin/audience/message/", {"action": "mark_spam", "_selected_action": [message.pk]}
    )
    admin_client.post(
        "/admin/audience/sharelink/", {"action": "revoke", "_selected_action": [link.pk]}
    )
    message.refresh_from_db()
    link.refresh_from_db()
    assert message.folder == "spam" and link.revoked_at is not None
    assert admin_client.get("/admin/audience/message/?folder__exact=spam").status_code == 200
