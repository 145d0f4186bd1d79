"""Addresses made of words: one pattern for every slug (portfolio, resume and page addresses),
the words none may take, and one way to make a free one from a title."""

import re
import unicodedata
from collections.abc import Container

from django.core.exceptions import ValidationError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_HELP = "Use lowercase letters, digits and hyphens, e.g. case-studies."
# Addresses people choose for what they publish (/p/…, /r/…) never take these words.
RESERVED_SLUGS = {
    "about",
    "accounts",
    "admin",
    "api",
    "app",
    "assets",
    "blog",
    "dashboard",
    "docs",
    "edit",
    "healthz",
    "help",
    "library",
    "login",
    "logout",
    "media",
    "new",
    "p",
    "portfolios",
    "r",
    "resumes",
    "robots",
    "settings",
    "signup",
    "sitemap",
    "static",
    "support",
    "www",
}


def validate_slug(value: str) -> None:
    if not 3 <= len(value) <= 50 or not SLUG.match(value):
        raise ValidationError(
            "Use 3–50 lowercase letters, digits and hyphens, e.g. ada-lovelace.", code="slug"
        )
    if value in RESERVED_SLUGS:
        raise ValidationError("That address is reserved. Choose another.", code="reserved")


def slugify(text: str, max_length: int) -> str:
    """Zoë Çelik → zoe-celik: letters lose their accents rather than drop out."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:max_length].strip("-")


def free_address(text: str, *, fallback: str, suffix: str, taken) -> str:
    """A free, valid address made from a name: ada-lovelace, then ada-lovelace-2, …
    `taken(base)` gives the addresses in use (or kept as redirects) that start with `base`."""
    base = slugify(text, 44) or fallback
    if len(base) < 3 or base in RESERVED_SLUGS:
        base = f"{base}-{suffix}".strip("-")
    return unique_slug(base, taken(base))


def unique_slug(base: str, taken: Container[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not taken."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
