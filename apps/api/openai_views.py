"""OpenAI-compatible endpoints (/v1/models, /v1/chat/completions, /v1/images/generations) for
API-key holders, so tools that speak that protocol can use Grooya. The models are Grooya's
writing tasks: `grooya-improve` improves the last user message, `grooya-about` writes an
About text, and so on; `grooya-image` makes pictures. Everything goes through
apps/ai/assistant.py: the same providers, limits, credits and request log as the app.
Errors use OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`."""

import base64
import json
import time
import uuid

from django.http import JsonResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.ai import assistant, streams
from apps.ai.limits import client_ip
from apps.ai.models import AIRequest
from apps.ai.prompts import TASKS
from apps.ai.providers import AIError
from apps.ai.providers.base import STYLES

from .authentication import ApiKeyAuthentication, scoped
from .errors import ai_status
from .idempotency import ai_key, idempotent
from .parsers import JSONParser

PREFIX = "grooya-"
IMAGE_MODEL = "grooya-image"
SIZES = {"1024x1024": "1:1", "1792x1024": "16:9", "1024x1792": "9:16", "1280x720": "16:9",
         "720x1280": "9:16", "1024x768": "4:3", "768x1024": "3:4", "1152x768": "3:2"}  # fmt: skip
CREATED = 1_767_225_600  # 2026-01-01: when these models appeared, for /v1/models
ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    402: "insufficient_quota",
    403: "permission_error",
    404: "invalid_request_error",
    409: "conflict_error",
    422: "invalid_request_error",
    429: "requests",
}


def chat_tasks() -> dict:
    """The text tasks that work on one text: the user's message (or, for projects, notes)."""
    return {
        PREFIX + t.name: t
        for t in TASKS.values()
        if not t.structured and ("text" in t.fields or "notes" in t.fields)
    }


def openai_error(status: int, message: str, code: str, param: str | None = None) -> dict:
    kind = ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return {"error": {"message": message, "type": kind, "param": param, "code": code}}


def openai_error_response(status: int, message: str, code: str) -> Response:
    return Response(openai_error(status, message, code), status=status)


class OpenAIView(APIView):
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [scoped("ai")]
    parser_classes = [JSONParser]

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            exc.status_code = 401  # the only scheme here is the API key
            message = str(exc.detail)
            if isinstance(exc, exceptions.NotAuthenticated):
                message = "No API key: send Authorization: Bearer gry_…"
            return self._error(401, message, "invalid_api_key", {"WWW-Authenticate": "Bearer"})
        if isinstance(exc, exceptions.APIException):
            detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
            codes = exc.get_codes()
            code = codes if isinstance(codes, str) else "invalid_request"
            headers = {"Retry-After": str(exc.wait)} if getattr(exc, "wait", None) else {}
            return self._error(exc.status_code, str(detail), code, headers)
        return super().handle_exception(exc)

    def _error(self, status: int, message: str, code: str, headers=None, param=None):
        return Response(openai_error(status, message, code, param), status=status, headers=headers)

    def ai_error(self, exc: AIError) -> Response:
        status = ai_status(exc)
        code = "insufficient_credits" if exc.kind == "out_of_credits" else exc.kind
        code = "rate_limit_exceeded" if exc.kind == "rate_limited" else code
        headers = {}
        if getattr(exc, "retry_after", None):
            headers["Retry-After"] = str(exc.retry_after)
        return self._error(status, exc.message, code, headers)


class ModelList(OpenAIView):
    @extend_schema(
        operation_id="openai_models",
        tags=["OpenAI-compatible"],
        responses=OpenApiTypes.OBJECT,
        summary="The models: one per writing task, and grooya-image",
        examples=[
            OpenApiExample(
                "Models",
                {
                    "object": "list",
                    "data": [
                        {
                            "id": "grooya-improve",
                            "object": "model",
                            "created": CREATED,
                            "owned_by": "grooya",
                        }
                    ],
                },
                response_only=True,
            )  # fmt: skip
        ],
    )
    def get(self, request: Request) -> Response:
        ids = [*chat_tasks(), IMAGE_MODEL]
        data = [
            {"id": name, "object": "model", "created": CREATED, "owned_by": "grooya"}
            for name in ids
        ]
        return Response({"object": "list", "data": data})


class ChatCompletions(OpenAIView):
    @extend_schema(
        operation_id="openai_chat_completions",
        tags=["OpenAI-compatible"],
        request=OpenApiTypes.OBJECT,
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, "text/event-stream"): {
                "type": "object",
                "description": "One server-sent event: a chat.completion.chunk, then [DONE].",
                "properties": {"data": {"type": "string"}},
                "required": ["data"],
            },
        },
        summary="Run a writing task on the last user message (stream: true for SSE chunks)",
        examples=[
            OpenApiExample(
                "Improve",
                {
                    "model": "grooya-improve",
                    "messages": [{"role": "user", "content": "i built teh app in 2021"}],
                },
                request_only=True,
            )  # fmt: skip
        ],
    )
    @idempotent(error=openai_error_response)
    def post(self, request: Request):
        body = request.data if isinstance(request.data, dict) else {}
        task = chat_tasks().get(body.get("model"))
        if task is None:
            names = ", ".join(chat_tasks())
            message = f"The model must be one of: {names}."
            return self._error(404, message, "model_not_found", param="model")
        text, context = _messages(body.get("messages"))
        if not text:
            message = "Send at least one user message with text."
            return self._error(400, message, "invalid_messages", param="messages")
        inputs = {"notes" if "notes" in task.fields else "text": text, "context": context}
        options = {"ip": client_ip(request), "idempotency_key": ai_key(request)}
        model = PREFIX + task.name
        try:
            if body.get("stream") is True:
                parts = assistant.stream_suggestion(request.user, task.name, inputs, **options)
                usage = bool((body.get("stream_options") or {}).get("include_usage"))
                return _chunks(parts, model, usage)
            suggestion = assistant.suggest(request.user, task.name, inputs, **options)
        except AIError as exc:
            return self.ai_error(exc)
        return Response(
            {
                "id": f"chatcmpl-{suggestion.request_id}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {
                            "role": "assistant",
                            "content": suggestion.text,
                            "refusal": None,
                        },
                        "finish_reason": "stop",
                        "logprobs": None,
                    }  # fmt: skip
                ],
                "usage": _usage(suggestion.request_id),
            }
        )


