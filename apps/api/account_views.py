"""The signed-in person: their profile (`me`) and their AI credits."""

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.decorators import api_view, parser_classes, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from apps.ai.models import BALANCE_FIELDS, CreditEntry, monthly_allowance

from .authentication import scoped
from .parsers import JSONParser
from .serializers import CreditsSerializer, MeSerializer, MeUpdateSerializer

RECENT_ENTRIES = 20


@extend_schema(
    methods=["GET"],
    operation_id="me_retrieve",
    tags=["Account"],
    responses=MeSerializer,
    summary="Your profile",
    examples=[
        OpenApiExample(
            "Ada",
            {
                "id": "5b1f2c1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
                "email": "ada@example.com",
                "name": "Ada Lovelace",
                "title": "Analyst",
                "bio": "I write programs for engines.",
                "subscriptionTier": "free",
                "dateJoined": "2026-01-05T09:30:00Z",
            },
            response_only=True,
        )  # fmt: skip
    ],
)
@extend_schema(
    methods=["PATCH"],
    operation_id="me_update",
    tags=["Account"],
    request=MeUpdateSerializer,
    responses=MeSerializer,
    summary="Change your name, title or bio",
    examples=[OpenApiExample("New title", {"title": "Product designer"}, request_only=True)],
)
@api_view(["GET", "PATCH"])
@parser_classes([JSONParser])
@permission_classes([scoped("account:read", "account:write")])
def me(request: Request) -> Response:
    user = request.user
    if request.method == "PATCH":
        changes = MeUpdateSerializer(user, data=request.data, partial=True)
        changes.is_valid(raise_exception=True)
        user = changes.save()
    return Response(MeSerializer(user).data)


@extend_schema(
    operation_id="credits_retrieve",
    tags=["Account"],
    responses=CreditsSerializer,
    summary="Your credit balances and their latest changes",
    examples=[
        OpenApiExample(
            "Balances",
            {
                "balance": {"text": 48, "image": 10},
                "monthlyAllowance": {"text": 50, "image": 10},
                "recent": [
                    {
                        "createdAt": "2026-11-30T08:00:00Z",
                        "kind": "text",
                        "delta": -1,
                        "balanceAfter": 48,
                        "reason": "reserve",
                        "task": "improve",
                        "note": "",
                    }
                ],
            },
            response_only=True,
        )  # fmt: skip
    ],
)
@api_view(["GET"])
@permission_classes([scoped("account:read")])
def credits(request: Request) -> Response:
    user = request.user
    entries = CreditEntry.objects.filter(user=user).select_related("request")[:RECENT_ENTRIES]
    body = {
        "balance": {kind: getattr(user, field) for kind, field in BALANCE_FIELDS.items()},
        "monthlyAllowance": {kind: monthly_allowance(user, kind) for kind in BALANCE_FIELDS},
        "recent": list(entries),
    }
    return Response(CreditsSerializer(body).data)
