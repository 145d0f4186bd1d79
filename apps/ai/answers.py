"""Answers from a published portfolio's live revision only: a visitor's question ("Ask my
portfolio", whole or streamed) and a recruiter's summary. Every answer names the blocks it
comes from; what no block backs is not shown."""

from collections.abc import Iterator
from dataclasses import dataclass

from .calls import MAX_OUTPUT, balance, is_offline, prepare, reserve, run_streamed, run_structured
from .honesty import unverified
from .json_stream import read_so_far
from .mentor import blocks_as_text
from .models import AIRequest
from .prompts import DONT_KNOW
from .providers import AIError, get_provider
from .retrieval import ranked


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
    result = run_structured(request, provider, definition, prompt)
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
    raw = run_streamed(
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
    definition, prompt, version = prepare(owner, "ask", inputs, structured=True)
    provider = get_provider()
    request = reserve(owner, definition, provider, version, None, "", limited=False)
    return found, (request, provider, definition, prompt)


def _grounded(data: dict, found: list[dict], request: AIRequest) -> Answer:
    given = {b["block_id"] for b in found}
    cited = [i for i in dict.fromkeys(map(str, data.get("block_ids") or [])) if i in given]
    text = " ".join(str(data.get("answer") or "").split())[:MAX_OUTPUT]
    if not cited or not text or data.get("known") is False:
        return Answer(DONT_KNOW, [], False, is_offline(request))
    return Answer(text, cited, True, is_offline(request))


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
    definition, prompt, version = prepare(user, "summary", {"blocks": blocks}, structured=True)
    provider = get_provider()
    request = reserve(user, definition, provider, version, ip, idempotency_key)
    result = run_structured(request, provider, definition, prompt)
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
    return PortfolioSummary(points, withheld, is_offline(request), balance(user, "text"))
