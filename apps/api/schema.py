"""What drf-spectacular cannot guess: the API-key scheme (imported by ApiConfig.ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "apps.api.authentication.ApiKeyAuthentication"
    name = "apiKey"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "gry_<prefix>_<secret>",
            "description": "An API key from Settings → API keys, limited to its scopes: "
            "`ai`, `assets:read`, `assets:write`, `account:read`, `account:write`.",
        }


PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 7807 problem details; `code` is for programs, `detail` for people.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": True},
    },
    "required": ["type", "title", "status", "detail", "code"],
}
OPENAI_ERROR_SCHEMA = {
    "type": "object",
    "description": "OpenAI's error shape.",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "message": {"type": "string"},
                "type": {"type": "string"},
                "param": {"type": "string", "nullable": True},
                "code": {"type": "string", "nullable": True},
            },
            "required": ["message", "type"],
        }
    },
    "required": ["error"],
}
ERRORS = {
    400: "The request is invalid: see `code` and `errors`.",
    401: "Not signed in, or the key or token is not valid.",
    403: "Signed in, but not allowed (an API key without the scope, say).",
    404: "Not found (or not yours).",
    405: "This method is not allowed here.",
    415: "Send JSON (or multipart for uploads).",
    429: "Too many requests: wait `Retry-After` seconds.",
}
POST_ERRORS = {
    409: "A request with this Idempotency-Key is still running.",
    413: "The body is too large.",
    422: "This Idempotency-Key was used with another body, or the AI declined.",
}
AI_ERRORS = {
    402: "Out of credits.",
    502: "The AI service failed.",
    503: "The AI service is busy or not configured.",
    504: "The AI service took too long.",
}
RATE_HEADERS = {
    "X-RateLimit-Limit": "Requests allowed a minute (per key or person).",
    "X-RateLimit-Remaining": "Requests left in this minute.",
    "X-RateLimit-Reset": "Seconds until the minute ends.",
}


def add_errors_and_limits(result: dict, generator, request, public: bool) -> dict:
    """A drf-spectacular postprocessing hook: every operation documents the errors it may
    answer (problem+json, or OpenAI's shape under /v1/) and the rate-limit headers."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = PROBLEM_SCHEMA
    schemas["OpenAIError"] = OPENAI_ERROR_SCHEMA
    headers = {
        name: {"schema": {"type": "integer"}, "description": text}
        for name, text in RATE_HEADERS.items()
    }
    scopes = _scopes(generator)
    for path, item in result.get("paths", {}).items():
        openai = path.startswith("/v1/")
        media = "application/json" if openai else "application/problem+json"
        ref = {"$ref": "#/components/schemas/" + ("OpenAIError" if openai else "Problem")}
        for method, operation in item.items():
            errors = dict(ERRORS)
            if method == "post":
                errors |= POST_ERRORS
            if "/ai/" in path or openai:
                errors |= AI_ERRORS
            scope = scopes.get((path, method))
            if scope:
                note = f"API keys need the `{scope}` scope."
                operation["description"] = f"{operation.get('description', '')}\n\n{note}".strip()
            responses = operation.setdefault("responses", {})
            for status, text in errors.items():
                responses.setdefault(str(status), {"description": text})
            for status, response in responses.items():
                if int(status) >= 400 and not response.get("content"):
                    response["content"] = {media: {"schema": ref}}
                response.setdefault("headers", {}).update(headers)
    return result


def _scopes(generator) -> dict:
    """{(path, method): the scope an API key needs}, from the views' `scoped` permissions."""
    from rest_framework.permissions import SAFE_METHODS

    found = {}
    for path, _, method, callback in generator.endpoints or []:
        for permission in getattr(callback.cls, "permission_classes", []):
            read, write = getattr(permission, "scopes", (None, None))
            if read:
                scope = read if method in SAFE_METHODS else write
                # drf-spectacular calls {pk} {id} in the document (SCHEMA_COERCE_PATH_PK).
                found[(path.replace("{pk}", "{id}"), method.lower())] = scope
    return found
