"""The one entry point the editors call for AI help.

Each function checks the input and the rate limits, reserves the task's most credits, calls the
configured provider, settles the real cost (or refunds everything on any failure), and returns
the answer with what in it the person's data does not back up. Errors are AIError: show
`error.message` to the person as it is.

    suggestion = assistant.suggest(request.user, "improve", {"text": text}, ip=ip)
    for part in assistant.stream_suggestion(user, "about", {}, ip=ip):
        ...  # str chunks, then one Suggestion; close() the iterator to cancel

The steps every call takes live in calls.py; answers from a published portfolio (a visitor's
question, a recruiter's summary) in answers.py, and are offered here too.
"""

import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from .answers import (
    MAX_QUESTION,
    Answer,
    PortfolioSummary,
    answer_question,
    stream_answer,
    summarize,
)
from .calls import (
    MAX_INPUT,
    MAX_OUTPUT,
    balance,
    is_offline,
    outcome,
    prepare,
    reserve,
    reserve_image,
    run,
    run_streamed,
    run_structured,
)
from .facts import person_facts
from .honesty import Claim, unverified
from .mentor import Finding, blocks_for_review, review
from .models import AIRequest
from .prompts import TASKS
from .providers import AIError, Prompt, get_provider
from .providers.base import ASPECTS, STYLES
from .tailoring import Edit, Withheld, apply_edits, check_edits, coverage, keywords_for

MAX_IMAGE_PROMPT = 1000
ALL_FACTS = ("profile", "projects", "experience", "education", "skills")

__all__ = [
    "MAX_INPUT",
    "MAX_OUTPUT",
    "MAX_QUESTION",
    "TASKS",
    "AIError",
    "Answer",
    "PortfolioSummary",
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
    definition, prompt, version = prepare(user, task, inputs, structured=False)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    if request.finished:  # the same submission again: its answer, not a second charge
        return _suggestion(user, request.output, prompt, request)
    result = run(request, lambda: provider.generate(prompt), definition, prompt)
    return _suggestion(user, result.text, prompt, request)


def stream_suggestion(
    user, task: str, inputs: Mapping[str, Any], *, ip: str | None = None, idempotency_key: str = ""
) -> Iterator[str | Suggestion]:
    """Like `suggest`, as it is written: str chunks, then the Suggestion. Checks, limits and
    the reservation happen before this returns (AIError). Closing the iterator cancels: a
    stream cancelled before any text refunds all; after, it costs what it used."""
    definition, prompt, version = prepare(user, task, inputs, structured=False)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    if request.finished:
        return iter([request.output, _suggestion(user, request.output, prompt, request)])
    return run_streamed(
        request, provider, definition, prompt, lambda r: _suggestion(user, r.text, prompt, request)
    )


def suggest_skills(user, *, ip: str | None = None, idempotency_key: str = "") -> SkillIdeas:
    """Skills the person's projects and experience show that their skills list lacks. A name
    their projects and experience do not mention is dropped, whatever the model says."""
    definition, prompt, version = prepare(user, "skills", {}, structured=True)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    result = run_structured(request, provider, definition, prompt)
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
    return SkillIdeas(ideas, is_offline(request), balance(user, "text"))


def tailor(
    user, resume: dict, job_description: str, *, ip: str | None = None, idempotency_key: str = ""
) -> Tailoring:
    """Edits that fit a resume's content (JSON Resume, as stored) to a job description, and
    which of the job's keywords the resume covers. No edit adds a number, date or name the
    resume and library lack."""
    content = _for_prompt(resume)
    inputs = {"resume": content, "job_description": job_description}
    definition, prompt, version = prepare(user, "tailor", inputs, structured=True)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    result = run_structured(request, provider, definition, prompt)
    facts = person_facts(user, ALL_FACTS)
    edits, withheld = check_edits(result.data.get("edits", []), resume, facts)
    keywords = keywords_for(job_description, result.data.get("keywords", []))
    return Tailoring(
        edits,
        withheld,
        coverage(keywords, resume),
        is_offline(request),
        balance(user, "text"),
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
    definition, prompt, version = prepare(user, "mentor", inputs, structured=True)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    result = run_structured(request, provider, definition, prompt)
    known = {b["block_id"] for b in blocks}
    suggestions = [
        {"block_id": s["block_id"], "suggestion": s["suggestion"].strip()}
        for s in result.data.get("suggestions", [])
        if s.get("block_id") in known and s.get("suggestion", "").strip()
    ]
    return Review(findings, suggestions, is_offline(request), balance(user, "text"))


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
    request = reserve_image(user, get_provider(), ip, idempotency_key)
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
    request = reserve_image(user, get_provider(), ip, idempotency_key)
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
        request.refund(AIRequest.Status.FAILED, "invalid_input", **outcome(None, started))
        raise AIError("invalid_input", exc.messages[0]) from None
    except AIError as exc:
        request.refund(AIRequest.Status.FAILED, exc.kind, **outcome(None, started))
        raise
    except BaseException:
        request.refund(AIRequest.Status.FAILED, "error", **outcome(None, started))
        raise
    request.settle(1, asset=asset, **outcome(None, started))


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


def _suggestion(user, text: str, prompt: Prompt, request: AIRequest) -> Suggestion:
    text = text.strip()[:MAX_OUTPUT]
    # A job description may name its company and role; its years and numbers are not the
    # person's, so only names are checked against it.
    inputs = {k: v for k, v in prompt.inputs.items() if k != "job_description"}
    claims = unverified(text, inputs, names_from=prompt.inputs.get("job_description"))
    return Suggestion(text, claims, is_offline(request), balance(user, "text"), str(request.pk))


def _for_prompt(resume: dict) -> dict:
    """Resume content without our bookkeeping (revs, layout); item ids stay, for edits."""

    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if k not in ("rev", "meta")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(resume)
