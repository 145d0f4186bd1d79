"""Published pages (/p/<slug>/, /r/<slug>/): cached so that no page can outlive a change to
what it shows, and answered compressed, with an ETag, cacheable by anyone.

Every address ("p/ada-lovelace", "r/ada-lovelace") has a version in the shared cache: a random
token that each change to what the address shows replaces once the change is committed
(`forget`: publish, unpublish, visibility, address change, deleting it or its owner). A
rendered page is stored under its own key *with the version it was rendered at*, and is served
only while that is still the address's version. So nothing has to be found and deleted —
there is no index of pages to lose an entry from — and one small write makes every page of an
address stale at once.

Why a render cannot store a stale page under a current version: a cold request reads the
version before it reads the database (`get` runs before the view's query), and a change
replaces the version after its commit. A render that read the database before a commit carries
the version from before it, which that commit's `forget` has already replaced (or is about to).

One round trip on a warm request (the version and the page come in one MGET); two on a cold
one (that MGET, then the store), three the very first time an address is seen.

Each worker also keeps pages it found current in the shared cache for LOCAL_SECONDS (2 s) in
memory, which saves the round trip on busy pages. A change clears this process's copies at
once; other workers notice within LOCAL_SECONDS — well inside the 60 s that public responses
already allow browsers and shared caches to reuse a page (PUBLIC_CACHE_CONTROL).

Published pages set no cookies and carry no CSRF token or personal data, so any shared cache may
keep them, they are safe to compress (no secret for a BREACH-style attack to guess), and ETags
let browsers revalidate for free.
"""

import gzip
import hashlib
import re
import uuid
from time import monotonic

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import csp

TIMEOUT = 60 * 60 * 24  # unused pages fall out after a day; correctness never depends on it
LOCAL_SECONDS = 2
LOCAL_MAX = 512
_local: dict[str, tuple[float, dict]] = {}


# Browsers and shared caches (deploy/nginx.conf) may reuse a page for 60 s, then revalidate
# with its ETag. No stale-while-revalidate: a page made private must be gone within those 60 s.
PUBLIC_CACHE_CONTROL = {"public": True, "max_age": 60}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def version_key(address: str) -> str:
    return f"public-version:{address}"


def page_key(address: str, page_slug: str, origin: str) -> str:
    # The origin is part of the page: canonical and og:url links are absolute.
    return f"public-page:{address}:{page_slug or '-'}:{origin}"


def get(address: str, page_slug: str, origin: str) -> tuple[dict | None, str | None]:
    """(the cached page or None, the version a fresh render must be stored with).

    Call it before reading the database. The version is None when a fresh render must not be
    stored (another request created the address's version at the same moment)."""
    key = page_key(address, page_slug, origin)
    hit = _local.get(key)
    if hit and hit[0] > monotonic():
        return hit[1], None
    found = cache.get_many([version_key(address), key])
    version, entry = found.get(version_key(address)), found.get(key)
    if version is None:  # first visit (or evicted): start a version; every stored page is stale
        version = uuid.uuid4().hex
        if not cache.add(version_key(address), version, None):
            return None, None
        return None, version
    if entry is None or entry["version"] != version:
        return None, version
    _remember(key, entry)
    return entry, None


def put(address: str, page_slug: str, origin: str, version: str | None, entry: dict) -> None:
    if version is None:
        return
    # Only the compressed page goes to the shared cache: an eighth of the bytes to move.
    entry = {**entry, "html": None, "version": version}
    cache.set(page_key(address, page_slug, origin), entry, TIMEOUT)


def forget(address: str) -> None:
    """Make every cached page of an address stale, now and again when the transaction commits.

    Now, so this process and anything reading inside the transaction see the change; after the
    commit, because a render that read the database before the commit may have stored its page
    under the version set now (see the module docstring)."""
    _new_version(address)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _new_version(address), robust=True)


def clear_local() -> None:
    _local.clear()


def _new_version(address: str) -> None:
    cache.set(version_key(address), uuid.uuid4().hex, None)
    prefix = f"public-page:{address}:"
    for key in [k for k in _local if k.startswith(prefix)]:
        _local.pop(key, None)


def _remember(key: str, entry: dict) -> None:
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[key] = (monotonic() + LOCAL_SECONDS, entry)


def entry(html: str, csp_additions: dict, *, noindex: bool) -> dict:
    """A rendered page as it is cached and answered."""
    body = html.encode()
    return {
        "html": body,
        # Compressed once, when cached (level 4: within 5% of the smallest, at half the cost).
        "gzip": gzip.compress(body, compresslevel=4, mtime=0),
        "csp": csp_additions,
        "noindex": noindex,
        # Weak: the plain and the gzipped body are the same page, byte-different.
        "etag": f'W/"{hashlib.sha256(body).hexdigest()[:32]}"',
    }


def respond(request: HttpRequest, entry: dict) -> HttpResponse:
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(entry["gzip"])
        response["Content-Encoding"] = "gzip"
    else:  # rare (browsers all take gzip): inflate once; the entry is this worker's copy
        if entry["html"] is None:
            entry["html"] = gzip.decompress(entry["gzip"])
        response = HttpResponse(entry["html"])
    patch_vary_headers(response, ["Accept-Encoding"])
    response["ETag"] = entry["etag"]
    patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
    csp.extend(response, entry["csp"])
    if entry["noindex"]:
        response["X-Robots-Tag"] = "noindex"
    return get_conditional_response(request, etag=entry["etag"], response=response)
