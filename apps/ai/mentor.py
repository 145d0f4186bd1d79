"""The portfolio mentor's checks: what a careful reviewer would point out first, without any
model. Each finding names the block it concerns (or none, for the whole portfolio), so the
editor can link to it; the guided mode walks a new creator through them to a first publish.
"""

from dataclasses import asdict, dataclass

from apps.blocks import registry
from apps.core.colors import contrast_ratio
from apps.portfolios import design as designs
from apps.portfolios.rendering import resolve

from .facts import plain

WEAK_WORDS = 25  # fewer words than this in an about text or a project description is thin
PLACEHOLDERS = ("Hello, I’m …", "Write something…", "hello@example.com")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # "fix" (worth doing before publishing) or "tip"
    message: str
    block_id: str = ""
    page_id: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def review(portfolio) -> list[Finding]:
    """Every finding, the ones to fix first; two queries (library and assets) at most."""
    pages = portfolio.pages
    resolved = resolve(portfolio.owner, pages)
    blocks = [(page, block) for page in pages for block in page.get("blocks", [])]
    kinds = {block.get("type") for _, block in blocks}
    found: list[Finding] = []

    for name, message in (
        ("hero", "Add a hero block: your name and what you do, first thing visitors see."),
        ("about", "Add an About block: a few sentences about you and how you work."),
    ):
        if name not in kinds:
            found.append(Finding(f"missing_{name}", "fix", message))
    if not kinds & {"projects", "case_study", "gallery"}:
        found.append(
            Finding(
                "missing_work",
                "fix",
                "Show your work: add a Projects, Case study or Gallery block.",
            )
        )
    if not _has_contact(blocks, portfolio):
        found.append(
            Finding(
                "no_contact",
                "fix",
                "Visitors have no way to reach you: add a "
                "Contact or Links block, or a button linking to your email.",
            )
        )

    for page, block in blocks:
        found += _block_findings(page, block, resolved)

    palette = {**designs.THEMES[portfolio.design["theme"]]["light"], **portfolio.design["colors"]}
    ratio = contrast_ratio(palette["text"], palette["background"])
    if ratio < 4.5:
        found.append(
            Finding(
                "contrast",
                "fix",
                f"Text on the background has a contrast of "
                f"{ratio:.1f}:1; aim for at least 4.5:1 so everyone can read it.",
            )
        )
    if contrast_ratio(palette["primary"], palette["background"]) < 3:
        found.append(
            Finding(
                "contrast_primary",
                "tip",
                "Links and buttons in your primary "
                "colour are hard to see on the background (under 3:1).",
            )
        )
    if not portfolio.seo_description:
        found.append(
            Finding(
                "seo_description",
                "tip",
                "Add a search description in Settings: "
                "it is the text under your link in search results.",
            )
        )
    return sorted(found, key=lambda f: f.severity != "fix")


def _has_contact(blocks, portfolio) -> bool:
    for _, block in blocks:
        data, kind = block.get("data") or {}, block.get("type")
        if kind == "contact" and data.get("email") and data["email"] not in PLACEHOLDERS:
            return True
        if kind == "links" and data.get("items"):
            return True
        if kind == "cta" and data.get("button_url") and "example.com" not in data["button_url"]:
            return True
        if kind == "hero" and data.get("cta_url"):
            return True
    return False


