"""Every block type, listed explicitly. Renaming a type or a field needs a data migration."""

from django.core.exceptions import ValidationError

from .base import BlockType
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
        divider,
    )
}


def get(name: str) -> BlockType:
    try:
        return BLOCK_TYPES[name]
    except (KeyError, TypeError):
        raise ValidationError(f"Unknown block type: {name!r}.", code="unknown_type") from None
