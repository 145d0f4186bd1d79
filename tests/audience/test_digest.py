import io

import pytest
from django.core import mail
from django.core.management import call_command

from apps.audience import counting
from apps.audience.models import DailyCount, EmailOptOut, Notification

pytestmark = pytest.mark.django_db(transaction=True)  # emails leave on commit


def test_creators_seen_this_week_get_a_digest_once(alice, bob, published):
    today = counting.days(1)[0]
    target = counting.target_of(published)
    DailyCount.objects.create(target=target, day=today, metric="view", count=12)
    DailyCount.objects.create(target=target, day=today, metric="visitor", count=5)

    call_command("audience_digest", stdout=io.StringIO())
    call_command("audience_digest", stdout=io.StringIO())  # the same week: no more

    note = Notification.objects.get(kind=Notification.Kind.WEEKLY_DIGEST)
    assert note.recipient == alice  # Bob had no visits
    assert note.message == "Your week: 12 views from 5 visitors"
    assert [m.subject for m in mail.outbox] == ["[Grooya] Your week: 12 views from 5 visitors"]


def test_the_digest_email_can_be_turned_off(alice, published):
    EmailOptOut.objects.create(user=alice, kind=Notification.Kind.WEEKLY_DIGEST)
    target = counting.target_of(published)
    DailyCount.objects.create(target=target, day=counting.days(1)[0], metric="view", count=1)

    call_command("audience_digest", stdout=io.StringIO())

    assert Notification.objects.filter(kind="weekly_digest").count() == 1
    assert mail.outbox == []
