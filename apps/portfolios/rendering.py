"""Turning a portfolio document into HTML.

`resolve()` gathers everything blocks show from the library and the asset library in one bulk
query per kind, as plain JSON: publishing freezes it into the revision, so public pages render
from the snapshot alone. `render_page()` works from such a snapshot and never touches the database.
"""

import base64
import hashlib
from collections import defaultdict

from django.template.loader import render_to_string
from django.utils.formats import date_format

from apps.assets.models import Asset
from apps.blocks import registry
from apps.blocks.fields import video_embed
from apps.blocks.types.links import PLATFORMS
from apps.blocks.validation import readable_blocks
from apps.core.richtext import sanitize
from apps.library.models import Education, Experience, Project, Skill

from . import design as designs


def resolve(owner, pages: list[dict]) -> dict:
    blocks = [b for page in pages for b in readable_blocks(page["blocks"])]
    types = {b["type"] for b in blocks}
    wanted_assets = {i for b in blocks for i in registry.get(b["type"]).asset_ids(b["data"])}
    projects = {}
    if types & {"projects", "case_study"}:
        for project in Project.objects.filter(owner=owner).order_by("position", "-created_at"):
            projects[project.pk.hex] = project
            wanted_assets.update(str(i) for i in [project.cover_id, *project.images] if i)
    assets = {
        a.pk.hex: _asset(a)
        for a in Asset.objects.filter(
            owner=owner, pk__in=[i for i in wanted_assets | _avatar(owner) if i]
        )
    }
    return {
        "profile": _profile(owner, assets),
        "assets": assets,
        "projects": {pk: _project(p, assets) for pk, p in projects.items()},
        "skills": [_skill(s) for s in Skill.objects.filter(owner=owner)]
        if "skills" in types
        else [],
        "experiences": [_experience(e) for e in Experience.objects.filter(owner=owner)]
        if "experience" in types
        else [],
        "educations": [_education(e) for e in Education.objects.filter(owner=owner)]
        if "education" in types
        else [],
    }


def snapshot(portfolio) -> dict:
    """Everything a public page needs, frozen: draft, design, resolved library, SEO."""
    library = resolve(portfolio.owner, portfolio.pages)
    og = library["assets"].get(portfolio.og_image_id.hex) if portfolio.og_image_id else None
    return {
        "title": portfolio.title,
        "pages": portfolio.pages,
        "design": portfolio.design,
        "library": library,
        "seo": {
            "title": portfolio.seo_title or portfolio.title,
            "description": portfolio.seo_description or library["profile"]["title"],
            "image": og,
        },
    }


def render_page(
    snap: dict,
    page_slug: str,
    *,
    base_url: str,
    origin: str = "",
    preview: bool = False,
    noindex: bool = False,
) -> tuple[str, dict] | None:
    """(html, csp additions) for one page of a snapshot, or None when there is no such page."""
    pages = snap["pages"]
    page = next((p for p in pages if p["slug"] == page_slug), None) if page_slug else pages[0]
    if page is None:
        return None
    library = snap["library"]
    items = [_block_item(b, library) for b in readable_blocks(page["blocks"])]
    css = theme_css(snap["design"])
    context = {
        "snap": snap,
        "page": page,
        "is_home": page is pages[0],
        "nav": [
            {"title": p["title"], "url": _page_url(base_url, p, pages), "current": p is page}
            for p in pages
        ],
        "items": items,
        "profile": library["profile"],
        "theme_css": css,
        "fonts": designs.first_paint_fonts(snap["design"]),
        "design": snap["design"],
        "base_url": base_url,
        "origin": origin,
        "preview": preview,
        "noindex": noindex or preview,
    }
    html = render_to_string("portfolios/site/page.html", context)
    csp = {"style-src": [f"'sha256-{_b64_sha256(css)}'"]}
    if any(item["block"]["type"] == "video" for item in items):
        csp["frame-src"] = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
    return html, csp


def theme_css(design: dict) -> str:
    """The theme's tokens as CSS custom properties: every value comes from an allowlist."""

    def declarations(scheme: str) -> str:
        return "".join(f"{k}:{v};" for k, v in designs.tokens(design, scheme).items())

    light, dark = declarations("light"), declarations("dark")
    if design["mode"] == "light":
        return f":root{{{light}color-scheme:light}}"
    if design["mode"] == "dark":
        return f":root{{{dark}color-scheme:dark}}"
    return (
        f":root{{{light}color-scheme:light dark}}"
        f"@media (prefers-color-scheme:dark){{:root{{{dark}}}}}"
    )


