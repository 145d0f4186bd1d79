"""Turning a portfolio document into HTML.

`resolve()` gathers everything blocks show from the library and the asset library in one bulk
query per kind, as plain JSON: publishing freezes it into the revision, so public pages render
from the snapshot alone. `render_page()` works from such a snapshot and never touches the database.
"""

import base64
import hashlib
from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils.formats import date_format

from apps.assets.models import Asset
from apps.blocks import registry
from apps.blocks.base import LibraryKind
from apps.blocks.validation import readable_blocks
from apps.core.richtext import sanitize
from apps.library.models import Education, Experience, Project, Skill

from . import design as designs


def resolve(owner, pages: list[dict], also_assets: Iterable[str] = ()) -> dict:
    """What the blocks of `pages` show from elsewhere, as the types declare it: each library
    kind some block shows (one query per kind) and every asset they or those items name (one
    query), only ever the owner's. Shaped for `BlockType.get_context`."""
    kinds = registry.library_kinds(pages)
    every = library()
    rows = {
        name: list(kind.model.objects.filter(owner=owner)) if name in kinds else []
        for name, kind in every.items()
    }
    wanted = registry.asset_ids(pages) | set(also_assets)
    for name, kind in every.items():
        wanted.update(i for row in rows[name] for i in kind.asset_ids(row))
    if owner.avatar_id:
        wanted.add(owner.avatar_id.hex)
    assets = {a.pk.hex: _asset(a) for a in Asset.objects.filter(owner=owner, pk__in=wanted)}
    resolved = {"profile": _profile(owner, assets), "assets": assets}
    for name, kind in every.items():
        items = [kind.as_json(row, assets) for row in rows[name]]
        resolved[name] = {item["id"]: item for item in items} if kind.by_id else items
    return resolved


def snapshot(portfolio) -> dict:
    """Everything a public page needs, frozen: draft, design, resolved library, SEO."""
    og_id = portfolio.og_image_id.hex if portfolio.og_image_id else ""
    library = resolve(portfolio.owner, portfolio.pages, also_assets=[og_id] if og_id else [])
    og = library["assets"].get(og_id)
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
    beacon_url: str = "",
    contact_url: str = "",
    chat_url: str = "",
) -> tuple[str, dict] | None:
    """(html, csp additions) for one page of a snapshot, or None when there is no such page.

    `beacon_url` counts the view (apps/audience/counting.py); `contact_url` is where contact
    blocks that show a form send it (without it they show the address only); `chat_url`, where
    the "Ask about my work" form sends questions (without it there is no such form)."""
    pages = snap["pages"]
    page = next((p for p in pages if p["slug"] == page_slug), None) if page_slug else pages[0]
    if page is None:
        return None
    library = snap["library"]
    blocks = readable_blocks(page["blocks"])
    items = [_block_item(b, library) for b in blocks]
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
        "beacon_url": beacon_url,
        "contact_url": contact_url,
        "chat_url": chat_url,
    }
    html = render_to_string("portfolios/site/page.html", context)
    csp = {"style-src": [f"'sha256-{_b64_sha256(css)}'"]}
    for name in dict.fromkeys(b["type"] for b in blocks):  # what the types on it declare
        for directive, sources in registry.get(name).csp.items():
            allowed = csp.setdefault(directive, [])
            allowed += [source for source in sources if source not in allowed]
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


def _block_item(block: dict, resolved: dict) -> dict:
    kind = registry.get(block["type"])
    data = block["data"]
    return {
        "block": block,
        "data": data,
        "template": f"{kind.template}#view",
        **kind.get_context(data, resolved),
    }


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
        "name": owner.name,  # never any part of the sign-in address
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
        "images": [assets[i] for i in p.images if i in assets],
        "technologies": list(p.technologies),
        "live_url": p.live_url,
        "repo_url": p.repo_url,
        "case_study_url": p.case_study_url,
        "start": _month(p.start_date),
        "end": _month(p.end_date),
        "featured": p.featured,
    }


def _skill(s: Skill, assets: dict) -> dict:
    return {
        "name": s.name,
        "category": s.category,
        "category_label": s.get_category_display(),
        "level": s.level,
        "level_label": s.get_level_display() if s.level else "",
    }


def _experience(e: Experience, assets: dict) -> dict:
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


def _education(e: Education, assets: dict) -> dict:
    return {
        "id": e.pk.hex,
        "school": e.school,
        "degree": e.degree,
        "field": e.field,
        "start": _month(e.start_date),
        "end": _month(e.end_date),
        "notes": e.notes,
    }


# The library's own kinds. Block types may bring more (`BlockType.kinds`, e.g. resumes).
LIBRARY: dict[str, LibraryKind] = {
    "projects": LibraryKind(
        Project,
        _project,
        by_id=True,
        asset_ids=lambda p: [p.cover_id.hex, *p.images] if p.cover_id else list(p.images),
    ),
    "skills": LibraryKind(Skill, _skill),
    "experiences": LibraryKind(Experience, _experience),
    "educations": LibraryKind(Education, _education),
}


def library() -> dict[str, LibraryKind]:
    """Every kind blocks may show: the library's and the ones block types bring."""
    return {**LIBRARY, **registry.kinds()}
