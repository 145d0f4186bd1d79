"""Addresses made of words: one pattern for every slug (portfolio addresses, page addresses) and
one way to make a free one from a title."""

import re
from collections.abc import Container

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_HELP = "Use lowercase letters, digits and hyphens, e.g. case-studies."


def slugify(text: str, max_length: int) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:max_length].strip("-")


def unique_slug(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not taken."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
