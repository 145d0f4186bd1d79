"""The one entry point the editors call for AI help.

Each function checks the input and the rate limits, reserves the task's most credits, calls the
configured provider, settles the real cost (or refunds everything on any failure), and returns
the answer with what in it the person's data does not back up. Errors are AIError: show
`error.message` to the person as it is.

    suggestion = assistant.suggest(request.user, "improve", {"text": text}, ip=ip)
    for part in assistant.stream_suggestion(user, "about", {}, ip=ip):
        ...  # str chunks, then one Suggestion; close() the iterator to cancel
"""

import json
import logging
import math
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from . import limits
from .facts import person_facts, plain
from .honesty import Claim, unverified
from .json_stream import read_so_far
from .mentor import Finding, blocks_as_text, blocks_for_review, review
from .models import BALANCE_FIELDS, AIRequest, PromptOverride
from .prompts import DONT_KNOW, TASKS, PromptError, Task, build_prompt
from .providers import AIError, Prompt, get_provider
from .providers.base import ASPECTS, STYLES, Result, parse_json
from .retrieval import ranked
from .tailoring import Edit, Withheld, apply_edits, check_edits, coverage, keywords_for

logger = logging.getLogger("apps.ai")

MAX_INPUT = 20_000  # characters of any one text given to a task
MAX_OUTPUT = 20_000
MAX_IMAGE_PROMPT = 1000
ALL_FACTS = ("profile", "projects", "experience", "education", "skills")

__all__ = [
    "AIError",
    "answer_question",
    "apply_edits",
    "cover_letter",
    "generate_image",
    "mentor",
    "request_image",
    "suggest",
    "stream_answer",
    "stream_suggestion",
    "suggest_skills",
    "summarize",
    "tailor",
]


@dataclass(frozen=True)
class Suggestion:
    text: str
    unverified_spans: list[Claim]  # claims the person's data lacks: highlight, confirm
    offline: bool  # written by the offline writer: label it so
    credits_left: int
    request_id: str = ""


@dataclass(frozen=True)
class Tailoring:
    edits: list[Edit]  # each accepted or rejected on its own; apply_edits() makes the resume
    withheld: list[Withheld]  # edits dropped for claims the resume and library lack
    coverage: list[dict]  # {"keyword", "found", "where"} for each of the job's keywords
    offline: bool
    credits_left: int
    request_id: str = ""


@dataclass(frozen=True)
class SkillIdeas:
    skills: list[dict]  # {"name", "reason"}: each named in the person's projects or experience
    offline: bool
    credits_left: int


@dataclass(frozen=True)
class Review:
    findings: list[Finding]  # the checks, free
    suggestions: list[dict] = field(default_factory=list)  # {"block_id", "suggestion"}
    offline: bool = False
    credits_left: int | None = None


# --- writing ------------------------------------------------------------------------------


def suggest(
    user, task: str, inputs: Mapping[str, Any], *, ip: str | None = None, idempotency_key: str = ""
) -> Suggestion:
    """A text suggestion for `task` (see prompts.TASKS) from `inputs` and the library."""
    definition, prompt, version = _prepare(user, task, inputs, structured=False)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    if request.finished:  # the same submission again: its answer, not a second charge
        return _suggestion(user, request.output, prompt, request)
    result = _run(request, lambda: provider.generate(prompt), definition, prompt)
    return _suggestion(user, result.text, prompt, request)


def stream_suggestion(
    user, task: str, inputs: Mapping[str, Any], *, ip: str | None = None, idempotency_key: str = ""
) -> Iterator[str | Suggestion]:
    """Like `suggest`, as it is written: str chunks, then the Suggestion. Checks, limits and
    the reservation happen before this returns (AIError). Closing the iterator cancels: a
    stream cancelled before any text refunds all; after, it costs what it used."""
    definition, prompt, version = _prepare(user, task, inputs, structured=False)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    if request.finished:
        return iter([request.output, _suggestion(user, request.output, prompt, request)])
    return _streamed(
        request, provider, definition, prompt, lambda r: _suggestion(user, r.text, prompt, request)
    )


def _streamed(request, provider, definition: Task, prompt: Prompt, finish):
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
            **_done(used, started),
        )
        raise
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **_done(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **_done(None, started))
        raise
    request.settle(_cost(result, definition), **_done(result, started))
    yield finish(result)


