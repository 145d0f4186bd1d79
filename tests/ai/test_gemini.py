"""The real google-genai SDK against a fake Gemini server: every failure refunds the credits."""

import logging

import pytest

from apps.ai import assistant, calls
from apps.ai.models import AIRequest
from apps.ai.providers import AIError

from .conftest import SECRET_KEY, balance, ledger_sum
from .fakes import Events, Reply, gemini_blocked, gemini_error, gemini_image, gemini_text, png

TEXT = {"text": "i built teh booking app for Hatter's Cafe in 2021"}


def test_a_suggestion_comes_from_gemini_and_is_charged(gemini, alice):
    gemini.reply(Reply(body=gemini_text("I built the booking app for Hatter's Cafe in 2021.")))
    before = balance(alice)

    suggestion = assistant.suggest(alice, "improve", TEXT)

    assert suggestion.text == "I built the booking app for Hatter's Cafe in 2021."
    assert suggestion.unverified_spans == []
    assert suggestion.offline is False
    assert suggestion.credits_left == before - 1 == balance(alice) == ledger_sum(alice)
    request = AIRequest.objects.get()
    assert (request.provider, request.model, request.status) == (
        "gemini",
        "gemini-test",
        "succeeded",
    )
    assert (request.tokens_in, request.tokens_out) == (40, 10)


def test_the_request_carries_the_key_in_a_header_and_the_rules_as_instructions(gemini, alice):
    gemini.reply(Reply(body=gemini_text("Fine.")))

    assistant.suggest(alice, "improve", TEXT)

    seen = gemini.requests[0]
    assert seen.path.endswith("/models/gemini-test:generateContent")
    assert seen.headers["x-goog-api-key"] == SECRET_KEY
    instructions = seen.body["systemInstruction"]["parts"][0]["text"]
    assert "Never invent employers" in instructions
    assert "Hatter's Cafe" not in instructions  # the person's text is data, not instructions
    assert "===== DATA text" in seen.body["contents"][0]["parts"][0]["text"]


def test_invented_facts_in_the_answer_come_back_marked(gemini, alice):
    gemini.reply(
        Reply(body=gemini_text("I built the app for Google in 2019, serving 5000 users."))
    )

    suggestion = assistant.suggest(alice, "improve", TEXT)

    assert [c.text for c in suggestion.unverified_spans] == ["Google", "2019", "5000"]


def test_a_429_is_retried_and_then_succeeds(gemini, alice):
    gemini.reply(
        Reply(429, gemini_error(429, "RESOURCE_EXHAUSTED")), Reply(body=gemini_text("Ok."))
    )

    assert assistant.suggest(alice, "improve", TEXT).text == "Ok."
    assert len(gemini.requests) == 2


@pytest.mark.parametrize(
    ("replies", "kind", "calls"),
    [
        ([Reply(429, gemini_error(429, "RESOURCE_EXHAUSTED"))] * 3, "quota", 3),
        ([Reply(500, gemini_error(500, "INTERNAL"))] * 3, "unavailable", 3),
        ([Reply(503, "<html>Service Unavailable</html>")] * 3, "unavailable", 3),
        (
            [Reply(400, gemini_error(400, "INVALID_ARGUMENT", "API key not valid"))],
            "misconfigured",
            1,
        ),
        ([Reply(200, "{not json")], "malformed", 1),
        ([Reply(200, gemini_blocked())], "safety", 1),
        ([Reply(200, gemini_text("", finish="SAFETY"))], "safety", 1),
        ([Reply(200, {"candidates": []})], "malformed", 1),
    ],
    ids=[
        "quota",
        "server-error",
        "html-error",
        "bad-key",
        "malformed",
        "blocked-prompt",
        "blocked-answer",
        "no-candidates",
    ],
)
def test_failures_are_explained_and_refunded(gemini, alice, replies, kind, calls):
    gemini.reply(*replies)
    before = balance(alice)

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == kind
    assert "Gemini" not in error.value.message and SECRET_KEY not in error.value.message
    assert len(gemini.requests) == calls  # at most two retries, only for transient failures
    assert balance(alice) == before == ledger_sum(alice)
    request = AIRequest.objects.get()
    assert (request.status, request.error, request.credits_charged) == ("failed", kind, 0)


def test_a_slow_answer_times_out_retries_twice_and_refunds(gemini, settings, alice):
    settings.AI_READ_TIMEOUT = 0.3
    gemini.reply(*[Reply(body=gemini_text("late"), delay=1.0)] * 3)
    before = balance(alice)

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == "timeout"
    assert "took too long" in error.value.message
    assert len(gemini.requests) == 3
    assert balance(alice) == before


