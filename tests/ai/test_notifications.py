"""What the AI tells people outside the page they are on: credits running low (once a month,
however many requests finish together) and a background image that is ready."""

import pytest

from apps.ai import assistant
from apps.ai.models import AIRequest
from apps.audience.models import Notification

from .conftest import balance

TEXT = {"text": "i drew teh maps"}


def lows(user):
    return list(
        Notification.objects.filter(
            recipient=user, kind=Notification.Kind.CREDITS_LOW
        ).values_list("message", flat=True)
    )


def test_a_charge_that_leaves_few_credits_warns_once(
    alice, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.AI_LOW_CREDITS = {"text": 48, "image": 2}
    assistant.suggest(alice, "grammar", TEXT)  # 49 left: still enough
    assert lows(alice) == []

    with django_capture_on_commit_callbacks(execute=True):
        assistant.suggest(alice, "grammar", TEXT)  # 48
        assistant.suggest(alice, "grammar", TEXT)  # 47
        assistant.suggest(alice, "grammar", TEXT)  # 46

    assert balance(alice) == 46
    assert lows(alice) == ["You have 47 text credits left this month."]
    assert len(mailoutbox) == 1 and "47 text credits" in mailoutbox[0].body


def test_a_failed_request_warns_nobody(alice, settings):
    settings.AI_LOW_CREDITS = {"text": 60, "image": 2}
    with pytest.raises(assistant.AIError):
        assistant.suggest(alice, "grammar", {"text": " "})
    assert lows(alice) == []


def test_a_background_image_says_when_it_is_ready(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the queue takes it after commit
        request = assistant.request_image(alice, "rivers at dusk", "16:9", "abstract")

    request.refresh_from_db()
    assert request.status == AIRequest.Status.SUCCEEDED and request.asset_id
    note = Notification.objects.get(recipient=alice, kind=Notification.Kind.IMAGE_READY)
    assert note.url == f"/assets/{request.asset_id}/"
