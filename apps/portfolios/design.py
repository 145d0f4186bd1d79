"""Portfolio design: themes and the allowlists every design document is checked against.

Nothing a person types reaches a stylesheet unchecked: colours must match COLOR, everything else
is a key into one of the tables below.
"""

import re

from django.core.exceptions import ValidationError

COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")

THEMES = {
    "minimal": {
        "label": "Minimal",
        "description": "Quiet, airy and typographic.",
        "light": {
            "primary": "#111827",
            "accent": "#7c3aed",
            "background": "#ffffff",
            "surface": "#f9fafb",
            "text": "#111827",
            "muted": "#6b7280",
        },
        "dark": {
            "primary": "#f9fafb",
            "accent": "#a78bfa",
            "background": "#0b0b0f",
            "surface": "#16161d",
            "text": "#f3f4f6",
            "muted": "#9ca3af",
        },
        "font_heading": "inter",
        "font_body": "inter",
        "heading_weight": 600,  # site.css: --heading-weight of .theme-minimal
        "radius": "md",
    },
    "bold": {
        "label": "Bold",
        "description": "Big type, strong colour, confident.",
        "light": {
            "primary": "#be123c",
            "accent": "#f59e0b",
            "background": "#fff7ed",
            "surface": "#ffffff",
            "text": "#1c1917",
            "muted": "#57534e",
        },
        "dark": {
            "primary": "#fb7185",
            "accent": "#fbbf24",
            "background": "#1c1917",
            "surface": "#292524",
            "text": "#fafaf9",
            "muted": "#a8a29e",
        },
        "font_heading": "space-grotesk",
        "font_body": "inter",
        "heading_weight": 700,
        "radius": "lg",
    },
    "editorial": {
        "label": "Editorial",
        "description": "Serif headlines and a magazine rhythm.",
        "light": {
            "primary": "#1e3a8a",
            "accent": "#b45309",
            "background": "#fdfcf8",
            "surface": "#f5f3ec",
            "text": "#1f2937",
            "muted": "#57534e",
        },
        "dark": {
            "primary": "#93c5fd",
            "accent": "#fbbf24",
            "background": "#121212",
            "surface": "#1d1d1b",
            "text": "#ede9e0",
            "muted": "#a8a29e",
        },
        "font_heading": "fraunces",
        "font_body": "source-serif",
        "heading_weight": 400,
        "radius": "sm",
    },
    "developer": {
        "label": "Developer",
        "description": "Monospace accents, terminal greens, crisp edges.",
        "light": {
            "primary": "#047857",
            "accent": "#0ea5e9",
            "background": "#f8fafc",
            "surface": "#ffffff",
            "text": "#0f172a",
            "muted": "#475569",
        },
        "dark": {
            "primary": "#34d399",
            "accent": "#38bdf8",
            "background": "#0d1117",
            "surface": "#161b22",
            "text": "#e6edf3",
            "muted": "#8b949e",
        },
        "font_heading": "jetbrains-mono",
        "font_body": "inter",
        "heading_weight": 700,
        "radius": "none",
    },
}

