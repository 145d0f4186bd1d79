"""A complete first draft built from the person's profile and library. Deterministic: the same
library gives the same draft (apart from fresh ids)."""

from apps.blocks import registry
from apps.blocks.validation import new_id
from apps.library.models import Education, Experience, Project, Skill


def library_draft(owner, *, role: str = "", show_email: bool = False) -> list[dict]:
    """The sign-in address appears (as a button and a contact section) only when asked for."""
    contact = {"cta_label": "Get in touch", "cta_url": f"mailto:{owner.email}"}
    blocks = [
        _block(
            "hero",
            heading=owner.name or "Hello",
            subheading=owner.title or role,
            image=str(owner.avatar_id) if owner.avatar_id else "",
            **(contact if show_email else {}),
        )
    ]
    if owner.bio:
        paragraphs = "".join(f"<p>{_escape(p)}</p>" for p in owner.bio.split("\n") if p.strip())
        blocks.append(_block("about", body=paragraphs))
    # Every project, featured first, chosen by id: the block form lists them all, so what the
    # site shows is visible and nothing is left out silently.
    projects = Project.objects.filter(owner=owner).order_by("-featured", "position", "-created_at")
    limit = registry.get("projects").form_class.base_fields["items"].max_items
    if ids := [str(pk) for pk in projects.values_list("pk", flat=True)[:limit]]:
        blocks.append(_block("projects", items=ids))
    if Skill.objects.filter(owner=owner).exists():
        blocks.append(_block("skills"))
    if Experience.objects.filter(owner=owner).exists():
        blocks.append(_block("experience"))
    if Education.objects.filter(owner=owner).exists():
        blocks.append(_block("education"))
    if show_email:
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
