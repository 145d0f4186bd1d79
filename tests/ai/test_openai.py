"""The real openai SDK against a fake OpenAI-compatible server (as Ollama, vLLM or OpenAI
would answer): every failure refunds the credits."""

import logging

import pytest

from apps.ai import assistant, calls
from apps.ai.models import AIRequest
from apps.ai.providers import AIError

from .conftest import SECRET_KEY, balance, ledger_sum
from .fakes import Events, Reply, chat, chat_chunk, openai_error, openai_image, png

TEXT = {"text": "i built teh booking app for Hatter's Cafe in 2021"}


def test_a_suggestion_comes_from_the_chat_completions_server(openai_server, alice):
    openai_server.reply(Reply(body=chat("I built the booking app for Hatter's Cafe in 2021.")))
    before = balance(alice)

    suggestion = assistant.suggest(alice, "improve", TEXT)

    assert suggestion.text == "I built the booking app for Hatter's Cafe in 2021."
    assert suggestion.credits_left == before - 1 == ledger_sum(alice)
    seen = openai_server.requests[0]
    assert seen.path == "/v1/chat/completions"
    assert seen.headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert seen.body["model"] == "test-model"
    system, user = seen.body["messages"]
    assert system["role"] == "system" and "Never invent employers" in system["content"]
    assert "Hatter's Cafe" in user["content"] and "Hatter's Cafe" not in system["content"]
    request = AIRequest.objects.get()
    assert (request.provider, request.tokens_in, request.tokens_out) == ("openai", 40, 10)


def test_a_local_server_without_a_key_works_too(openai_server, settings, alice):
    settings.OPENAI_API_KEY = ""
    openai_server.reply(Reply(body=chat("Fine.")))

    assert assistant.suggest(alice, "improve", TEXT).text == "Fine."


def test_a_500_is_retried_and_then_succeeds(openai_server, alice):
    openai_server.reply(Reply(500, openai_error("oops")), Reply(body=chat("Ok.")))

    assert assistant.suggest(alice, "improve", TEXT).text == "Ok."
    assert len(openai_server.requests) == 2


@pytest.mark.parametrize(
    ("replies", "kind", "calls"),
    [
        ([Reply(429, openai_error("slow down", "rate_limit_exceeded"))] * 3, "quota", 3),
        ([Reply(502, "<html>Bad gateway</html>")] * 3, "unavailable", 3),
        (
            [Reply(401, openai_error("Incorrect API key", "invalid_request_error"))],
            "misconfigured",
            1,
        ),
        (
            [Reply(404, openai_error("model not found", "invalid_request_error"))],
            "misconfigured",
            1,
        ),
        ([Reply(200, "{not json")], "malformed", 1),
        ([Reply(200, chat("", finish="content_filter"))], "safety", 1),
        ([Reply(200, {"id": "x", "choices": []})], "malformed", 1),
    ],
    ids=["quota", "bad-gateway", "bad-key", "no-model", "malformed", "filtered", "no-choices"],
)
def test_failures_are_explained_and_refunded(openai_server, alice, replies, kind, calls):
    openai_server.reply(*replies)
    before = balance(alice)

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == kind
    assert SECRET_KEY not in error.value.message
    assert len(openai_server.requests) == calls
    assert balance(alice) == before == ledger_sum(alice)
    assert AIRequest.objects.get().status == "failed"


def test_a_slow_server_times_out_and_refunds(openai_server, settings, alice):
    settings.AI_READ_TIMEOUT = 0.3
    openai_server.reply(*[Reply(body=chat("late"), delay=1.0)] * 3)
    before = balance(alice)

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == "timeout"
    assert len(openai_server.requests) == 3
    assert balance(alice) == before


def test_the_key_never_reaches_logs(openai_server, alice, caplog):
    caplog.set_level(logging.DEBUG)
    openai_server.reply(*[Reply(500, openai_error("boom"))] * 3)

    with pytest.raises(AIError):
        assistant.suggest(alice, "improve", TEXT)

    assert caplog.records
    assert SECRET_KEY not in caplog.text