def _messages(messages) -> tuple[str, str]:
    """(the last user message's text, the system messages' text as context)."""
    if not isinstance(messages, list):
        return "", ""
    texts = {"user": [], "system": []}
    for message in messages:
        if not isinstance(message, dict):
            continue
        role = "system" if message.get("role") in ("system", "developer") else message.get("role")
        if role in texts:
            texts[role].append(_text(message.get("content")))
    return (texts["user"][-1] if texts["user"] else "").strip(), "\n".join(texts["system"])


def _text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text"
        )
    return ""


def _usage(request_id: str) -> dict:
    tokens = AIRequest.objects.filter(pk=request_id).values("tokens_in", "tokens_out").first()
    tokens = tokens or {"tokens_in": 0, "tokens_out": 0}
    return {
        "prompt_tokens": tokens["tokens_in"],
        "completion_tokens": tokens["tokens_out"],
        "total_tokens": tokens["tokens_in"] + tokens["tokens_out"],
    }


def _chunks(parts, model: str, include_usage: bool) -> StreamingHttpResponse:
    """The answer as OpenAI frames a stream: `data: {chunk}` lines, then `data: [DONE]`."""
    base = {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion.chunk",
            "created": int(time.time()), "model": model}  # fmt: skip

    def chunk(delta: dict, finish=None, **extra) -> str:
        choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
        return streams.event({**base, "choices": [choice], **extra})

    def events():
        try:
            yield chunk({"role": "assistant", "content": ""})
            for part in parts:
                if isinstance(part, str):
                    yield chunk({"content": part})
                else:
                    yield chunk({}, "stop")
                    if include_usage:
                        yield streams.event(
                            {**base, "choices": [], "usage": _usage(part.request_id)}
                        )
        except AIError as exc:
            yield streams.event(openai_error(ai_status(exc), exc.message, exc.kind))
        finally:
            if hasattr(parts, "close"):
                parts.close()  # the client went away: cancel, refund what was not used
        yield "data: [DONE]\n\n"

    return streams.response(events())


class ImageGenerations(OpenAIView):
    @extend_schema(
        operation_id="openai_images_generations",
        tags=["OpenAI-compatible"],
        request=OpenApiTypes.OBJECT,
        responses=OpenApiTypes.OBJECT,
        summary="Make a picture (kept in your assets); b64_json or url",
        examples=[
            OpenApiExample(
                "A picture",
                {
                    "model": "grooya-image",
                    "prompt": "Mountains at dawn",
                    "size": "1792x1024",
                    "response_format": "url",
                },
                request_only=True,
            )  # fmt: skip
        ],
    )
    @idempotent(error=openai_error_response)
    def post(self, request: Request):
        body = request.data if isinstance(request.data, dict) else {}
        size = body.get("size") or "1024x1024"
        if size not in SIZES:
            return self._error(400, f"size must be one of: {', '.join(SIZES)}.", "invalid_size",
                               param="size")  # fmt: skip
        if body.get("n", 1) != 1:
            return self._error(400, "n must be 1.", "invalid_n", param="n")
        if body.get("model", IMAGE_MODEL) not in (IMAGE_MODEL, None):
            return self._error(404, f"The model must be {IMAGE_MODEL}.", "model_not_found",
                               param="model")  # fmt: skip
        response_format = body.get("response_format") or "b64_json"
        if response_format not in ("b64_json", "url"):
            return self._error(400, "response_format must be b64_json or url.",
                               "invalid_response_format", param="response_format")  # fmt: skip
        style = body.get("style") if body.get("style") in STYLES else "abstract"
        try:
            asset = assistant.generate_image(
                request.user, str(body.get("prompt") or ""), SIZES[size], style,
                ip=client_ip(request), idempotency_key=ai_key(request),
            )  # fmt: skip
        except AIError as exc:
            return self.ai_error(exc)
        if response_format == "url":
            item = {"url": request.build_absolute_uri(asset.url)}
        else:
            with asset.file.open("rb") as f:
                item = {"b64_json": base64.b64encode(f.read()).decode()}
        item["revised_prompt"] = asset.prompt
        return Response({"created": int(time.time()), "data": [item]})


def not_found(request, path: str = "") -> JsonResponse:
    body = openai_error(404, "There is no such endpoint.", "unknown_url")
    return JsonResponse(body, status=404)
