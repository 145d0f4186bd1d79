"""Gemini through Google's `google-genai` SDK (the maintained successor of
google-generativeai). GEMINI_BASE_URL points it at another server, e.g. the tests' fake.

The SDK takes one timeout, in milliseconds, for connecting and reading alike; our transport
splits it, so a provider that is down fails in seconds while a long answer may take a minute.
The SDK's own retries stay off: `with_retries` retries, the same way for every provider.
"""

import functools
import json
import logging

import httpx2
import pydantic
from django.conf import settings
from google import genai
from google.genai import errors as genai_errors
from google.genai import types

from .base import (
    AIError,
    Prompt,
    Provider,
    Result,
    Stream,
    estimate_tokens,
    image_prompt,
    parse_json,
    with_retries,
)
from .images import to_png

logger = logging.getLogger("apps.ai")

# Finish reasons that mean the answer was withheld, not finished.
BLOCKED = {
    "SAFETY",
    "PROHIBITED_CONTENT",
    "BLOCKLIST",
    "SPII",
    "RECITATION",
    "IMAGE_SAFETY",
    "IMAGE_PROHIBITED_CONTENT",
    "IMAGE_RECITATION",
}


class _SplitTimeouts(httpx2.HTTPTransport):
    def __init__(self, connect: float, read: float):
        super().__init__()
        self.timeouts = {"connect": connect, "read": read, "write": read, "pool": connect}

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        request.extensions["timeout"] = self.timeouts
        return super().handle_request(request)


def _new_client() -> genai.Client:
    options = types.HttpOptions(
        base_url=settings.GEMINI_BASE_URL or None,
        api_version="v1beta",
        timeout=int(settings.AI_READ_TIMEOUT * 1000),  # milliseconds
        client_args={
            "transport": _SplitTimeouts(settings.AI_CONNECT_TIMEOUT, settings.AI_READ_TIMEOUT)
        },
    )
    return genai.Client(api_key=settings.GEMINI_API_KEY, vertexai=False, http_options=options)


@functools.lru_cache(maxsize=4)
def _shared_client(*config) -> genai.Client:
    return _new_client()


def _client() -> genai.Client:
    """One client per configuration, shared by threads (its connection pool is thread-safe)."""
    return _shared_client(
        settings.GEMINI_API_KEY,
        settings.GEMINI_BASE_URL,
        settings.AI_CONNECT_TIMEOUT,
        settings.AI_READ_TIMEOUT,
    )


def translate(exc: Exception, *, streaming: bool = False) -> AIError:
    """The SDK's or the network's exception as an AIError; logs the kind, never the text
    (a provider's message can echo the person's data)."""
    if isinstance(exc, AIError):
        return exc
    if isinstance(exc, genai_errors.APIError):
        code = exc.code or 0
        status = str(exc.status or "")
        if code == 429:
            error = AIError("quota", retryable=True)
        elif code == 504:
            error = AIError("timeout", retryable=True)
        elif code >= 500:
            error = AIError("unavailable", retryable=True)
        elif code in (401, 403, 404) or "API_KEY" in status or "API key" in str(exc.message):
            error = AIError("misconfigured")
        else:
            error = AIError("rejected")
        logger.warning("Gemini answered %s %s: %s", code, status, error.kind)
        return error
    if isinstance(exc, httpx2.TimeoutException):
        error = AIError("timeout", retryable=True)
    elif isinstance(exc, httpx2.TransportError):
        error = AIError("interrupted" if streaming else "unavailable", retryable=not streaming)
    elif isinstance(
        exc,
        genai_errors.UnknownApiResponseError
        | json.JSONDecodeError
        | pydantic.ValidationError
        | UnicodeDecodeError,
    ):
        error = AIError("malformed")
    else:
        logger.error("Gemini call failed unexpectedly: %s", type(exc).__name__)
        return AIError("unavailable")
    logger.warning("Gemini call failed: %s (%s)", error.kind, type(exc).__name__)
    return error


def _finish_reasons(response: types.GenerateContentResponse) -> list[str]:
    reasons = []
    for candidate in response.candidates or []:
        reason = candidate.finish_reason
        if reason is not None:
            reasons.append(getattr(reason, "value", str(reason)))
    return reasons