def test_a_streamed_answer_arrives_in_pieces(openai_server, alice):
    openai_server.reply(
        Events(
            [
                chat_chunk("I built "),
                chat_chunk("the app."),
                chat_chunk(finish="stop"),
                chat_chunk(usage=(30, 6)),
            ],
            done=True,
        )
    )

    parts = list(assistant.stream_suggestion(alice, "improve", TEXT))

    assert [p for p in parts if isinstance(p, str) and p] == ["I built ", "the app."]
    assert parts[-1].text == "I built the app."
    assert openai_server.requests[0].body["stream"] is True
    request = AIRequest.objects.get()
    assert (request.status, request.tokens_in, request.tokens_out) == ("succeeded", 30, 6)


@pytest.mark.parametrize(
    "events",
    [
        Events([chat_chunk("I built "), chat_chunk("the")] * 3, cut_after=2),
        Events([chat_chunk("I built "), chat_chunk("the")], done=True),  # never finished
        Events([chat_chunk("I built "), chat_chunk(finish="content_filter")], done=True),
    ],
    ids=["cut-mid-chunk", "ended-unfinished", "filtered-mid-way"],
)
def test_a_stream_that_breaks_mid_way_raises_and_refunds(openai_server, alice, events):
    openai_server.reply(events)
    before = balance(alice)

    with pytest.raises(AIError) as error:
        list(assistant.stream_suggestion(alice, "improve", TEXT))

    assert error.value.kind in {"interrupted", "safety"}
    assert balance(alice) == before == ledger_sum(alice)


def test_cancelling_a_stream_before_any_text_refunds_everything(openai_server, alice):
    openai_server.reply(
        Events([chat_chunk("")] + [chat_chunk(f"w{i} ") for i in range(100)], gap=0.05, done=True)
    )
    before = balance(alice)

    stream = assistant.stream_suggestion(alice, "improve", TEXT)
    stream.close()  # the person pressed cancel before anything arrived

    assert balance(alice) == before == ledger_sum(alice)
    request = AIRequest.objects.get()
    assert (request.status, request.credits_charged) == ("cancelled", 0)


def test_structured_answers_use_a_json_schema(openai_server, alice):
    alice.projects.create(title="Atlas", technologies=["Procreate"])
    openai_server.reply(Reply(body=chat('{"skills": [{"name": "Procreate", "reason": "Atlas"}]}')))

    prompt = calls.prepare(alice, "skills", {}, structured=True)[1]
    result = assistant.get_provider().generate_json(prompt, prompt.schema)

    assert result.data["skills"][0]["name"] == "Procreate"
    assert openai_server.requests[0].body["response_format"]["type"] == "json_schema"


def test_json_that_does_not_fit_the_schema_is_refused(openai_server, alice):
    openai_server.reply(Reply(body=chat('{"skills": "Procreate"}')))
    prompt = calls.prepare(alice, "skills", {"skills": ["Ink"]}, structured=True)[1]

    with pytest.raises(AIError) as error:
        assistant.get_provider().generate_json(prompt, prompt.schema)

    assert error.value.kind == "malformed"


def test_an_image_is_stored_as_an_ai_asset(openai_server, alice):
    openai_server.reply(Reply(body=openai_image(png())))

    asset = assistant.generate_image(alice, "a lighthouse", "3:4", "photo")

    assert (asset.kind, asset.prompt) == ("ai", "a lighthouse")
    seen = openai_server.requests[0]
    assert seen.path == "/v1/images/generations"
    assert (seen.body["model"], seen.body["size"]) == ("test-image-model", "1024x1536")


def test_a_server_that_cannot_draw_refunds_the_image_credit(openai_server, alice):
    openai_server.reply(Reply(404, openai_error("not found", "invalid_request_error")))
    before = balance(alice, "image")

    with pytest.raises(AIError):
        assistant.generate_image(alice, "a lighthouse", "1:1", "photo")

    assert balance(alice, "image") == before == ledger_sum(alice, "image")
