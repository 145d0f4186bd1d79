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
