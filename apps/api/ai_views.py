"""AI over the API: the tasks on offer, text (whole or streamed) and images. Every call goes
through apps/ai/assistant.py, so limits, credits and the request log are the app's own."""

from django.http import StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from apps.ai import assistant, streams
from apps.ai.limits import client_ip
from apps.ai.prompts import TASKS
from apps.ai.providers import AIError, get_provider
from apps.ai.providers.base import ASPECTS, STYLES
from apps.portfolios.usages import attach_usages

from .authentication import scoped
from .case import snake_case
from .errors import ai_problem, problem_body
from .idempotency import ai_key, idempotent
from .parsers import JSONParser
from .serializers import (
    AssetSerializer,
    GenerateImageSerializer,
    GenerateTextSerializer,
    SuggestionSerializer,
    TasksSerializer,
)

AI = scoped("ai")
AI_ERRORS = {
    400: OpenApiResponse(description="Bad input (code `invalid_input`)."),
    402: OpenApiResponse(description="Out of credits (code `out_of_credits`)."),
    429: OpenApiResponse(description="Too many requests; see Retry-After."),
    503: OpenApiResponse(description="The AI service is busy or not answering."),
}


def text_tasks() -> list:
    return [task for task in TASKS.values() if not task.structured]


@extend_schema(
    operation_id="ai_tasks",
    tags=["AI"],
    responses=TasksSerializer,
    summary="The text tasks, the models and what they cost",
    examples=[
        OpenApiExample(
            "Tasks",
            {
                "tasks": [
                    {
                        "name": "improve",
                        "label": "Improve",
                        "credits": 1,
                        "fields": ["text", "context"],
                        "params": [],
                        "streamable": True,
                    }
                ],
                "models": {
                    "provider": "gemini",
                    "text": "gemini-2.5-flash",
                    "image": "gemini-2.5-flash-image",
                },
                "imageCredits": 1,
                "aspects": ["1:1", "16:9"],
                "styles": ["photo", "abstract"],
            },
            response_only=True,
        )  # fmt: skip
    ],
)
@api_view(["GET"])
@permission_classes([AI])
def ai_tasks(request: Request) -> Response:
    provider = get_provider()
    tasks = [
        {
            "name": t.name,
            "label": t.label,
            "credits": t.credits,
            "fields": list(t.fields),
            "params": list(t.params),
            "streamable": True,
        }
        for t in text_tasks()
    ]
    body = {
        "tasks": tasks,
        "models": {
            "provider": provider.name,
            "text": provider.model,
            "image": provider.image_model,
        },
        "imageCredits": 1,
        "aspects": list(ASPECTS),
        "styles": list(STYLES),
    }
    return Response(TasksSerializer(body).data)


@extend_schema(
    operation_id="ai_generate_text",
    tags=["AI"],
    request=GenerateTextSerializer,
    responses={
        (200, "application/json"): OpenApiResponse(SuggestionSerializer, description="The text."),
        (200, "text/event-stream"): OpenApiResponse(
            {
                "type": "object",
                "description": "One server-sent event.",
                "properties": {
                    "event": {"type": "string", "enum": ["chunk", "done", "error"]},
                    "data": {"type": "string", "description": "JSON"},
                },
                "required": ["event", "data"],
            },
            description='With `stream: true`: `event: chunk` / `data: {"text": "…"}` as '
            "it is written, then `event: done` with the Suggestion (or `event: error` with a "
            "problem).",
        ),
        **AI_ERRORS,
    },
    summary="Write text for a task",
    examples=[
        OpenApiExample(
            "Improve a sentence",
            {"task": "improve", "payload": {"text": "i built teh app in 2021"}},
            request_only=True,
        ),
        OpenApiExample(
            "Streamed",
            {"task": "about", "payload": {"tone": "friendly"}, "stream": True},
            request_only=True,
        ),
        OpenApiExample(
            "The text",
            {
                "text": "I built the app in 2021.",
                "unverified": [],
                "offline": False,
                "creditsLeft": 48,
                "requestId": "0b6e5f0e-8a53-4c3e-9a51-6f1f7d2f8e11",
            },
            response_only=True,
            media_type="application/json",
        ),  # fmt: skip
    ],
)
@api_view(["POST"])
@parser_classes([JSONParser])
@permission_classes([AI])
@idempotent
def ai_generate_text(request: Request):
    data = GenerateTextSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    task = data.validated_data["task"]
    payload = {snake_case(k): v for k, v in data.validated_data["payload"].items()}
    options = {"ip": client_ip(request), "idempotency_key": ai_key(request)}
    try:
        if data.validated_data["stream"]:
            parts = assistant.stream_suggestion(request.user, task, payload, **options)
            return _event_stream(parts)
        suggestion = assistant.suggest(request.user, task, payload, **options)
    except AIError as exc:
        return ai_problem(exc)
    return Response(SuggestionSerializer(suggestion).data)


def _event_stream(parts) -> StreamingHttpResponse:
    def events():
        try:
            for part in parts:
                if isinstance(part, str):
                    yield streams.event({"text": part}, "chunk")
                else:
                    yield streams.event(SuggestionSerializer(part).data, "done")
        except AIError as exc:
            yield streams.event(problem_body(502, exc.message, exc.kind), "error")
        finally:
            if hasattr(parts, "close"):  # a replayed answer is a plain iterator
                parts.close()  # the client went away: cancel, refund what was not used

    return streams.response(events())


@extend_schema(
    operation_id="ai_generate_image",
    tags=["AI"],
    request=GenerateImageSerializer,
    responses={201: AssetSerializer, **AI_ERRORS},
    summary="Make a picture; it lands in your assets",
    examples=[
        OpenApiExample(
            "A header image",
            {"prompt": "Mountains at dawn", "aspect": "16:9", "style": "photo"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
@parser_classes([JSONParser])
@permission_classes([AI])
@idempotent
def ai_generate_image(request: Request) -> Response:
    data = GenerateImageSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    try:
        asset = assistant.generate_image(
            request.user,
            ip=client_ip(request),
            idempotency_key=ai_key(request),
            **data.validated_data,
        )
    except AIError as exc:
        return ai_problem(exc)
    attach_usages([asset])
    location = request.build_absolute_uri(reverse("api:asset-detail", args=[asset.pk]))
    body = AssetSerializer(asset, context={"request": request}).data
    return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})
