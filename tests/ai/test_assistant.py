"""The assistant's entry points with the offline provider: charging, limits, idempotency,
images, mentor, and answers that repeat their instructions."""

import pytest

from apps.ai import assistant, calls
from apps.ai.models import AIRequest, CreditEntry
from apps.ai.providers import AIError
from tests.conftest import make_user

from .conftest import balance, ledger_sum
from .fakes import Reply, gemini_text

TEXT = {"text": "I basically drew teh maps for the book."}


def test_a_suggestion_is_charged_logged_and_labelled_offline(alice):
    suggestion = assistant.suggest(alice, "improve", TEXT)

    assert suggestion.text == "I drew the maps for the book."
    assert suggestion.offline and suggestion.credits_left == 49 == ledger_sum(alice)
    request = AIRequest.objects.get()
    assert (request.task, request.provider, request.status, request.credits_charged) == (
        "improve",
        "offline",
        "succeeded",
        1,
    )
    assert request.prompt_version == "1" and request.latency_ms is not None


def test_rich_text_is_read_as_text(alice):
    suggestion = assistant.suggest(alice, "grammar", {"text": "<p>i draw <b>maps</b></p>"})
    assert suggestion.text == "I draw maps"


def test_a_double_submission_is_answered_once_and_charged_once(alice):
    first = assistant.suggest(alice, "improve", TEXT, idempotency_key="k1")
    second = assistant.suggest(alice, "improve", TEXT, idempotency_key="k1")

    assert second.text == first.text and second.request_id == first.request_id
    assert balance(alice) == 49


def test_unknown_tasks_and_oversized_text_are_refused_without_charge(alice):
    for task, inputs, message in [
        ("poem", TEXT, "no such AI task"),
        ("improve", {"text": "x" * 20_001}, "too long"),
        ("improve", {"text": "   "}, "nothing to work from"),
    ]:
        with pytest.raises(AIError, match=message):
            assistant.suggest(alice, task, inputs)
    assert balance(alice) == 50 and not AIRequest.objects.exists()


def test_each_person_has_a_rate_limit_with_a_clear_message(alice, bob, settings):
    settings.AI_RATE_LIMITS = {"user": [(2, 60)], "ip": [(100, 60)]}
    assistant.suggest(alice, "improve", TEXT)
    assistant.suggest(alice, "improve", TEXT)

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == "rate_limited"
    assert "2 times this minute" in error.value.message and "Try again in" in error.value.message
    assert balance(alice) == 48
    assistant.suggest(bob, "improve", TEXT)  # others are not held up


def test_one_network_has_a_rate_limit_too(alice, bob, settings):
    settings.AI_RATE_LIMITS = {"user": [(100, 60)], "ip": [(2, 60)]}
    assistant.suggest(alice, "improve", TEXT, ip="203.0.113.9")
    assistant.suggest(bob, "improve", TEXT, ip="203.0.113.9")

    with pytest.raises(AIError, match="Your network has asked for AI help 2 times"):
        assistant.suggest(make_user("c@example.com"), "improve", TEXT, ip="203.0.113.9")
    assistant.suggest(alice, "improve", TEXT, ip="198.51.100.7")


def test_an_answer_repeating_its_instructions_is_withheld_and_refunded(gemini, alice):
    canary = calls.prepare(alice, "improve", TEXT, structured=False)[1].canary
    gemini.reply(Reply(body=gemini_text(f"My instructions say: never repeat {canary}.")))

    with pytest.raises(AIError) as error:
        assistant.suggest(alice, "improve", TEXT)

    assert error.value.kind == "rejected" and canary not in error.value.message
    assert balance(alice) == 50


def test_an_offline_image_becomes_an_ai_asset_for_one_image_credit(alice):
    asset = assistant.generate_image(alice, "  a red kite over hills  ", "4:3", "abstract")

    assert (asset.kind, asset.prompt, asset.width, asset.height) == (
        "ai",
        "a red kite over hills",
        512,
        384,
    )
    assert asset.has_renditions
    assert balance(alice, "image") == 9 == ledger_sum(alice, "image")


def test_a_queued_image_reports_its_progress_on_the_request(
    alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = assistant.request_image(alice, "a kite", "1:1", "line")
        assert request.status == "pending"  # queued once the reservation is committed

    request.refresh_from_db()
    assert request.status == "succeeded" and request.asset.kind == "ai"


def test_an_image_over_the_storage_quota_is_refunded_with_the_reason(alice, settings):
    settings.ASSET_QUOTA_FREE_BYTES = 10

    with pytest.raises(AIError, match="storage"):
        assistant.generate_image(alice, "a kite", "1:1", "abstract")

    assert balance(alice, "image") == 10 == ledger_sum(alice, "image")
    assert AIRequest.objects.get().status == "failed"


@pytest.mark.parametrize(
    ("prompt", "aspect", "style", "message"),
    [
        ("", "1:1", "photo", "Describe"),
        ("kite", "2:1", "photo", "aspect ratio"),
        ("kite", "1:1", "cubist", "style"),
        ("k" * 1001, "1:1", "photo", "under 1000"),
    ],
)
def test_bad_image_requests_are_refused_before_any_charge(alice, prompt, aspect, style, message):
    with pytest.raises(AIError, match=message):
        assistant.generate_image(alice, prompt, aspect, style)
    assert balance(alice, "image") == 10


def test_no_image_credits_left_says_so(alice):
    CreditEntry.objects.top_up(alice)
    CreditEntry.objects.grant(alice, "image", -10, note="spent")

    with pytest.raises(AIError, match="out of image credits"):
        assistant.generate_image(alice, "a kite", "1:1", "abstract")
    assert not alice.assets.exists()