def _check_blocked(response: types.GenerateContentResponse) -> None:
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason:
        raise AIError("safety")
    if BLOCKED.intersection(_finish_reasons(response)):
        raise AIError("safety")


def _parts(response: types.GenerateContentResponse) -> list[types.Part]:
    candidates = response.candidates or []
    if not candidates or candidates[0].content is None:
        return []
    return list(candidates[0].content.parts or [])


def _text(response: types.GenerateContentResponse) -> str:
    return "".join(p.text for p in _parts(response) if p.text and not p.thought)


def _usage(response: types.GenerateContentResponse, prompt: Prompt, text: str) -> tuple:
    usage = response.usage_metadata
    tokens_in = (usage and usage.prompt_token_count) or estimate_tokens(
        prompt.system + prompt.user
    )
    tokens_out = (usage and usage.candidates_token_count) or estimate_tokens(text)
    return tokens_in, tokens_out


class GeminiStream(Stream):
    def __init__(self, client: genai.Client, prompt: Prompt, model: str, config):
        self._client = client
        self._closed = False
        self._prompt = prompt
        super().__init__(self._texts(model, config), model=model)

    def _texts(self, model, config):
        finished = False
        try:
            responses = self._client.models.generate_content_stream(
                model=model, contents=self._prompt.user, config=config
            )
            for response in responses:
                _check_blocked(response)
                text = _text(response)
                finished = finished or bool(_finish_reasons(response))
                if response.usage_metadata:
                    self.tokens_in, self.tokens_out = _usage(response, self._prompt, self.text)
                yield text
        except Exception as exc:
            if self.cancelled:
                return
            raise translate(exc, streaming=True) from None
        if not finished and not self.cancelled:
            logger.warning("Gemini stream ended without a finish reason")
            raise AIError("interrupted")

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._client.close()


class GeminiProvider(Provider):
    name = "gemini"

    def __init__(self):
        self.model = settings.AI_TEXT_MODEL
        self.image_model = settings.AI_IMAGE_MODEL

    def _call(self, model: str, contents: str, config) -> types.GenerateContentResponse:
        def call():
            try:
                return _client().models.generate_content(
                    model=model, contents=contents, config=config
                )
            except Exception as exc:
                raise translate(exc) from None

        return with_retries(call, provider=self.name)

    def generate(self, prompt: Prompt) -> Result:
        response = self._call(self.model, prompt.user, self._config(prompt))
        _check_blocked(response)
        text = _text(response)
        if not text.strip():
            raise AIError("malformed", "The AI service sent an empty answer. Try again.")
        return Result(text, *_usage(response, prompt, text), model=self.model)

    def _config(self, prompt: Prompt, schema: dict | None = None) -> types.GenerateContentConfig:
        if schema is None:
            return types.GenerateContentConfig(system_instruction=prompt.system)
        return types.GenerateContentConfig(
            system_instruction=prompt.system,
            response_mime_type="application/json",
            response_json_schema=schema,
        )

    def stream(self, prompt: Prompt, schema: dict | None = None) -> Stream:
        return GeminiStream(_new_client(), prompt, self.model, self._config(prompt, schema))

    def generate_json(self, prompt: Prompt, schema: dict) -> Result:
        response = self._call(self.model, prompt.user, self._config(prompt, schema))
        _check_blocked(response)
        text = _text(response)
        data = parse_json(text, schema, provider="Gemini")
        return Result(text, *_usage(response, prompt, text), model=self.model, data=data)

    def generate_image(self, prompt: str, aspect: str, style: str) -> bytes:
        config = types.GenerateContentConfig(
            response_modalities=["IMAGE"], image_config=types.ImageConfig(aspect_ratio=aspect)
        )
        response = self._call(self.image_model, image_prompt(prompt, aspect, style), config)
        _check_blocked(response)
        for part in _parts(response):
            if part.inline_data is not None and part.inline_data.data:
                return to_png(part.inline_data.data)
        raise AIError("malformed", "The AI service sent no image. Try describing it differently.")
