"""The contact form on public pages, which set no cookies and may be served from a cache.

Instead of a CSRF cookie: a signed timestamp token in the form (made when the page was
rendered), a honeypot field people never see, and a per-IP rate limit kept in the cache (the
address only as a keyed hash, and only there). A submission faster than MIN_SECONDS after the
page was rendered, or with the honeypot filled, is dropped without a word: the sender sees
the same thanks as everyone.

Why no CSRF protection is needed here: CSRF protects a signed-in person's authority from being
used by another site. This form acts on no one's authority — anyone may send a message, the
visitor's session is never read — so a forged submission can do nothing a direct one cannot;
the rate limit and the size caps bound both.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "audience.contact"
MIN_SECONDS = 3  # people take longer than this to type a message
MAX_AGE = 60 * 60 * 24 * 7  # a cached page lives a day at most; a tab may stay open longer
RATE = 5  # messages per address per hour
MAX_BODY = 16 * 1024  # bytes of the whole POST; the form's caps are smaller


def new_token() -> str:
    return signing.dumps(int(time.time()), salt=SALT)


def token_age(token: str) -> float | None:
    """Seconds since the token was made, or None when it is forged or too old."""
    try:
        made = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    return time.time() - made if isinstance(made, int) else None


def over_rate(ip: str, *, scope: str = "contact", limit: int = RATE, window: int = 3600) -> bool:
    """Count one submission from this address; True once it has sent `limit` in this
    `window` (seconds). Other public forms (the portfolio chat) count under their own scope."""
    keyed = hashlib.sha256(f"{settings.SECRET_KEY}|{ip}".encode()).hexdigest()[:32]
    return over_count(f"{scope}-rate:{keyed}", limit, window)


def over_count(subject: str, limit: int, window: int) -> bool:
    """Count one use of `subject` in the cache's current fixed window of `window` seconds;
    True once it is past `limit`."""
    key = f"{subject}:{int(time.time()) // window}"
    cache.add(key, 0, window)
    try:
        return cache.incr(key) > limit
    except ValueError:
        return False