FONTS = {  # key → (label, CSS font stack)
    "system": (
        "System",
        'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    ),
    "inter": ("Inter", '"Inter", ui-sans-serif, system-ui, sans-serif'),
    "space-grotesk": ("Space Grotesk", '"Space Grotesk", ui-sans-serif, system-ui, sans-serif'),
    "fraunces": ("Fraunces", '"Fraunces", ui-serif, Georgia, serif'),
    "source-serif": ("Source Serif", '"Source Serif 4", ui-serif, Georgia, serif'),
    "jetbrains-mono": (
        "JetBrains Mono",
        '"JetBrains Mono", ui-monospace, SFMono-Regular, monospace',
    ),
    "serif": ("Classic serif", 'ui-serif, Georgia, Cambria, "Times New Roman", serif'),
    "mono": ("System mono", "ui-monospace, SFMono-Regular, Menlo, monospace"),
}
# The upright faces static/site/fonts holds (site.css's @font-face rules): font → weights.
FONT_FILES = {
    "inter": ("inter", (400, 500, 600, 700)),
    "space-grotesk": ("space-grotesk", (500, 700)),
    "fraunces": ("fraunces", (400, 600)),
    "source-serif": ("source-serif-4", (400, 600)),
    "jetbrains-mono": ("jetbrains-mono", (400, 700)),
}
WIDTHS = {"narrow": "44rem", "normal": "60rem", "wide": "76rem"}
RADII = {"none": "0", "sm": "0.25rem", "md": "0.75rem", "lg": "1.5rem"}
DENSITIES = {"compact": "0.75", "normal": "1", "airy": "1.35"}
MODES = ("light", "dark", "auto")
COLOR_KEYS = ("primary", "accent", "background", "text")

DEFAULT_DESIGN = {
    "theme": "minimal",
    "mode": "auto",
    "colors": {},
    "font_heading": "",
    "font_body": "",
    "width": "normal",
    "radius": "",
    "density": "normal",
}


def clean_design(design) -> dict:
    if not isinstance(design, dict):
        raise ValidationError("design: must be an object.")
    unknown = set(design) - set(DEFAULT_DESIGN)
    if unknown:
        raise ValidationError(f"design.{sorted(unknown)[0]}: is not a design setting.")
    merged = {**DEFAULT_DESIGN, **design}
    _choice(merged, "theme", THEMES)
    _choice(merged, "mode", MODES)
    _choice(merged, "font_heading", FONTS, blank=True)
    _choice(merged, "font_body", FONTS, blank=True)
    _choice(merged, "width", WIDTHS)
    _choice(merged, "radius", RADII, blank=True)
    _choice(merged, "density", DENSITIES)
    colors = merged["colors"]
    if not isinstance(colors, dict):
        raise ValidationError("design.colors: must be an object.")
    for key, value in colors.items():
        if key not in COLOR_KEYS:
            raise ValidationError(f"design.colors.{key}: is not a colour setting.")
        if not isinstance(value, str) or not COLOR.match(value):
            raise ValidationError(f"design.colors.{key}: use a colour like #7c3aed.")
    merged["colors"] = {k: v.lower() for k, v in colors.items()}
    return merged


def _choice(design: dict, key: str, allowed, blank: bool = False) -> None:
    value = design[key]
    if blank and value == "":
        return
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(f"design.{key}: choose one of {', '.join(allowed)}.")


def palette(design: dict, scheme: str) -> dict[str, str]:
    """The colours of one scheme ("light" or "dark"): the theme's, with the person's own."""
    colors = dict(THEMES[design["theme"]][scheme])
    if scheme == "light" and design["colors"]:
        custom = design["colors"]
        colors.update(custom)
        # Cards and secondary text follow custom colours, so they never clash with them.
        if "background" in custom:
            colors["surface"] = custom["background"]
        if "text" in custom:
            colors["muted"] = custom["text"]
    return colors


def tokens(design: dict, scheme: str) -> dict[str, str]:
    """CSS custom properties for one colour scheme ("light" or "dark")."""
    theme = THEMES[design["theme"]]
    heading = design["font_heading"] or theme["font_heading"]
    body = design["font_body"] or theme["font_body"]
    return {
        **{f"--color-{name}": value for name, value in palette(design, scheme).items()},
        "--font-heading": FONTS[heading][1],
        "--font-body": FONTS[body][1],
        "--content-width": WIDTHS[design["width"]],
        "--radius": RADII[design["radius"] or theme["radius"]],
        "--density": DENSITIES[design["density"]],
    }


def first_paint_fonts(design: dict) -> list[str]:
    """The font files the first screen of text needs — the body face and the headings' — for
    the page to preload: otherwise the browser finds them only after site.css has arrived."""
    theme = THEMES[design["theme"]]
    wanted = [
        (design["font_body"] or theme["font_body"], 400),
        (design["font_heading"] or theme["font_heading"], theme["heading_weight"]),
    ]
    files = []
    for font, weight in wanted:
        if font not in FONT_FILES:  # a system font: nothing to load
            continue
        name, weights = FONT_FILES[font]
        files.append(f"site/fonts/{name}-latin-{_matching_weight(weights, weight)}-normal.woff2")
    return list(dict.fromkeys(files))


def _matching_weight(weights: tuple[int, ...], wanted: int) -> int:
    """The weight a browser uses for `wanted` among those loaded (CSS Fonts 4, font matching)."""
    heavier = sorted(w for w in weights if w >= wanted)
    lighter = sorted((w for w in weights if w < wanted), reverse=True)
    if wanted < 400:
        order = [w for w in heavier if w == wanted] + lighter + [w for w in heavier if w > wanted]
    elif wanted <= 500:
        order = [w for w in heavier if w <= 500] + lighter + [w for w in heavier if w > 500]
    else:
        order = heavier + lighter
    return order[0]
