"""Rendered public pages, cached so that no page can outlive a change to what it shows.

Every address (a portfolio's slug) has a version in the shared cache: a random token that each
change to what the address shows replaces once the change is committed (`forget`: publish,
unpublish, visibility, slug change, deleting the portfolio or its owner). A rendered page is
stored under its own key *with the version it was rendered at*, and is served only while that
is still the address's version. So nothing has to be found and deleted — there is no index of
pages to lose an entry from — and one small write makes every page of an address stale at once.

Why a render cannot store a stale page under a current version: a cold request reads the
version before it reads the database (`get` runs before the view's query), and a change
replaces the version after its commit. A render that read the database before a commit carries
the version from before it, which that commit's `forget` has already replaced (or is about to).

One round trip on a warm request (the version and the page come in one MGET); two on a cold
one (that MGET, then the store), three the very first time an address is seen.

Each worker also keeps pages it found current in the shared cache for LOCAL_SECONDS (2 s) in
memory, which saves the round trip on busy pages. A change clears this process's copies at
once; other workers notice within LOCAL_SECONDS — well inside the 60 s that public responses
already allow browsers and shared caches to reuse a page (views.public.PUBLIC_CACHE_CONTROL).
"""

import uuid
from time import monotonic

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 60 * 60 * 24  # unused pages fall out after a day; correctness never depends on it
LOCAL_SECONDS = 2
LOCAL_MAX = 512
_local: dict[str, tuple[float, dict]] = {}


def version_key(slug: str) -> str:
    return f"public-version:{slug}"


def page_key(slug: str, page_slug: str, origin: str) -> str:
    # The origin is part of the page: canonical and og:url links are absolute.
    return f"public-page:{slug}:{page_slug or '-'}:{origin}"


def get(slug: str, page_slug: str, origin: str) -> tuple[dict | None, str | None]:
    """(the cached page or None, the version a fresh render must be stored with).

    Call it before reading the database. The version is None when a fresh render must not be
    stored (another request created the address's version at the same moment)."""
    key = page_key(slug, page_slug, origin)
    hit = _local.get(key)
    if hit and hit[0] > monotonic():
        return hit[1], None
    found = cache.get_many([version_key(slug), key])
    version, entry = found.get(version_key(slug)), found.get(key)
    if version is None:  # first visit (or evicted): start a version; every stored page is stale
        version = uuid.uuid4().hex
        if not cache.add(version_key(slug), version, None):
            return None, None
        return None, version
    if entry is None or entry["version"] != version:
        return None, version
    _remember(key, entry)
    return entry, None


def put(slug: str, page_slug: str, origin: str, version: str | None, entry: dict) -> None:
    if version is None:
        return
    cache.set(page_key(slug, page_slug, origin), {**entry, "version": version}, TIMEOUT)


def forget(slug: str) -> None:
    """Make every cached page of an address stale, now and again when the transaction commits.

    Now, so this process and anything reading inside the transaction see the change; after the
    commit, because a render that read the database before the commit may have stored its page
    under the version set now (see the module docstring)."""
    _new_version(slug)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _new_version(slug), robust=True)


def clear_local() -> None:
    _local.clear()


def _new_version(slug: str) -> None:
    cache.set(version_key(slug), uuid.uuid4().hex, None)
    prefix = f"public-page:{slug}:"
    for key in [k for k in _local if k.startswith(prefix)]:
        _local.pop(key, None)


def _remember(key: str, entry: dict) -> None:
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[key] = (monotonic() + LOCAL_SECONDS, entry)
