import json
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from apps.ai.models import AIRequest, CreditEntry
from apps.api.models import IdempotentRequest

from .support import assert_problem

TEXT = "/api/v1/ai/generate-text"
IMAGE = "/api/v1/ai/generate-image"
BODY = {"task": "improve", "payload": {"text": "A tidy sentence here."}}


def post(client, body, key="k-1", url=TEXT):
    return client.post(
        url, json.dumps(body), content_type="application/json", headers={"Idempotency-Key": key}
    )


def charges(user) -> int:
    return CreditEntry.objects.filter(user=user, reason="reserve").count()


def test_the_same_key_and_body_answer_the_same_without_a_second_charge(client, alice):
    client.force_login(alice)

    first, second = post(client, BODY), post(client, BODY)

    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert charges(alice) == 1 and AIRequest.objects.count() == 1


def test_the_same_key_with_another_body_is_422(client, alice):
    client.force_login(alice)
    post(client, BODY)

    r = post(client, {**BODY, "payload": {"text": "Something else."}})

    assert_problem(r, 422, "idempotency_key_reused")
    assert charges(alice) == 1


def test_an_image_is_made_once(client, alice):
    client.force_login(alice)

    first = post(client, {"prompt": "Sea"}, url=IMAGE)
    second = post(client, {"prompt": "Sea"}, url=IMAGE)

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert first["Location"] == second["Location"]
    assert charges(alice) == 1


def test_keys_expire_after_a_day(client, alice):
    client.force_login(alice)
    post(client, BODY)
    IdempotentRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))

    r = post(client, BODY)

    assert r.status_code == 200 and "Idempotent-Replayed" not in r
    assert charges(alice) == 2


def test_expired_records_of_everyone_are_swept_now_and_then(client, alice, bob):
    IdempotentRequest.objects.create(user=bob, key="old", fingerprint="x", status_code=200)
    IdempotentRequest.objects.update(created_at=timezone.now() - timedelta(hours=25))
    client.force_login(alice)

    post(client, BODY)

    assert list(IdempotentRequest.objects.values_list("key", flat=True)) == ["k-1"]
    assert cache.get("api:idempotency-sweep")


def test_failures_are_not_kept_so_the_key_can_try_again(client, alice):
    client.force_login(alice)

    assert post(client, {"task": "nope", "payload": {"text": "x"}}).status_code == 400
    assert not IdempotentRequest.objects.exists()
    assert post(client, {"task": "nope", "payload": {"text": "x"}}).status_code == 400


def test_a_streamed_answer_replays_its_text_at_no_charge(client, alice):
    client.force_login(alice)
    body = {**BODY, "stream": True}

    first = b"".join(post(client, body).streaming_content).decode()
    second = b"".join(post(client, body).streaming_content).decode()

    done = first[first.index("event: done") :]
    assert done and second.endswith(done)
    assert charges(alice) == 1


@pytest.mark.parametrize("key", ["", "x" * 81])
def test_bad_keys_are_explained(client, alice, key):
    client.force_login(alice)

    assert_problem(post(client, BODY, key=key), 400, "invalid_idempotency_key")
