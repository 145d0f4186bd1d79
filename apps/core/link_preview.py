"""The picture shared links show (Open Graph / Twitter card) for a published portfolio or
resume without one of its own: drawn with Pillow at publish time from the person's name, title,
avatar and the page's colours, stored once under a name made from its content (the same page
published twice makes one file), and frozen into the published revision's snapshot, so it
never outlives the revision.
"""

import hashlib
import io
import logging
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import fonts

logger = logging.getLogger(__name__)

SIZE = (1200, 630)
FACES = {
    "bold": "site/fonts/inter-latin-700-normal.woff2",
    "regular": "site/fonts/inter-latin-500-normal.woff2",
}
FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # letters Inter lacks
# More than ever fits on a line at the smallest size: clipping measures only this much.
LONGEST = 200


def card(name: str, title: str, colors: dict, owner, address: str) -> dict | None:
    """The stored preview as og:image data ({url, width, height, alt}, and `file`, its name in
    the storage, for the static export), or None when it cannot be drawn: a page is published
    without a card rather than not at all.

    `colors`: background, primary (the name), muted (the title), accent (a band and the
    address) and optionally address, the address's own colour when the accent is too light."""
    try:
        png = draw(name, title, colors, _avatar(owner), address)
        path = f"previews/{hashlib.sha256(png).hexdigest()[:24]}.png"
        if not default_storage.exists(path):
            default_storage.save(path, ContentFile(png))
    except (OSError, ValueError, Image.DecompressionBombError):
        logger.exception("The link preview of %s could not be made", address)
        return None
    alt = f"{name} — {title}" if title else name
    url = default_storage.url(path)
    return {"url": url, "file": path, "width": SIZE[0], "height": SIZE[1], "alt": alt}


def draw(name: str, title: str, colors: dict, avatar: Image.Image | None, address: str) -> bytes:
    width, height = SIZE
    image = Image.new("RGB", SIZE, colors["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, height), fill=colors["accent"])  # the page's accent, a band
    left = 96
    if avatar is not None:
        face = ImageOps.fit(avatar.convert("RGB"), (220, 220))
        mask = Image.new("L", face.size, 0)
        ImageDraw.Draw(mask).ellipse((0, 0, *face.size), fill=255)
        image.paste(face, (left, (height - 220) // 2), mask)
        left += 220 + 64
    room = width - left - 80
    name_font = _fitting(name, "bold", 88, room)
    name = _clipped(name, name_font, room)
    title_lines = _wrapped(title, _face("regular", 40, title), room, lines=2)
    title_height = 52 * len(title_lines)
    top = (height - name_font.size - (24 + title_height if title_lines else 0)) // 2
    pen.text((left, top), name, font=name_font, fill=colors["primary"])
    y = top + name_font.size + 24
    for line in title_lines:
        pen.text((left, y), line, font=_face("regular", 40, title), fill=colors["muted"])
        y += 52
    small = _face("regular", 28, address)
    address = _clipped(address, small, room)
    link = colors.get("address", colors["accent"])
    pen.text((left, height - 80), address, font=small, fill=link)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _avatar(owner) -> Image.Image | None:
    if not owner.avatar_id:
        return None
    try:
        with owner.avatar.file.open("rb") as file:
            picture = Image.open(file)
            picture.load()
            return picture
    # A file gone missing or no longer a picture: the card goes without the face.
    except (OSError, ValueError, Image.DecompressionBombError):
        return None


def _face(weight: str, size: int, text: str) -> ImageFont.FreeTypeFont:
    path = fonts.static_file(FACES[weight])
    if set(text) - fonts.characters(path) - {" "}:
        try:
            return ImageFont.truetype(FALLBACK, size)
        except OSError:
            return ImageFont.load_default(size)
    return _inter(path, size)


@cache
def _inter(path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(fonts.decompressed(path)), size)


def _fitting(text: str, weight: str, size: int, room: int) -> ImageFont.FreeTypeFont:
    """The largest size down to half of `size` at which `text` fits on one line."""
    font = _face(weight, size, text)
    while font.getlength(text[:LONGEST]) > room and size > 44:
        size -= 4
        font = _face(weight, size, text)
    return font


def _clipped(text: str, font: ImageFont.FreeTypeFont, room: int) -> str:
    if len(text) > LONGEST:
        text = text[:LONGEST] + "…"
    while font.getlength(text) > room and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return text


def _wrapped(text: str, font: ImageFont.FreeTypeFont, room: int, lines: int) -> list[str]:
    out: list[str] = []
    for word in text.split():
        if out and font.getlength(f"{out[-1]} {word}") <= room:
            out[-1] = f"{out[-1]} {word}"
        elif len(out) == lines:  # a line more than shown: the last one says so
            out[-1] = _clipped(out[-1].rstrip(".,;:") + "…", font, room)
            break
        else:
            out.append(_clipped(word, font, room))
    return out
