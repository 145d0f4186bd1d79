"""What every provider offers, whatever answers behind it (Gemini, an OpenAI-compatible server
or the offline writer), and the errors they raise, in words a person understands.
"""

import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jsonschema
from django.conf import settings

logger = logging.getLogger("apps.ai")

MESSAGES = {
    "quota": "The AI service is busy or has run out of quota. Try again in a minute.",
    "safety": "The AI service declined to write this (its safety filter stopped it). "
    "Try rewording the text.",
    "timeout": "The AI service took too long to answer. Try again, perhaps with a shorter text.",
    "misconfigured": "AI help is not set up correctly on this server. An administrator has "
    "to fix its settings.",
    "unavailable": "The AI service is not answering right now. Try again in a few minutes.",
    "malformed": "The AI service sent an answer that could not be read. Try again.",
    "interrupted": "The answer was cut off before it was finished. Try again.",
    "rejected": "The AI service refused this request. Try a shorter or different text.",
    "unsupported": "This AI service cannot do that.",
}


class AIError(Exception):
    """A failed AI call. `message` is for people; `kind` is for code (and the request log)."""

    def __init__(self, kind: str, message: str = "", *, retryable: bool = False):
        self.kind = kind
        self.message = message or MESSAGES.get(kind, "AI help failed. Try again.")
        self.retryable = retryable
        super().__init__(self.message)


@dataclass(frozen=True)
class Prompt:
    """One task's prompt: instructions (`system`), the person's data as delimited text
    (`user`), and the same data as values for the offline writer and the honesty check."""

    task: str
    version: int
    system: str
    user: str
    inputs: Mapping[str, Any] = field(default_factory=dict)
    schema: dict | None = None
    canary: str = ""  # a marker in `system`: an answer repeating it leaked the instructions


@dataclass(frozen=True)
class Result:
    text: str
    tokens_in: int
    tokens_out: int
    model: str
    offline: bool = False
    data: Any = None  # the parsed JSON of generate_json


class Stream:
    """Text chunks as they arrive. `cancel()` (from any thread) stops reading and closes the
    connection; after the end, `result` holds the whole text and the token counts."""

    def __init__(self, chunks: Iterator[str], *, model: str, offline: bool = False):
        self._chunks = chunks
        self.model = model
        self.offline = offline
        self.cancelled = False
        self.text = ""
        self.tokens_in = 0
        self.tokens_out = 0
        self.finished = False

    def __iter__(self) -> Iterator[str]:
        try:
            for chunk in self._chunks:
                if self.cancelled:
                    break
                if chunk:
                    self.text += chunk
                    yield chunk
            else:
                self.finished = not self.cancelled
        finally:
            self.close()

    def cancel(self) -> None:
        self.cancelled = True
        self.close()

    def close(self) -> None:
        """Release the connection; subclasses close their client."""

    @property
    def result(self) -> Result:
        return Result(
            text=self.text,
            tokens_in=self.tokens_in,
            tokens_out=self.tokens_out or estimate_tokens(self.text),
            model=self.model,
            offline=self.offline,
        )


class Provider:
    name = ""
    offline = False
    model = ""
    image_model = ""

    def generate(self, prompt: Prompt) -> Result:
        raise NotImplementedError

    def stream(self, prompt: Prompt, schema: dict | None = None) -> Stream:
        """The answer as it is written; with `schema`, the chunks are the text of a JSON
        object of that schema (read it with parse_json at the end)."""
        raise NotImplementedError

    def generate_json(self, prompt: Prompt, schema: dict) -> Result:
        raise NotImplementedError

    def generate_image(self, prompt: str, aspect: str, style: str) -> bytes:
        raise NotImplementedError


ASPECTS = {"1:1": (1024, 1024), "4:3": (1024, 768), "3:4": (768, 1024), "16:9": (1280, 720),
           "9:16": (720, 1280), "3:2": (1152, 768)}  # fmt: skip
STYLES = {
    "photo": "a natural photograph",
    "illustration": "a clean flat illustration",
    "abstract": "an abstract composition of shapes and colour",
    "3d": "a soft 3D render",
    "line": "a minimal line drawing",
}


def image_prompt(prompt: str, aspect: str, style: str) -> str:
    return (
        f"Create {STYLES.get(style, STYLES['abstract'])}, aspect ratio {aspect}, for a "
        f"portfolio website. No text, letters, logos or watermarks in the image. "
        f"Subject: {prompt.strip()}"
    )


def parse_json(text: str, schema: dict, *, provider: str) -> Any:
    """A structured answer's data, or AIError("malformed") when it does not fit its schema."""
    try:
        data = json.loads(text)
        jsonschema.validate(data, schema)
    except (json.JSONDecodeError, jsonschema.ValidationError):
        logger.warning("%s sent JSON that does not fit the schema", provider)
        raise AIError("malformed") from None
    return data


def estimate_tokens(text: str) -> int:
    """About four characters a token, as providers count English."""
    return math.ceil(len(text) / 4)


def with_retries(call: Callable[[], Any], *, provider: str) -> Any:
    """Run a non-streaming call; retry transient failures (429, 5xx, timeouts) at most
    AI_MAX_RETRIES times (≤ 2), waiting AI_RETRY_BACKOFF seconds, doubling, with jitter."""
    retries = max(0, min(settings.AI_MAX_RETRIES, 2))
    for attempt in range(retries + 1):
        try:
            return call()
        except AIError as exc:
            if not exc.retryable or attempt == retries:
                raise
            wait = settings.AI_RETRY_BACKOFF * 2**attempt * (1 + random.random() / 4)  # noqa: S311
            logger.warning(
                "AI call to %s failed (%s); retry %d in %.1fs",
                provider,
                exc.kind,
                attempt + 1,
                wait,
            )
            time.sleep(wait)
    raise AssertionError("unreachable")