def _block_findings(page: dict, block: dict, resolved: dict) -> list[Finding]:
    data, kind, found = block.get("data") or {}, block.get("type"), []
    where = {"block_id": block.get("id", ""), "page_id": page.get("id", "")}
    if kind not in registry.BLOCK_TYPES:
        return found
    if any(
        str(value).strip() in PLACEHOLDERS or "Write something…" in str(value)
        for value in data.values()
    ):
        found.append(
            Finding(
                "placeholder",
                "fix",
                "This block still shows its example text: replace it with your own.",
                **where,
            )
        )
    if kind == "hero" and not (data.get("subheading") or "").strip():
        found.append(
            Finding(
                "hero_subheading",
                "tip",
                "Add a subheading: one sentence on what you do and for whom.",
                **where,
            )
        )
    if kind in ("about", "rich_text"):
        words = len(plain(data.get("body") or "").split())
        if words == 0:
            found.append(Finding("empty_text", "fix", "This text block is empty.", **where))
        elif kind == "about" and words < WEAK_WORDS:
            found.append(
                Finding(
                    "weak_about",
                    "tip",
                    f"Your About text has {words} words; two or "
                    "three sentences more would tell visitors who you are.",
                    **where,
                )
            )
    if kind in ("projects", "case_study"):
        projects = resolved.get("projects", {})
        chosen = data.get("items") if kind == "projects" else [data.get("project")]
        shown = [projects[i] for i in chosen or [] if i in projects]
        if kind == "projects" and not chosen:
            shown = [p for p in projects.values() if p["featured"]]
        if not shown:
            found.append(
                Finding(
                    "no_projects",
                    "fix",
                    "This block shows no project yet: choose "
                    "some, or mark projects as featured in your library.",
                    **where,
                )
            )
        thin = [
            p["title"]
            for p in shown
            if len(plain(p["description"]).split()) + len(p["summary"].split()) < WEAK_WORDS
        ]
        if thin:
            found.append(
                Finding(
                    "weak_project",
                    "tip",
                    "Say more about "
                    + ", ".join(thin[:3])
                    + ": what it is, your part, and what came of it.",
                    **where,
                )
            )
    if kind in ("gallery", "stats", "testimonials", "links") and not (
        data.get("images") or data.get("items")
    ):
        found.append(
            Finding("empty_block", "fix", "This block is empty: fill it or remove it.", **where)
        )
    assets = resolved["assets"]
    block_type = registry.BLOCK_TYPES[kind]
    missing_alt = [i for i in block_type.asset_ids(data) if i in assets and not assets[i]["alt"]]
    if missing_alt:
        count = len(missing_alt)
        found.append(
            Finding(
                "alt_text",
                "fix",
                f"{count} image{'s' if count > 1 else ''} here "
                f"{'have' if count > 1 else 'has'} no description (alt text) for "
                "people who cannot see them: add one in your asset library.",
                **where,
            )
        )
    return found


def blocks_for_review(portfolio) -> list[dict]:
    """The portfolio's draft text as the mentor task reads it: one entry per block."""
    return blocks_as_text(portfolio.pages)


# Values in blocks and library items that are addresses, ids or layout, not words to read.
NOT_TEXT = {
    "image",
    "cta_url",
    "button_url",
    "email",
    "project",
    "layout",
    "id",
    "url",
    "live_url",
    "repo_url",
    "case_study_url",
    "thumb",
    "webp_srcset",
    "fallback_srcset",
    "cover",
    "images",
    "avatar",
    "featured",
}


def blocks_as_text(pages: list[dict], library: dict | None = None) -> list[dict]:
    """One entry per block, {"block_id", "type", "page", "text"}: the block's own words and,
    given a snapshot's resolved `library`, the words of the library items it shows (a projects
    block's projects, say) — what a visitor reads there, without markup, links or ids."""
    entries = []
    for page in pages:
        for block in page.get("blocks", []):
            data = block.get("data") or {}
            parts = [
                plain(value)
                for key, value in data.items()
                if isinstance(value, str) and key not in NOT_TEXT
            ]
            kind = registry.BLOCK_TYPES.get(block.get("type"))
            if library is not None and kind is not None and kind.library:
                try:
                    shown = kind.get_context(data, library)
                except (KeyError, TypeError):  # a block whose data no longer fits its type
                    shown = {}
                parts += _words_in({k: v for k, v in shown.items() if k not in NOT_TEXT})
            entries.append(
                {
                    "block_id": block.get("id", ""),
                    "type": block.get("type"),
                    "page": page.get("title", ""),
                    "text": "\n".join(p for p in parts if p)[:1500],
                }
            )
    return entries


def _words_in(value) -> list[str]:
    if isinstance(value, str):
        return [plain(value)]
    if isinstance(value, dict):
        return [w for k, v in value.items() if k not in NOT_TEXT for w in _words_in(v)]
    if isinstance(value, list):
        return [w for v in value for w in _words_in(v)]
    return []
