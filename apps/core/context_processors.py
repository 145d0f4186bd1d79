from django.conf import settings
from django.http import HttpRequest

# allauth's signed-in pages (emails, password, 2FA, sessions) belong to the Settings section.
_SETTINGS_VIEW_PREFIXES = ("accounts:", "account_", "mfa_", "usersessions_", "socialaccount_")


def site(request: HttpRequest) -> dict:
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    section = view_name.split(":")[0] if ":" in view_name else view_name
    if view_name.startswith(_SETTINGS_VIEW_PREFIXES):
        section = "settings"
    elif view_name == "core:credits":
        section = "credits"
    elif view_name == "core:dashboard":
        section = "dashboard"
    return {
        "SITE_NAME": "Grooya",
        "DEBUG": settings.DEBUG,
        "nav_section": section,
        "SOCIAL_LOGIN_CONFIGURED": bool(settings.SOCIALACCOUNT_PROVIDERS),
    }
