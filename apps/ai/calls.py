"""The steps every AI call takes, whatever the task: check and build the prompt (`prepare`),
reserve the task's most credits under the rate limits (`reserve`), call the provider and settle
the real cost or refund everything on any failure (`run`, `run_structured`, `run_streamed`).
The tasks themselves are in assistant.py (the editors' entry point) and answers.py (answers
from a published portfolio)."""

import json
import logging
import math
import time
from collections.abc import Mapping
from dataclasses import replace

from django.conf import settings
from django.db import transaction

from . import limits
from .facts import person_facts, plain
from .models import BALANCE_FIELDS, AIRequest, PromptOverride
from .prompts import TASKS, PromptError, Task, build_prompt
from .providers import AIError, Prompt
from .providers.base import Result, parse_json

logger = logging.getLogger("apps.ai")

MAX_INPUT = 20_000  # characters of any one text given to a task
MAX_OUTPUT = 20_000


def prepare(user, name: str, inputs: Mapping, *, structured: bool) -> tuple[Task, Prompt, str]:
    definition = TASKS.get(name)
    if definition is None or definition.structured != structured:
        raise AIError("invalid_input", "There is no such AI task.")
    given = {}
    for key, value in inputs.items():
        if isinstance(value, str):
            if len(value) > MAX_INPUT:
                raise AIError(
                    "invalid_input",
                    f"That text is too long for AI help (at most {MAX_INPUT:,} characters).",
                )
            value = plain(value) if "<" in value and key in ("text", "notes") else value.strip()
        if value not in (None, "", [], {}):
            given[key] = value
    data = {**person_facts(user, definition.facts), **given}  # what the person typed wins
    template, version = PromptOverride.template_for(name)
    try:
        return definition, build_prompt(definition, data, template), version
    except PromptError as exc:
        raise AIError("invalid_input", str(exc)) from None


def reserve(
    user, definition: Task, provider, version: str, ip, key: str, *, limited: bool = True
) -> AIRequest:
    if limited:
        limits.check(user.pk, ip)
    _sweep_now_and_then()
    return AIRequest.reserve(
        user,
        task=definition.name,
        kind="text",
        credits=definition.credits,
        provider=provider.name,
        model=provider.model,
        prompt_version=version,
        idempotency_key=key,
    )


def reserve_image(user, provider, ip, key: str) -> AIRequest:
    """One image credit, under the same limits as text."""
    limits.check(user.pk, ip)
    _sweep_now_and_then()
    return AIRequest.reserve(
        user,
        task="image",
        kind="image",
        credits=1,
        provider=provider.name,
        model=provider.image_model,
        idempotency_key=key,
    )


def _sweep_now_and_then() -> None:
    """Refund dead reservations every few minutes, so none outlives its expiry for long even
    without cron (manage.py ai_housekeeping does the same on a schedule)."""
    from django.core.cache import cache

    from .tasks import expire_reservations

    if cache.add("ai:sweep", 1, timeout=300):
        transaction.on_commit(expire_reservations.enqueue)


def run(request: AIRequest, call, definition: Task, prompt: Prompt) -> Result:
    started = time.monotonic()
    try:
        result = call()
        _check_leak(result.text, prompt)
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **outcome(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **outcome(None, started))
        raise
    request.settle(_cost(result, definition), **outcome(result, started))
    return result


def run_structured(request, provider, definition: Task, prompt: Prompt) -> Result:
    if request.finished:  # a repeated submission: read its stored answer
        return Result(request.output, 0, 0, request.model, data=json.loads(request.output))
    return run(
        request, lambda: provider.generate_json(prompt, definition.schema), definition, prompt
    )


def _check_leak(text: str, prompt: Prompt) -> None:
    if prompt.canary and prompt.canary in text:
        logger.warning("An answer to %s repeated its instructions; withheld", prompt.task)
        raise AIError(
            "rejected",
            "The answer was withheld because it repeated the assistant's "
            "own instructions. Try again.",
        )


def _cost(result: Result | None, definition: Task) -> int:
    """Credits for the tokens used: at least 1, at most the task's reservation."""
    if result is None:
        return 0
    tokens = result.tokens_in + result.tokens_out
    return max(1, min(definition.credits, math.ceil(tokens / settings.AI_TOKENS_PER_CREDIT)))


def outcome(result: Result | None, started: float) -> dict:
    """What a finished request records: its latency, and the tokens and text of a result."""
    done = {"latency_ms": int((time.monotonic() - started) * 1000)}
    if result is not None:
        done |= {
            "tokens_in": result.tokens_in,
            "tokens_out": result.tokens_out,
            "output": result.text[:MAX_OUTPUT],
        }
        if result.model:
            done["model"] = result.model[:100]
    return done


def run_streamed(request, provider, definition: Task, prompt: Prompt, finish):
    """The provider's chunks as they come, then `finish(result)` (the Result's `data` parsed
    when the task is structured). Started before it returns: closing it now, even before the
    first chunk, cancels and refunds."""
    stream = _streaming(request, provider, definition, prompt, finish)
    next(stream)
    return stream


def _streaming(request, provider, definition: Task, prompt: Prompt, finish):
    started = time.monotonic()
    stream = None
    try:
        yield None
        stream = provider.stream(prompt, definition.schema if definition.structured else None)
        for chunk in stream:
            _check_leak(stream.text, prompt)
            yield chunk
        result = stream.result
        if not result.text.strip():
            raise AIError("malformed", "The AI service sent an empty answer. Try again.")
        if definition.structured:
            data = parse_json(result.text, definition.schema, provider=provider.name)
            result = replace(result, data=data)
    except GeneratorExit:
        if stream is not None:
            stream.cancel()
        used = stream.result if stream is not None and stream.text else None
        request.settle(
            _cost(used, definition) if used else 0,
            AIRequest.Status.CANCELLED,
            error="cancelled",
            **outcome(used, started),
        )
        raise
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **outcome(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **outcome(None, started))
        raise
    request.settle(_cost(result, definition), **outcome(result, started))
    yield finish(result)


def is_offline(request: AIRequest) -> bool:
    return request.provider == "offline"


def balance(user, kind: str) -> int:
    from apps.accounts.models import User

    field_name = BALANCE_FIELDS[kind]
    value = User.objects.values_list(field_name, flat=True).get(pk=user.pk)
    setattr(user, field_name, value)
    return value
