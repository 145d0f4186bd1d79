import json

import pytest

from apps.ai.models import AIRequest
from apps.assets.models import Asset

from .conftest import bearer
from .support import assert_problem

TASKS = "/api/v1/ai/tasks"
TEXT = "/api/v1/ai/generate-text"
IMAGE = "/api/v1/ai/generate-image"


def post(client, url, body, **headers):
    return client.post(url, json.dumps(body), content_type="application/json", headers=headers)


def sse(response) -> list[tuple[str, dict]]:
    text = b"".join(response.streaming_content).decode()
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((lines["event"], json.loads(lines["data"])))
    return events


def test_tasks_list_what_each_costs_and_the_models(client, alice, make_key):
    body = client.get(TASKS, headers=bearer(make_key(alice, scopes=["ai"]))).json()

    by_name = {t["name"]: t for t in body["tasks"]}
    assert by_name["improve"]["credits"] == 1 and by_name["cover_letter"]["credits"] == 2
    assert "tailor" not in by_name  # structured tasks have their own screens
    assert body["models"] == {"provider": "offline", "text": "offline-writer",
                              "image": "offline-shapes"}  # fmt: skip
    assert body["imageCredits"] == 1 and "16:9" in body["aspects"]


def test_generate_text_writes_and_charges_a_credit(client, alice, make_key):
    raw = make_key(alice, scopes=["ai"])

    r = post(client, TEXT, {"task": "grammar", "payload": {"text": "i built teh app ."}},
             **bearer(raw))  # fmt: skip

    assert r.status_code == 200, r.content
    body = r.json()
    assert body["text"] and body["offline"] is True and body["requestId"]
    request = AIRequest.objects.get()
    assert (request.task, request.status, request.credits_charged) == ("grammar", "succeeded", 1)
    assert body["creditsLeft"] == 49


def test_generate_text_takes_camel_case_payload_keys(client, alice):
    client.force_login(alice)
    payload = {"resume": {"basics": {"name": "Alice"}}, "jobDescription": "Illustrator at Acme"}

    r = post(client, TEXT, {"task": "cover_letter", "payload": payload})

    assert r.status_code == 200, r.content
    assert AIRequest.objects.get().task == "cover_letter"


def test_generate_text_streams_server_sent_events(client, alice):
    client.force_login(alice)

    r = post(client, TEXT, {"task": "improve", "payload": {"text": "A tidy sentence here."},
                            "stream": True})  # fmt: skip

    assert r["Content-Type"] == "text/event-stream"
    events = sse(r)
    assert {name for name, _ in events[:-1]} == {"chunk"}
    name, done = events[-1]
    assert name == "done"
    assert "".join(e["text"] for _, e in events[:-1]).strip() == done["text"]
    assert AIRequest.objects.get().status == "succeeded"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"task": "nope", "payload": {"text": "x"}}, 400, "invalid_input"),
        ({"task": "improve", "payload": {}}, 400, "invalid_input"),
        ({"task": "improve", "payload": "text"}, 400, "not_a_dict"),
        ({"payload": {"text": "x"}}, 400, "required"),
        ({"task": "improve", "payload": {"text": "x"}, "extra": 1}, 400, "unknown_field"),
    ],
)
def test_generate_text_explains_bad_input_and_charges_nothing(client, alice, body, status, code):
    client.force_login(alice)

    assert_problem(post(client, TEXT, body), status, code)
    assert not AIRequest.objects.filter(status="succeeded").exists()


def test_out_of_credits_is_402(client, alice):
    alice.ai_text_credits = 0
    alice.save()
    AIRequest.objects.all().delete()
    from apps.ai.models import CreditEntry, this_month

    CreditEntry.objects.create(user=alice, kind="text", delta=0, balance_after=0,
                               reason="monthly", period=this_month())  # fmt: skip
    client.force_login(alice)

    r = post(client, TEXT, {"task": "improve", "payload": {"text": "Some words."}})

    assert_problem(r, 402, "out_of_credits")


def test_the_ai_rate_limit_is_429_with_retry_after(client, alice, settings):
    settings.AI_RATE_LIMITS = {"user": [(1, 60)], "ip": [(100, 60)]}
    client.force_login(alice)
    body = {"task": "improve", "payload": {"text": "Some words."}}
    post(client, TEXT, body)

    r = post(client, TEXT, body)

    assert_problem(r, 429, "rate_limited")
    assert 0 < int(r["Retry-After"]) <= 61


def test_a_key_without_the_ai_scope_is_refused(client, alice, make_key):
    raw = make_key(alice, scopes=["assets:read"])

    r = post(client, TEXT, {"task": "improve", "payload": {"text": "x"}}, **bearer(raw))

    assert_problem(r, 403, "insufficient_scope")


def test_generate_image_makes_an_asset(client, alice, make_key):
    raw = make_key(alice, scopes=["ai"])

    r = post(client, IMAGE, {"prompt": "Mountains at dawn", "aspect": "16:9"}, **bearer(raw))

    assert r.status_code == 201, r.content
    asset = Asset.objects.get(owner=alice)
    assert r.json()["id"] == str(asset.pk) and r.json()["kind"] == "ai"
    assert r["Location"].endswith(f"/api/v1/assets/{asset.pk}")
    assert asset.width / asset.height == 16 / 9
    alice.refresh_from_db()
    assert alice.ai_image_credits == 9


def test_generate_image_refuses_an_unknown_aspect(client, alice):
    client.force_login(alice)

    assert_problem(post(client, IMAGE, {"prompt": "x", "aspect": "2:1"}), 400, "invalid_choice")