def _b64_sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def _page_url(base_url: str, page: dict, pages: list[dict]) -> str:
    return base_url if page is pages[0] else f"{base_url}{page['slug']}/"


def _block_item(block: dict, lib: dict) -> dict:
    data, kind = block["data"], block["type"]
    extra: dict = {}
    assets = lib["assets"]
    if kind in {"hero", "about"}:
        extra["image"] = assets.get(_hex(data.get("image")))
    elif kind == "gallery":
        extra["images"] = [assets[i] for i in map(_hex, data["images"]) if i in assets]
    elif kind == "projects":
        chosen = [lib["projects"][i] for i in map(_hex, data["items"]) if i in lib["projects"]]
        extra["projects"] = chosen or [p for p in lib["projects"].values() if p["featured"]]
    elif kind == "case_study":
        extra["project"] = lib["projects"].get(_hex(data["project"]))
    elif kind == "skills":
        groups = defaultdict(list)
        for skill in lib["skills"]:
            groups[skill["category_label"]].append(skill)
        extra["groups"] = [{"label": k, "skills": v} for k, v in groups.items()]
    elif kind in {"experience", "education"}:
        everything = lib["experiences" if kind == "experience" else "educations"]
        chosen = {_hex(i) for i in data["items"]}
        extra["entries"] = [e for e in everything if not chosen or e["id"] in chosen]
    elif kind == "links":
        extra["links"] = [{**item, "label": PLATFORMS[item["platform"]]} for item in data["items"]]
    elif kind == "video":
        extra["embed"] = video_embed(data["url"])
    return {"block": block, "data": data, "template": f"blocks/{kind}.html#view", **extra}


def _hex(value) -> str:
    return value.replace("-", "") if isinstance(value, str) else ""


def _avatar(owner) -> set[str]:
    return {str(owner.avatar_id)} if owner.avatar_id else set()


def _asset(asset: Asset) -> dict:
    return {
        "id": asset.pk.hex,
        "url": asset.url,
        "thumb": asset.thumb_url,
        "webp_srcset": asset.webp_srcset,
        "fallback_srcset": asset.fallback_srcset,
        "width": asset.width,
        "height": asset.height,
        "alt": asset.alt_text,
    }


def _profile(owner, assets: dict) -> dict:
    return {
        "name": owner.name or owner.email.split("@")[0],
        "title": owner.title,
        "bio": owner.bio,
        "avatar": assets.get(owner.avatar_id.hex) if owner.avatar_id else None,
    }


def _month(value) -> str:
    return date_format(value, "M Y") if value else ""


def _project(p: Project, assets: dict) -> dict:
    return {
        "id": p.pk.hex,
        "title": p.title,
        "summary": p.summary,
        "description": sanitize(p.description),
        "cover": assets.get(p.cover_id.hex) if p.cover_id else None,
        "images": [assets[i] for i in map(_hex, p.images) if i in assets],
        "technologies": list(p.technologies),
        "live_url": p.live_url,
        "repo_url": p.repo_url,
        "case_study_url": p.case_study_url,
        "start": _month(p.start_date),
        "end": _month(p.end_date),
        "featured": p.featured,
    }


def _skill(s: Skill) -> dict:
    return {
        "name": s.name,
        "category": s.category,
        "category_label": s.get_category_display(),
        "level": s.level,
        "level_label": s.get_level_display() if s.level else "",
    }


def _experience(e: Experience) -> dict:
    return {
        "id": e.pk.hex,
        "company": e.company,
        "role": e.role,
        "location": e.location,
        "start": _month(e.start_date),
        "end": "Present" if e.current else _month(e.end_date),
        "highlights": list(e.highlights),
        "technologies": list(e.technologies),
    }


def _education(e: Education) -> dict:
    return {
        "id": e.pk.hex,
        "school": e.school,
        "degree": e.degree,
        "field": e.field,
        "start": _month(e.start_date),
        "end": _month(e.end_date),
        "notes": e.notes,
    }
