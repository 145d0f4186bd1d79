"""How API clients sign in: `Authorization: Bearer gry_…` (an API key) or a JWT; the browser
keeps its session. Scopes limit API keys only: a session or a JWT acts as the person."""

from rest_framework import authentication, exceptions, permissions
from rest_framework.request import Request

from .models import KEY_START, ApiKey


class ApiKeyAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _, raw = header.partition(" ")
        raw = raw.strip()
        if scheme.lower() != "bearer" or not raw.startswith(KEY_START):
            return None  # not an API key: a JWT, say, for the next class
        key = ApiKey.objects.find(raw)
        if key is None:
            raise exceptions.AuthenticationFailed("This API key is not valid.", "invalid_key")
        if key.revoked_at:
            raise exceptions.AuthenticationFailed("This API key was revoked.", "key_revoked")
        if key.expired:
            raise exceptions.AuthenticationFailed("This API key has expired.", "key_expired")
        if not key.owner.is_active:
            raise exceptions.AuthenticationFailed("This account is deactivated.", "user_inactive")
        key.touch()
        return key.owner, key

    def authenticate_header(self, request: Request) -> str:
        return f'{self.keyword} realm="api"'


def api_key(request: Request) -> ApiKey | None:
    return request.auth if isinstance(request.auth, ApiKey) else None


def scoped(read: str, write: str | None = None) -> type[permissions.BasePermission]:
    """A permission: signed in, and an API key must hold `read` (GET, HEAD) or `write`."""

    class Scoped(permissions.IsAuthenticated):
        scopes = (read, write or read)

        def has_permission(self, request: Request, view) -> bool:
            if not super().has_permission(request, view):
                return False
            key = api_key(request)
            needed = read if request.method in permissions.SAFE_METHODS else (write or read)
            if key is not None and not key.has_scope(needed):
                raise exceptions.PermissionDenied(
                    f"This API key lacks the “{needed}” scope.", "insufficient_scope"
                )
            return True

    Scoped.__name__ = f"Scoped_{read}_{write}".replace(":", "_")
    return Scoped
