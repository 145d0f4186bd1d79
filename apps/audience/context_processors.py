from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def unread(request: HttpRequest) -> dict:
    """Unread notifications and inbox messages for the app shell; counted only when a
    template shows them (public pages never do)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def notifications() -> int:
        return user.notifications.filter(read_at__isnull=True).count()

    def messages() -> int:
        return user.messages.filter(folder="inbox", read_at__isnull=True).count()

    return {
        "unread_notifications": SimpleLazyObject(notifications),
        "unread_messages": SimpleLazyObject(messages),
    }
