"""The official `openai` SDK, pointed at the live test server, as people's tools use it."""

import base64
import io
import json
import urllib.request

import openai
import pytest
from PIL import Image

from apps.ai.models import AIRequest, CreditEntry, this_month
from apps.api.models import ApiKey


@pytest.fixture
def sdk(live_server, alice):
    _, raw = ApiKey.objects.issue(alice, "SDK", ["ai"])
    # Closed at the end, so the server's keep-alive thread lets go of its database connection.
    with openai.OpenAI(base_url=f"{live_server.url}/v1", api_key=raw, max_retries=0) as client:
        yield client


def test_it_lists_the_models(sdk):
    ids = [m.id for m in sdk.models.list()]

    assert "grooya-improve" in ids and "grooya-image" in ids
    assert "grooya-tailor" not in ids


def test_it_completes_and_reports_usage(sdk, alice):
    completion = sdk.chat.completions.create(
        model="grooya-grammar",
        messages=[
            {"role": "system", "content": "A portfolio intro."},
            {"role": "user", "content": "i built teh app ."},
        ],
    )

    choice = completion.choices[0]
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason == "stop"
    assert (
        completion.usage.total_tokens
        == (completion.usage.prompt_tokens + completion.usage.completion_tokens)
        > 0
    )
    request = AIRequest.objects.get()
    assert (request.task, request.status, request.user) == ("grammar", "succeeded", alice)


def test_it_streams_chunks_ending_with_usage(sdk):
    stream = sdk.chat.completions.create(
        model="grooya-improve",
        messages=[{"role": "user", "content": "This sentence could be a bit tighter, really."}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)

    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.strip() == AIRequest.objects.get().output.strip()
    assert chunks[0].choices[0].delta.role == "assistant"
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == [] and chunks[-1].usage.total_tokens > 0
    assert len({c.id for c in chunks}) == 1


def test_the_stream_is_framed_exactly_like_openai(live_server, alice):
    _, raw = ApiKey.objects.issue(alice, "raw", ["ai"])
    body = {"model": "grooya-improve", "stream": True,
            "messages": [{"role": "user", "content": "Short text to improve."}]}  # fmt: skip
    request = urllib.request.Request(
        f"{live_server.url}/v1/chat/completions",
        json.dumps(body).encode(),
        {"Authorization": f"Bearer {raw}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request) as r:  # noqa: S310 - the live test server
        assert r.headers["Content-Type"].startswith("text/event-stream")
        frames = r.read().decode().split("\n\n")
    assert frames[-2:] == ["data: [DONE]", ""]
    assert all(f.startswith("data: {") for f in frames[:-2])


@pytest.mark.parametrize("response_format", ["b64_json", "url"])
def test_it_generates_an_image(sdk, alice, response_format, live_server):
    result = sdk.images.generate(
        model="grooya-image", prompt="Mountains at dawn", size="1792x1024",
        response_format=response_format,
    )  # fmt: skip

    item = result.data[0]
    if response_format == "b64_json":
        image = Image.open(io.BytesIO(base64.b64decode(item.b64_json)))
        assert image.width / image.height == 16 / 9
    else:
        assert item.url.startswith(live_server.url)
    assert alice.assets.filter(kind="ai").count() == 1


def test_a_wrong_key_is_an_authentication_error(live_server, db):
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key="gry_x", max_retries=0)

    with client, pytest.raises(openai.AuthenticationError) as caught:
        client.models.list()

    assert caught.value.status_code == 401
    assert caught.value.body["code"] == "invalid_api_key"


def test_no_credits_is_402(sdk, alice):
    CreditEntry.objects.top_up(alice, this_month())
    alice.refresh_from_db()
    CreditEntry.objects.grant(alice, "text", -alice.ai_text_credits, note="none left")

    with pytest.raises(openai.APIStatusError) as caught:
        sdk.chat.completions.create(
            model="grooya-improve", messages=[{"role": "user", "content": "Some words here."}]
        )

    assert caught.value.status_code == 402
    assert caught.value.body["code"] == "insufficient_credits"


def test_too_many_requests_is_a_rate_limit_error_with_retry_after(sdk, settings):
    settings.AI_RATE_LIMITS = {"user": [(1, 60)], "ip": [(100, 60)]}
    messages = [{"role": "user", "content": "Some words here."}]
    sdk.chat.completions.create(model="grooya-improve", messages=messages)

    with pytest.raises(openai.RateLimitError) as caught:
        sdk.chat.completions.create(model="grooya-improve", messages=messages)

    assert 0 < int(caught.value.response.headers["Retry-After"]) <= 61
    assert caught.value.body["code"] == "rate_limit_exceeded"


def test_an_unknown_model_is_not_found(sdk):
    with pytest.raises(openai.NotFoundError) as caught:
        sdk.chat.completions.create(model="gpt-5", messages=[{"role": "user", "content": "x"}])

    assert caught.value.body["param"] == "model"


def test_a_key_without_the_ai_scope_is_refused(live_server, alice):
    _, raw = ApiKey.objects.issue(alice, "assets only", ["assets:read"])
    client = openai.OpenAI(base_url=f"{live_server.url}/v1", api_key=raw, max_retries=0)

    with client, pytest.raises(openai.PermissionDeniedError) as caught:
        client.models.list()

    assert caught.value.body["code"] == "insufficient_scope"


def test_a_retried_completion_with_an_idempotency_key_is_charged_once(sdk, alice):
    messages = [{"role": "user", "content": "Some words here."}]
    key = {"Idempotency-Key": "retry-1"}

    first = sdk.chat.completions.create(
        model="grooya-improve", messages=messages, extra_headers=key
    )
    second = sdk.chat.completions.create(
        model="grooya-improve", messages=messages, extra_headers=key
    )
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        sdk.chat.completions.create(model="grooya-shorten", messages=messages, extra_headers=key)

    assert first.id == second.id and first.choices[0].message.content
    assert CreditEntry.objects.filter(user=alice, reason="reserve").count() == 1
    assert caught.value.body["code"] == "idempotency_key_reused"
