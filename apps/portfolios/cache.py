"""Rendered public pages, cached per portfolio address until the next publish or change."""

from django.core.cache import cache

TIMEOUT = 60 * 60 * 24


def key(slug: str, page_slug: str) -> str:
    return f"public-page:{slug}:{page_slug or '-'}"


def index_key(slug: str) -> str:
    return f"public-pages:{slug}"


def get(slug: str, page_slug: str) -> dict | None:
    return cache.get(key(slug, page_slug))


def put(slug: str, page_slug: str, entry: dict) -> None:
    cache.set(key(slug, page_slug), entry, TIMEOUT)
    pages = cache.get(index_key(slug)) or []
    if page_slug not in pages:
        cache.set(index_key(slug), [*pages, page_slug], TIMEOUT)


def forget(slug: str) -> None:
    """Drop every cached page of an address (publish, unpublish, visibility, slug changes)."""
    pages = cache.get(index_key(slug)) or []
    cache.delete_many([key(slug, p) for p in pages] + [index_key(slug)])