def test_the_key_never_reaches_logs_or_messages(gemini, alice, caplog):
    caplog.set_level(logging.DEBUG)
    gemini.reply(*[Reply(500, gemini_error(500, "INTERNAL", "boom"))] * 3, Reply(200, "{bad"))

    for _ in range(2):
        with pytest.raises(AIError) as error:
            assistant.suggest(alice, "improve", TEXT)
        assert SECRET_KEY not in str(error.value)

    assert caplog.records  # the failures were logged…
    assert SECRET_KEY not in caplog.text  # …without the key
    assert SECRET_KEY[-12:] not in caplog.text


def test_a_streamed_answer_arrives_in_pieces_and_is_charged(gemini, alice):
    gemini.reply(Events([gemini_text("I built ", None), gemini_text("the app.", "STOP", (30, 6))]))

    parts = list(assistant.stream_suggestion(alice, "improve", TEXT))

    assert parts[:2] == ["I built ", "the app."]
    assert parts[-1].text == "I built the app."
    assert gemini.requests[0].path.endswith(":streamGenerateContent?alt=sse")
    request = AIRequest.objects.get()
    assert (request.status, request.credits_charged, request.tokens_out) == ("succeeded", 1, 6)
    assert balance(alice) == ledger_sum(alice)


@pytest.mark.parametrize(
    "events",
    [
        Events([gemini_text("I built ", None), gemini_text("the", None)] * 3, cut_after=2),
        Events([gemini_text("I built ", None), gemini_text("the", None)]),  # no finish reason
        Events([gemini_text("I built ", None), gemini_text("", "SAFETY")]),
    ],
    ids=["cut-mid-chunk", "ended-unfinished", "blocked-mid-way"],
)
def test_a_stream_that_breaks_mid_way_raises_and_refunds(gemini, alice, events):
    gemini.reply(events)
    before = balance(alice)
    received = []

    with pytest.raises(AIError) as error:
        for part in assistant.stream_suggestion(alice, "improve", TEXT):
            received.append(part)

    assert received[0] == "I built "
    assert error.value.kind in {"interrupted", "safety"}
    assert balance(alice) == before == ledger_sum(alice)
    assert AIRequest.objects.get().status == "failed"


def test_cancelling_a_stream_closes_the_connection_and_charges_what_was_used(gemini, alice):
    gemini.reply(Events([gemini_text(f"word{i} ", None) for i in range(200)], gap=0.02))
    before = balance(alice)

    stream = assistant.stream_suggestion(alice, "improve", TEXT)
    assert next(stream) == "word0 "
    stream.close()

    request = AIRequest.objects.get()
    assert request.status == "cancelled"
    assert request.credits_charged == 1  # text arrived: it cost what it used, at least one
    assert balance(alice) == before - 1 == ledger_sum(alice)
    assert gemini.closed_early.wait(3)  # the server saw the client hang up


def test_structured_tasks_get_json_checked_against_the_schema(gemini, alice):
    gemini.reply(Reply(body=gemini_text('{"skills": [{"name": "Procreate"}]}')))
    alice.projects.create(title="Atlas", technologies=["Procreate"])

    body = assistant.get_provider().generate_json(
        calls.prepare(alice, "skills", {}, structured=True)[1],
        assistant.TASKS["skills"].schema,
    )

    assert body.data == {"skills": [{"name": "Procreate"}]}
    assert gemini.requests[0].body["generationConfig"]["responseMimeType"] == "application/json"


def test_an_image_comes_back_as_an_ai_asset_and_costs_an_image_credit(gemini, alice):
    gemini.reply(Reply(body=gemini_image(png())))
    before = balance(alice, "image")

    asset = assistant.generate_image(alice, "a teapot in the rain", "16:9", "illustration")

    assert (asset.kind, asset.prompt, asset.owner) == ("ai", "a teapot in the rain", alice)
    assert balance(alice, "image") == before - 1 == ledger_sum(alice, "image")
    config = gemini.requests[0].body["generationConfig"]
    assert config["responseModalities"] == ["IMAGE"]
    assert config["imageConfig"]["aspectRatio"] == "16:9"
    assert gemini.requests[0].path.endswith("/models/gemini-test-image:generateContent")


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=gemini_text("no picture, sorry")),
        Reply(body=gemini_image(b"not an image")),
        Reply(200, gemini_blocked()),
    ],
    ids=["no-image-part", "broken-image", "blocked"],
)
def test_a_failed_image_refunds_its_credit(gemini, alice, reply):
    gemini.reply(reply)
    before = balance(alice, "image")

    with pytest.raises(AIError):
        assistant.generate_image(alice, "a teapot", "1:1", "photo")

    assert balance(alice, "image") == before == ledger_sum(alice, "image")
    assert not alice.assets.exists()
