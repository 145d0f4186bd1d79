"""The app's self-hosted fonts (static/site/fonts, WOFF2) for code that draws text itself: the
resume PDFs (WeasyPrint) and the generated link-preview images (Pillow)."""

import io
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from fontTools.ttLib import TTFont


def static_file(path: str) -> Path:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(f"static file {path} is missing")
    return Path(found).resolve()


@cache
def decompressed(path: Path) -> bytes:
    """A WOFF2 font as TrueType, decompressed once per process (in Python, a third of a second
    for four faces)."""
    font = TTFont(path)
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
def characters(path: Path) -> frozenset[str]:
    """The characters a font can draw."""
    return frozenset(chr(code) for code in TTFont(path).getBestCmap())
