"""Every block type, listed explicitly. Renaming a type or a field needs a data migration.

A new type is its module in `types/`, its template in `templates/blocks/` and one line below:
everything else (rendering, the editor's pickers, "where used", the static export, the CSP)
reads the type's declarations through the functions at the end of this module.
"""

from collections.abc import Iterator

from django.core.exceptions import ValidationError

from .base import BlockType, LibraryKind
from .types import (
    about,
    case_study,
    contact,
    cta,
    divider,
    education,
    experience,
    gallery,
    hero,
    links,
    projects,
    resume,
    rich_text,
    skills,
    stats,
    testimonials,
    video,
)

BLOCK_TYPES: dict[str, BlockType] = {
    module.block.name: module.block
    for module in (
        hero,
        about,
        rich_text,
        projects,
        case_study,
        skills,
        experience,
        education,
        testimonials,
        gallery,
        stats,
        links,
        contact,
        cta,
        video,
        resume,
        divider,
    )
}


def get(name: str) -> BlockType:
    try:
        return BLOCK_TYPES[name]
    except (KeyError, TypeError):
        raise ValidationError(f"Unknown block type: {name!r}.", code="unknown_type") from None


def blocks_in(pages: list[dict]) -> Iterator[tuple[BlockType, dict]]:
    """Each block of a document with its type; blocks of unknown types are skipped, as on read."""
    for page in pages:
        for block in page.get("blocks", ()):
            name = block.get("type") if isinstance(block, dict) else None
            if isinstance(name, str) and name in BLOCK_TYPES:
                yield BLOCK_TYPES[name], block


def asset_ids(pages: list[dict]) -> set[str]:
    """Every asset id a document's blocks declare (hex, as stored)."""
    return {i for kind, block in blocks_in(pages) for i in kind.asset_ids(block["data"])}


def kinds() -> dict[str, LibraryKind]:
    """The library kinds block types bring with them."""
    return {name: kind for block in BLOCK_TYPES.values() for name, kind in block.kinds.items()}


def library_kinds(pages: list[dict]) -> set[str]:
    """The library kinds a document's blocks show ("projects", "skills", …)."""
    return {library for kind, _ in blocks_in(pages) for library in kind.library}
