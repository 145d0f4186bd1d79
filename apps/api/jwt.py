"""JSON Web Tokens for first-party clients (djangorestframework-simplejwt): an access token
for 15 minutes, a refresh token for 30 days, rotated on each refresh with the old one
blacklisted. A token names its person; JWTAuthentication checks on every request that the
account still exists and is active, so a deleted or deactivated person's tokens stop working."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.mfa.base.internal.flows import check_rate_limit
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    parser_classes,
    permission_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import AuthenticationFailed, TokenError
from rest_framework_simplejwt.serializers import TokenRefreshSerializer, TokenVerifySerializer
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken, UntypedToken
from rest_framework_simplejwt.views import TokenRefreshView, TokenVerifyView

from .errors import problem
from .parsers import JSONParser


def user_id_of(token: str) -> str:
    """The person a valid access token names, or "" (to count their requests)."""
    try:
        return str(AccessToken(token)[settings.SIMPLE_JWT["USER_ID_CLAIM"]])
    except (TokenError, KeyError):
        return ""


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
    code = serializers.CharField(
        max_length=20,
        required=False,
        help_text="A code from the authenticator app (or a recovery code) when the account "
        "has two-factor authentication on.",
    )


class TokenPairSerializer(serializers.Serializer):
    access = serializers.CharField(help_text="Send as `Authorization: Bearer …`; 15 minutes.")
    refresh = serializers.CharField(help_text="For /api/auth/jwt/refresh/; 30 days, once.")


@extend_schema(
    operation_id="jwt_token",
    tags=["Authentication"],
    request=TokenRequestSerializer,
    responses={
        200: TokenPairSerializer,
        400: OpenApiResponse(description="Missing fields."),
        401: OpenApiResponse(
            description="Wrong email or password (`invalid_credentials`), a code needed "
            "(`mfa_required`) or wrong (`mfa_invalid`), or the email not verified."
        ),
    },
    summary="Sign in: a token pair for email and password",
    auth=[],
    examples=[
        OpenApiExample(
            "Sign in", {"email": "ada@example.com", "password": "…"}, request_only=True
        ),
        OpenApiExample(
            "With two-factor",
            {"email": "ada@example.com", "password": "…", "code": "123456"},
            request_only=True,
        ),
        OpenApiExample(
            "Tokens", {"access": "eyJhbGciOi…", "refresh": "eyJhbGciOi…"}, response_only=True
        ),
    ],
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@parser_classes([JSONParser])
def jwt_token(request: Request) -> Response:
    data = TokenRequestSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    email, password = data.validated_data["email"], data.validated_data["password"]
    try:  # allauth's adapter: the sign-in form's limits on failed attempts apply here too
        user = get_adapter(request._request).authenticate(
            request._request, email=email, password=password
        )
    except ValidationError:
        return _too_many()
    if user is None or not user.is_active:
        return problem(401, "The email address or the password is wrong.", "invalid_credentials")
    if not EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists():
        return problem(
            401, "Verify your email address first: follow the link we sent.", "email_unverified"
        )
    refused = _second_factor(user, data.validated_data.get("code", ""))
    if refused:
        return refused
    refresh = RefreshToken.for_user(user)
    return Response({"access": str(refresh.access_token), "refresh": str(refresh)})


def _second_factor(user, code: str) -> Response | None:
    authenticators = list(Authenticator.objects.filter(user=user))
    if not any(a.type == Authenticator.Type.TOTP for a in authenticators):
        return None
    if not code:
        return problem(
            401,
            "This account has two-factor authentication on: send `code` from your "
            "authenticator app (or a recovery code) with the email and password.",
            "mfa_required",
        )
    try:  # the same limit on wrong codes as the sign-in form's
        clear = check_rate_limit(user)
    except ValidationError:
        return _too_many()
    code = code.replace(" ", "")
    for authenticator in authenticators:
        if authenticator.type in (Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES):
            if authenticator.wrap().validate_code(code):
                authenticator.record_usage()
                clear()
                return None
    return problem(401, "That code is not valid (or was used already).", "mfa_invalid")


def _too_many() -> Response:
    response = problem(
        429, "Too many failed attempts. Wait a few minutes and try again.", "too_many_attempts"
    )
    response["Retry-After"] = "300"
    return response


class RefreshSerializer(TokenRefreshSerializer):
    """simplejwt's, with a deleted account refused (its own lookup would raise)."""

    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except ObjectDoesNotExist:
            raise AuthenticationFailed(
                "No active account found for the given token.", "no_active_account"
            ) from None


class VerifySerializer(TokenVerifySerializer):
    """simplejwt's, and the account the token names must still exist and be active."""

    def validate(self, attrs):
        data = super().validate(attrs)
        user_id = UntypedToken(attrs["token"]).get(settings.SIMPLE_JWT["USER_ID_CLAIM"])
        if user_id and not get_user_model().objects.filter(pk=user_id, is_active=True).exists():
            raise AuthenticationFailed(
                "No active account found for the given token.", "no_active_account"
            )
        return data


_TOKEN_ERRORS = {401: OpenApiResponse(description="Not valid, expired or blacklisted.")}


@extend_schema_view(
    post=extend_schema(
        operation_id="jwt_refresh",
        tags=["Authentication"],
        summary="A new token pair for a refresh token (which stops working)",
        responses={200: TokenPairSerializer, **_TOKEN_ERRORS},
        auth=[],
    )
)
class TokenRefresh(TokenRefreshView):
    pass


@extend_schema_view(
    post=extend_schema(
        operation_id="jwt_verify",
        tags=["Authentication"],
        summary="Whether a token is valid (200 with an empty object) or not (401)",
        responses={200: OpenApiTypes.OBJECT, **_TOKEN_ERRORS},
        auth=[],
    )
)
class TokenVerify(TokenVerifyView):
    pass


token_refresh = TokenRefresh.as_view()
token_verify = TokenVerify.as_view()