def suggest_skills(user, *, ip: str | None = None, idempotency_key: str = "") -> SkillIdeas:
    """Skills the person's projects and experience show that their skills list lacks. A name
    their projects and experience do not mention is dropped, whatever the model says."""
    definition, prompt, version = _prepare(user, "skills", {}, structured=True)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    result = _structured(request, provider, definition, prompt)
    facts = person_facts(user, ("projects", "experience"))
    known = {name.casefold() for name in person_facts(user, ("skills",))["skills"]}
    mentioned = json.dumps(facts, ensure_ascii=False).casefold()
    ideas, seen = [], set()
    for idea in result.data.get("skills", []):
        name = " ".join(str(idea.get("name", "")).split())[:100]
        key = name.casefold()
        if name and key not in known and key not in seen and key in mentioned:
            seen.add(key)
            ideas.append({"name": name, "reason": str(idea.get("reason", "")).strip()[:300]})
    return SkillIdeas(ideas, _offline(request), _balance(user, "text"))


def tailor(
    user, resume: dict, job_description: str, *, ip: str | None = None, idempotency_key: str = ""
) -> Tailoring:
    """Edits that fit a resume's content (JSON Resume, as stored) to a job description, and
    which of the job's keywords the resume covers. No edit adds a number, date or name the
    resume and library lack."""
    content = _for_prompt(resume)
    inputs = {"resume": content, "job_description": job_description}
    definition, prompt, version = _prepare(user, "tailor", inputs, structured=True)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    result = _structured(request, provider, definition, prompt)
    facts = person_facts(user, ALL_FACTS)
    edits, withheld = check_edits(result.data.get("edits", []), resume, facts)
    keywords = keywords_for(job_description, result.data.get("keywords", []))
    return Tailoring(
        edits,
        withheld,
        coverage(keywords, resume),
        _offline(request),
        _balance(user, "text"),
        str(request.pk),
    )


def cover_letter(
    user,
    resume: dict,
    job_description: str,
    tone: str = "",
    *,
    ip: str | None = None,
    idempotency_key: str = "",
) -> Suggestion:
    """A cover letter drafted from a resume's content (as stored) for a job description."""
    inputs = {"resume": _for_prompt(resume), "job_description": job_description, "tone": tone}
    return suggest(user, "cover_letter", inputs, ip=ip, idempotency_key=idempotency_key)


def mentor(
    user, portfolio, *, ip: str | None = None, idempotency_key: str = "", with_ai: bool = True
) -> Review:
    """The portfolio's findings (free) and, with_ai, a model's suggestions per block."""
    findings = review(portfolio)
    if not with_ai:
        return Review(findings)
    blocks = blocks_for_review(portfolio)
    inputs = {"portfolio": blocks, "findings": [f.as_dict() for f in findings]}
    definition, prompt, version = _prepare(user, "mentor", inputs, structured=True)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    result = _structured(request, provider, definition, prompt)
    known = {b["block_id"] for b in blocks}
    suggestions = [
        {"block_id": s["block_id"], "suggestion": s["suggestion"].strip()}
        for s in result.data.get("suggestions", [])
        if s.get("block_id") in known and s.get("suggestion", "").strip()
    ]
    return Review(findings, suggestions, _offline(request), _balance(user, "text"))


@dataclass(frozen=True)
class Answer:
    text: str  # DONT_KNOW unless it cites a block it was given
    block_ids: list[str]  # the blocks it comes from, each among those retrieved
    known: bool
    offline: bool = False


MAX_QUESTION = 500


def answer_question(portfolio, question: str) -> Answer:
    """A visitor's question about a published portfolio, answered from its live revision
    only (the blocks that share most of the question's words) and paid from the owner's
    credits. An answer that cites no block it was given is "I don't know"; one that needs no
    block (nothing on the portfolio shares a word with the question) costs nothing.

    The visitor's caps (apps/audience/views/chat.py) replace the per-person AI rate limits,
    which are the owner's own."""
    found, asked = _question(portfolio, question)
    if asked is None:
        return Answer(DONT_KNOW, [], False)
    request, provider, definition, prompt = asked
    result = _structured(request, provider, definition, prompt)
    return _grounded(result.data, found, request)


def stream_answer(portfolio, question: str) -> Iterator[str | Answer]:
    """Like `answer_question`, as it is written: str chunks of the answer's text, then the
    Answer (whose text is the one to keep). No word is shown before the model has said it
    knows and named blocks it was given; an answer that turns out ungrounded sends none.
    Close the iterator to cancel (as stream_suggestion)."""
    found, asked = _question(portfolio, question)
    if asked is None:
        return iter([Answer(DONT_KNOW, [], False)])
    request, provider, definition, prompt = asked
    raw = _streamed(
        request, provider, definition, prompt, lambda r: _grounded(r.data, found, request)
    )
    return _answer_words(raw, {b["block_id"] for b in found})


