"""Rendered public pages, cached per portfolio address until the next publish or change.

Two layers: the shared cache (Redis in production) holds every rendered page until it is
invalidated; each worker process also keeps what it served in memory for a few seconds, which
saves a network round trip on busy pages. Invalidation clears this process's memory at once and
other processes' within LOCAL_SECONDS — well inside the 60 s that public responses already allow
browsers and CDNs to reuse a page.
"""

import time

from django.core.cache import cache

TIMEOUT = 60 * 60 * 24
LOCAL_SECONDS = 5
LOCAL_MAX = 512
_local: dict[str, tuple[float, dict]] = {}


def key(slug: str, page_slug: str) -> str:
    return f"public-page:{slug}:{page_slug or '-'}"


def index_key(slug: str) -> str:
    return f"public-pages:{slug}"


def get(slug: str, page_slug: str) -> dict | None:
    k = key(slug, page_slug)
    hit = _local.get(k)
    if hit and hit[0] > time.monotonic():
        return hit[1]
    entry = cache.get(k)
    if entry is not None:
        _remember(k, entry)
    return entry


def put(slug: str, page_slug: str, entry: dict) -> None:
    k = key(slug, page_slug)
    cache.set(k, entry, TIMEOUT)
    _remember(k, entry)
    pages = cache.get(index_key(slug)) or []
    if page_slug not in pages:
        cache.set(index_key(slug), [*pages, page_slug], TIMEOUT)


def forget(slug: str) -> None:
    """Drop every cached page of an address (publish, unpublish, visibility, slug changes)."""
    pages = cache.get(index_key(slug)) or []
    cache.delete_many([key(slug, p) for p in pages] + [index_key(slug)])
    prefix = key(slug, "")[: -len("-")]
    for k in [k for k in _local if k.startswith(prefix)]:
        _local.pop(k, None)


def clear_local() -> None:
    _local.clear()


def _remember(k: str, entry: dict) -> None:
    if len(_local) >= LOCAL_MAX:
        _local.clear()
    _local[k] = (time.monotonic() + LOCAL_SECONDS, entry)
