"""Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM Studio) through
the `openai` SDK: OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL. The SDK's retries are off:
`with_retries` retries, the same way for every provider."""

import base64
import json
import logging

import httpx2
import openai
from django.conf import settings

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

SIZES = {"1:1": "1024x1024", "4:3": "1536x1024", "3:2": "1536x1024", "16:9": "1536x1024",
         "3:4": "1024x1536", "9:16": "1024x1536"}  # fmt: skip


def _client() -> openai.OpenAI:
    return openai.OpenAI(
        base_url=settings.OPENAI_BASE_URL or None,
        # Local servers (Ollama, LM Studio) want no key, but the SDK insists on one.
        api_key=settings.OPENAI_API_KEY or "no-key",
        timeout=httpx2.Timeout(settings.AI_READ_TIMEOUT, connect=settings.AI_CONNECT_TIMEOUT),
        max_retries=0,
    )


def translate(exc: Exception, *, streaming: bool = False) -> AIError:
    """The SDK's exception as an AIError; logs the kind, never the provider's text."""
    if isinstance(exc, AIError):
        return exc
    if isinstance(exc, openai.APITimeoutError):
        error = AIError("timeout", retryable=True)
    elif isinstance(exc, openai.APIConnectionError):
        error = AIError("interrupted" if streaming else "unavailable", retryable=not streaming)
    elif isinstance(exc, openai.APIStatusError):
        code = exc.status_code
        if code == 429:
            error = AIError("quota", retryable=True)
        elif code in (502, 503) or code >= 500:
            error = AIError("timeout" if code == 504 else "unavailable", retryable=True)
        elif code in (401, 403, 404):
            error = AIError("misconfigured")
        elif _is_content_filter(exc):
            error = AIError("safety")
        else:
            error = AIError("rejected")
        logger.warning("OpenAI-compatible server answered %s: %s", code, error.kind)
        return error
    elif isinstance(
        exc,
        openai.APIResponseValidationError | json.JSONDecodeError | KeyError | TypeError,
    ):
        error = AIError("malformed")
    else:
        logger.error("OpenAI-compatible call failed unexpectedly: %s", type(exc).__name__)
        return AIError("unavailable")
    logger.warning("OpenAI-compatible call failed: %s (%s)", error.kind, type(exc).__name__)
    return error


def _is_content_filter(exc: openai.APIStatusError) -> bool:
    body = exc.body if isinstance(exc.body, dict) else {}
    return body.get("code") == "content_filter" or "content_filter" in str(body.get("type", ""))


def _messages(prompt: Prompt) -> list[dict]:
    return [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": prompt.user},
    ]


def _answer(completion, prompt: Prompt) -> tuple[str, int, int]:
    try:
        choice = completion.choices[0]
    except (IndexError, TypeError, AttributeError):
        raise AIError("malformed") from None
    if choice.finish_reason == "content_filter":
        raise AIError("safety")
    text = (choice.message.content if choice.message else None) or ""
    if not text.strip():
        raise AIError("malformed", "The AI service sent an empty answer. Try again.")
    usage = completion.usage
    tokens_in = (usage and usage.prompt_tokens) or estimate_tokens(prompt.system + prompt.user)
    tokens_out = (usage and usage.completion_tokens) or estimate_tokens(text)
    return text, tokens_in, tokens_out


def _json_format(prompt: Prompt, schema: dict) -> dict:
    return {"type": "json_schema", "json_schema": {"name": prompt.task, "schema": schema}}


class OpenAIStream(Stream):
    def __init__(self, client: openai.OpenAI, prompt: Prompt, model: str, **extra):
        self._client = client
        self._response = None
        self._closed = False
        super().__init__(self._texts(prompt, extra), model=model)

    def _texts(self, prompt: Prompt, extra: dict):
        finished = False
        try:
            self._response = self._client.chat.completions.create(
                model=self.model,
                messages=_messages(prompt),
                stream=True,
                stream_options={"include_usage": True},
                **extra,
            )
            for chunk in self._response:
                if chunk.usage:
                    self.tokens_in = chunk.usage.prompt_tokens or 0
                    self.tokens_out = chunk.usage.completion_tokens or 0
                for choice in chunk.choices or []:
                    if choice.finish_reason == "content_filter":
                        raise AIError("safety")
                    finished = finished or bool(choice.finish_reason)
                    yield (choice.delta.content if choice.delta else None) or ""
        except Exception as exc:
            if self.cancelled:
                return
            raise translate(exc, streaming=True) from None
        if not finished and not self.cancelled:
            logger.warning("OpenAI-compatible stream ended without a finish reason")
            raise AIError("interrupted")

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._response is not None:
                self._response.close()
            self._client.close()


class OpenAIProvider(Provider):
    name = "openai"

    def __init__(self):
        self.model = settings.OPENAI_MODEL
        self.image_model = settings.AI_IMAGE_MODEL

    def _complete(self, prompt: Prompt, **extra):
        def call():
            with _client() as client:
                try:
                    return client.chat.completions.create(
                        model=self.model, messages=_messages(prompt), **extra
                    )
                except Exception as exc:
                    raise translate(exc) from None

        return with_retries(call, provider=self.name)

    def generate(self, prompt: Prompt) -> Result:
        text, tokens_in, tokens_out = _answer(self._complete(prompt), prompt)
        return Result(text, tokens_in, tokens_out, model=self.model)

    def stream(self, prompt: Prompt, schema: dict | None = None) -> Stream:
        extra = {"response_format": _json_format(prompt, schema)} if schema else {}
        return OpenAIStream(_client(), prompt, self.model, **extra)

    def generate_json(self, prompt: Prompt, schema: dict) -> Result:
        completion = self._complete(prompt, response_format=_json_format(prompt, schema))
        text, tokens_in, tokens_out = _answer(completion, prompt)
        data = parse_json(text, schema, provider="OpenAI-compatible server")
        return Result(text, tokens_in, tokens_out, model=self.model, data=data)

    def generate_image(self, prompt: str, aspect: str, style: str) -> bytes:
        def call():
            with _client() as client:
                try:
                    return client.images.generate(
                        model=self.image_model,
                        prompt=image_prompt(prompt, aspect, style),
                        size=SIZES.get(aspect, "1024x1024"),
                        n=1,
                    )
                except Exception as exc:
                    raise translate(exc) from None

        response = with_retries(call, provider=self.name)
        try:
            encoded = response.data[0].b64_json
        except (IndexError, TypeError, AttributeError):
            raise AIError("malformed", "The AI service sent no image.") from None
        if not encoded:
            # Servers that answer with a link instead: fetching it would mean following any
            # address a server names. Not done.
            raise AIError("unsupported", "This AI server does not return images directly.")
        try:
            data = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise AIError(
                "malformed", "The AI service sent an image that could not be read."
            ) from None
        return to_png(data)
