"""allauth's session activity tracking ("last seen" on the Sessions page), at most once a minute.

allauth's own middleware records every request of a signed-in person: a transaction with a
SELECT and an UPDATE, on every click and every autosave. The Sessions page shows "last seen"
to the minute, so once a minute per session is enough — and a new IP address or browser is
still recorded at once (allauth's `session_client_changed` signal fires as before).
"""

import hashlib

from allauth.account.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.core.cache import cache

TRACK_EVERY = 60  # seconds


class UserSessionsMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.session.session_key and request.user.is_authenticated:
            client = f"{get_adapter().get_client_ip(request)} {request.headers.get('User-Agent')}"
            seen = f"{request.session.session_key} {client}"
            key = f"session-seen:{hashlib.sha256(seen.encode()).hexdigest()}"
            if cache.add(key, True, TRACK_EVERY):  # absent: not recorded in the last minute
                UserSession.objects.create_from_request(request)
        return self.get_response(request)