def _question(portfolio, question: str):
    """The blocks a question is about, and the reserved request to answer it (None when no
    block shares a word with it)."""
    question = " ".join((question or "").split())
    if not question:
        raise AIError("invalid_input", "Type a question first.")
    if len(question) > MAX_QUESTION:
        raise AIError("invalid_input", f"Keep the question under {MAX_QUESTION} characters.")
    snap = portfolio.live.snapshot
    blocks = [b for b in blocks_as_text(snap["pages"], snap.get("library")) if b["text"]]
    found = ranked(question, blocks)
    if not found:
        return found, None
    inputs = {"question": question, "blocks": found}
    owner = portfolio.owner
    definition, prompt, version = _prepare(owner, "ask", inputs, structured=True)
    provider = get_provider()
    request = _reserve(owner, definition, provider, version, None, "", limited=False)
    return found, (request, provider, definition, prompt)


def _grounded(data: dict, found: list[dict], request: AIRequest) -> Answer:
    given = {b["block_id"] for b in found}
    cited = [i for i in dict.fromkeys(map(str, data.get("block_ids") or [])) if i in given]
    text = " ".join(str(data.get("answer") or "").split())[:MAX_OUTPUT]
    if not cited or not text or data.get("known") is False:
        return Answer(DONT_KNOW, [], False, _offline(request))
    return Answer(text, cited, True, _offline(request))


def _answer_words(raw: Iterator, given: set[str]) -> Iterator[str | Answer]:
    written, shown = "", 0
    try:
        for part in raw:
            if isinstance(part, Answer):
                yield part
                return
            written += part
            fields, growing = read_so_far(written)
            ids = fields.get("block_ids")
            if fields.get("known") is not True or not isinstance(ids, list):
                continue
            if not given.intersection(map(str, ids)):
                continue
            text = fields.get("answer") if growing is None else growing[1]
            if growing is not None and growing[0] != "answer" or not isinstance(text, str):
                continue
            if len(text) > shown:
                yield text[shown:]
                shown = len(text)
    finally:
        raw.close()


@dataclass(frozen=True)
class PortfolioSummary:
    points: list[dict]  # {"text", "block_ids"}: each backed by the blocks it names
    withheld: int  # points dropped: no block named, or a claim those blocks lack
    offline: bool
    credits_left: int


def summarize(
    user, portfolio, *, ip: str | None = None, idempotency_key: str = ""
) -> PortfolioSummary:
    """Who a published portfolio's person is and their highlights, for a recruiter, from the
    live revision only. Every point names the blocks it comes from; a point naming none, or
    holding a number, date or name those blocks lack, is withheld. The same key (say, the
    saved item and the live revision) answers again without a second charge."""
    snap = portfolio.live.snapshot
    blocks = [b for b in blocks_as_text(snap["pages"], snap.get("library")) if b["text"]]
    if not blocks:
        raise AIError("invalid_input", "This portfolio has no text to summarise yet.")
    definition, prompt, version = _prepare(user, "summary", {"blocks": blocks}, structured=True)
    provider = get_provider()
    request = _reserve(user, definition, provider, version, ip, idempotency_key)
    result = _structured(request, provider, definition, prompt)
    text_of = {b["block_id"]: b["text"] for b in blocks}
    profile = snap["library"]["profile"]  # who the page is about may be named in any point
    person = {"name": profile.get("name", ""), "title": profile.get("title", "")}
    points, withheld = [], 0
    for point in result.data.get("points", []):
        text = " ".join(str(point.get("text", "")).split())[:500]
        cited = [i for i in dict.fromkeys(map(str, point.get("block_ids") or [])) if i in text_of]
        backing = {"person": person, **{i: text_of[i] for i in cited}}
        if not text or not cited or unverified(text, backing):
            withheld += 1
            continue
        points.append({"text": text, "block_ids": cited})
    return PortfolioSummary(points, withheld, _offline(request), _balance(user, "text"))


# --- images ---------------------------------------------------------------------------------


def request_image(
    user,
    prompt: str,
    aspect: str = "1:1",
    style: str = "abstract",
    *,
    ip: str | None = None,
    idempotency_key: str = "",
) -> AIRequest:
    """Reserve an image credit and queue the picture; poll the request's status (and then
    its `asset`). With the immediate task backend it is done when this returns."""
    from .tasks import make_image

    prompt = _image_input(prompt, aspect, style)
    provider = get_provider()
    limits.check(user.pk, ip)
    _sweep_now_and_then()
    request = AIRequest.reserve(
        user,
        task="image",
        kind="image",
        credits=1,
        provider=provider.name,
        model=provider.image_model,
        idempotency_key=idempotency_key,
    )
    if not request.finished:
        transaction.on_commit(lambda: make_image.enqueue(str(request.pk), prompt, aspect, style))
    return request


