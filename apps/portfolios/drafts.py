"""A complete first draft built from the person's profile and library. Deterministic: the same
library gives the same draft (apart from fresh ids)."""

from apps.blocks import registry
from apps.blocks.validation import new_id
from apps.library.models import Education, Experience, Project, Skill


def library_draft(owner, *, role: str = "") -> list[dict]:
    blocks = [
        _block(
            "hero",
            heading=owner.name or "Hello",
            subheading=owner.title or role,
            image=str(owner.avatar_id) if owner.avatar_id else "",
            cta_label="Get in touch",
            cta_url=f"mailto:{owner.email}",
        )
    ]
    if owner.bio:
        paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in owner.bio.split("\n") if p.strip())
        blocks.append(_block("about", body=paragraphs))
    projects = list(
        Project.objects.filter(owner=owner)
        .order_by("position", "-created_at")
        .values_list("pk", "featured")
    )
    if projects:
        featured = [str(pk) for pk, is_featured in projects if is_featured]
        blocks.append(_block("projects", items=featured or [str(pk) for pk, _ in projects[:6]]))
    if Skill.objects.filter(owner=owner).exists():
        blocks.append(_block("skills"))
    if Experience.objects.filter(owner=owner).exists():
        blocks.append(_block("experience"))
    if Education.objects.filter(owner=owner).exists():
        blocks.append(_block("education"))
    blocks.append(_block("contact", email=owner.email))
    return [{"id": new_id(), "slug": "home", "title": "Home", "blocks": blocks}]


def _block(kind: str, **data) -> dict:
    return {
        "id": new_id(),
        "type": kind,
        "rev": 1,
        "data": {**registry.get(kind).default_data(), **data},
    }


def _escape(text: str) -> str:
    from django.utils.html import escape

    return escape(text.strip())
