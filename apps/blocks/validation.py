"""Whole-document validation for pages and blocks, with errors that say where.

Write paths (editor, admin, API, import) call `clean_pages`, which refuses unknown types and
fields. Read paths skip blocks they cannot render instead of failing the page.

An editor operation changes one block of a document that was validated when it was stored, and
holds the row lock meanwhile: it passes `changed` to validate that block fully, and the pages,
counts and ids of the whole document, keeping every other block as it was stored instead of
validating each block's data again.
"""

import re
import uuid

from django.core.exceptions import ValidationError

from apps.core.slugs import SLUG

from . import registry
from .fields import hex_id

HEX_ID = re.compile(r"[0-9a-f]{32}")
MAX_PAGES = 20
MAX_BLOCKS_PER_PAGE = 300
PAGE_KEYS = {"id", "slug", "title", "rev", "blocks"}
BLOCK_KEYS = {"id", "type", "rev", "data"}


class DocumentError(ValidationError):
    def __init__(self, position: str, message: str):
        super().__init__(f"{position}: {message}", code="invalid_document")
        self.position, self.detail = position, message


def clean_pages(pages, *, changed: set[str] | None = None) -> list[dict]:
    """The cleaned document. With `changed` (block ids), only those blocks are validated; the
    others are trusted as stored (see the module docstring)."""
    if not isinstance(pages, list):
        raise DocumentError("pages", "must be a list of pages.")
    if not pages:
        raise DocumentError("pages", "a portfolio needs at least one page.")
    if len(pages) > MAX_PAGES:
        raise DocumentError("pages", f"at most {MAX_PAGES} pages.")
    cleaned, slugs, ids = [], set(), set()
    for index, page in enumerate(pages):
        where = f"pages[{index}]"
        page = _clean_page(page, where, changed)
        if page["slug"] in slugs:
            raise DocumentError(f"{where}.slug", f"“{page['slug']}” is used by another page.")
        if page["id"] in ids:
            raise DocumentError(f"{where}.id", "is used by another page.")
        slugs.add(page["slug"])
        ids.add(page["id"])
        cleaned.append(page)
    block_ids = [b["id"] for p in cleaned for b in p["blocks"]]
    if len(block_ids) != len(set(block_ids)):
        raise DocumentError("pages", "two blocks share an id.")
    return cleaned


def _clean_page(page, where: str, changed: set[str] | None) -> dict:
    if not isinstance(page, dict):
        raise DocumentError(where, "must be an object.")
    unknown = set(page) - PAGE_KEYS
    if unknown:
        raise DocumentError(f"{where}.{sorted(unknown)[0]}", "is not a page field.")
    title = page.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 80:
        raise DocumentError(f"{where}.title", "must be text of 1 to 80 characters.")
    slug = page.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 50:
        raise DocumentError(
            f"{where}.slug", "use lowercase letters, digits and hyphens (at most 50)."
        )
    return {
        "id": _clean_id(page.get("id"), f"{where}.id"),
        "slug": slug,
        "title": title.strip(),
        "rev": _clean_rev(page.get("rev", 1), f"{where}.rev"),
        "blocks": clean_blocks(page.get("blocks", []), f"{where}.blocks", changed),
    }


def clean_blocks(blocks, where: str = "blocks", changed: set[str] | None = None) -> list[dict]:
    if not isinstance(blocks, list):
        raise DocumentError(where, "must be a list of blocks.")
    if len(blocks) > MAX_BLOCKS_PER_PAGE:
        raise DocumentError(where, f"at most {MAX_BLOCKS_PER_PAGE} blocks on a page.")
    return [
        block if _stored(block, changed) else clean_block(block, f"{where}[{i}]")
        for i, block in enumerate(blocks)
    ]


def _stored(block, changed: set[str] | None) -> bool:
    return changed is not None and isinstance(block, dict) and block.get("id") not in changed


def clean_block(block, where: str = "block") -> dict:
    if not isinstance(block, dict):
        raise DocumentError(where, "must be an object.")
    unknown = set(block) - BLOCK_KEYS
    if unknown:
        raise DocumentError(f"{where}.{sorted(unknown)[0]}", "is not a block field.")
    try:
        block_type = registry.get(block.get("type"))
    except ValidationError as exc:
        raise DocumentError(f"{where}.type", exc.messages[0]) from None
    rev = _clean_rev(block.get("rev", 1), f"{where}.rev")
    try:
        data = block_type.clean(block.get("data", {}))
    except ValidationError as exc:
        raise DocumentError(f"{where}.data", exc.messages[0]) from None
    return {
        "id": _clean_id(block.get("id"), f"{where}.id"),
        "type": block_type.name,
        "rev": rev,
        "data": data,
    }


def readable_blocks(blocks: list[dict]) -> list[dict]:
    """Blocks a reader can render: unknown types (say, from a newer version) are skipped."""
    return [b for b in blocks if isinstance(b, dict) and b.get("type") in registry.BLOCK_TYPES]


def _clean_rev(rev, where: str) -> int:
    if not isinstance(rev, int) or isinstance(rev, bool) or not 1 <= rev < 2**31:
        raise DocumentError(where, "must be a positive whole number.")
    return rev


def _clean_id(value, where: str) -> str:
    if isinstance(value, str) and HEX_ID.fullmatch(value):  # as stored: no need to parse it
        return value
    try:
        return hex_id(value)
    except ValidationError:
        raise DocumentError(where, "must be an id.") from None


def new_id() -> str:
    return uuid.uuid4().hex