def generate_image(
    user,
    prompt: str,
    aspect: str = "1:1",
    style: str = "abstract",
    *,
    ip: str | None = None,
    idempotency_key: str = "",
):
    """Generate a picture now and store it in the person's asset library (kind "ai", the
    prompt kept); one image credit, refunded when anything fails."""
    prompt = _image_input(prompt, aspect, style)
    provider = get_provider()
    limits.check(user.pk, ip)
    _sweep_now_and_then()
    request = AIRequest.reserve(
        user,
        task="image",
        kind="image",
        credits=1,
        provider=provider.name,
        model=provider.image_model,
        idempotency_key=idempotency_key,
    )
    if not request.finished:
        run_image(request, prompt, aspect, style)
    if request.asset is None:
        raise AIError("malformed", "The image could not be made. Your credit was refunded.")
    return request.asset


def run_image(request: AIRequest, prompt: str, aspect: str, style: str) -> None:
    """Make and store the picture of a reserved request; settle or refund it."""
    from apps.assets.models import Asset

    started = time.monotonic()
    provider = get_provider(request.provider)
    try:
        png = provider.generate_image(prompt, aspect, style)
        upload = SimpleUploadedFile(f"ai-{request.pk.hex[:8]}.png", png, "image/png")
        asset, _ = Asset.create_from_upload(
            request.user, upload, kind=Asset.Kind.AI, title=prompt[:80], prompt=prompt
        )
    except ValidationError as exc:  # e.g. the storage quota is full
        request.refund(AIRequest.Status.FAILED, "invalid_input", **_done(None, started))
        raise AIError("invalid_input", exc.messages[0]) from None
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **_done(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **_done(None, started))
        raise
    request.settle(1, asset=asset, **_done(None, started))


def _image_input(prompt: str, aspect: str, style: str) -> str:
    prompt = " ".join((prompt or "").split())
    if not prompt:
        raise AIError("invalid_input", "Describe the image you want.")
    if len(prompt) > MAX_IMAGE_PROMPT:
        raise AIError(
            "invalid_input", f"Keep the description under {MAX_IMAGE_PROMPT} characters."
        )
    if aspect not in ASPECTS:
        raise AIError("invalid_input", f"Choose an aspect ratio: {', '.join(ASPECTS)}.")
    if style not in STYLES:
        raise AIError("invalid_input", f"Choose a style: {', '.join(STYLES)}.")
    return prompt


# --- the steps every call takes -------------------------------------------------------------


def _prepare(user, name: str, inputs: Mapping, *, structured: bool) -> tuple[Task, Prompt, str]:
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


def _reserve(
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


def _sweep_now_and_then() -> None:
    """Refund dead reservations every few minutes, so none outlives its expiry for long even
    without cron (manage.py ai_housekeeping does the same on a schedule)."""
    from django.core.cache import cache

    from .tasks import expire_reservations

    if cache.add("ai:sweep", 1, timeout=300):
        transaction.on_commit(expire_reservations.enqueue)


def _run(request: AIRequest, call, definition: Task, prompt: Prompt) -> Result:
    started = time.monotonic()
    try:
        result = call()
        _check_leak(result.text, prompt)
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **_done(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **_done(None, started))
        raise
    request.settle(_cost(result, definition), **_done(result, started))
    return result


def _structured(request, provider, definition: Task, prompt: Prompt) -> Result:
    if request.finished:  # a repeated submission: read its stored answer
        return Result(request.output, 0, 0, request.model, data=json.loads(request.output))
    return _run(
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


def _done(result: Result | None, started: float) -> dict:
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


def _suggestion(user, text: str, prompt: Prompt, request: AIRequest) -> Suggestion:
    text = text.strip()[:MAX_OUTPUT]
    # A job description may name its company and role; its years and numbers are not the
    # person's, so only names are checked against it.
    inputs = {k: v for k, v in prompt.inputs.items() if k != "job_description"}
    claims = unverified(text, inputs, names_from=prompt.inputs.get("job_description"))
    return Suggestion(text, claims, _offline(request), _balance(user, "text"), str(request.pk))


def _offline(request: AIRequest) -> bool:
    return request.provider == "offline"


def _balance(user, kind: str) -> int:
    from apps.accounts.models import User

    field_name = BALANCE_FIELDS[kind]
    value = User.objects.values_list(field_name, flat=True).get(pk=user.pk)
    setattr(user, field_name, value)
    return value


def _for_prompt(resume: dict) -> dict:
    """Resume content without our bookkeeping (revs, layout); item ids stay, for edits."""

    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ("rev", "meta")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(resume)
