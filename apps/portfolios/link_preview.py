"""The picture shared links show (Open Graph / Twitter card) when a portfolio has none of its
own: drawn with Pillow at publish time from the person's name, title, avatar and the theme's
colours, stored once under a name made from its content (the same portfolio published twice
makes one file), and frozen into the published revision's snapshot.
"""

import hashlib
import io
from functools import cache

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, ImageOps

from apps.core import fonts

from . import design as designs

SIZE = (1200, 630)
FACES = {
    "bold": "site/fonts/inter-latin-700-normal.woff2",
    "regular": "site/fonts/inter-latin-500-normal.woff2",
}
FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # letters Inter lacks


def for_snapshot(portfolio, snap: dict, address: str) -> dict:
    """The stored preview of this snapshot as og:image data ({url, width, height, alt}, and
    `file`, its name in the storage, for the static export)."""
    profile = snap["library"]["profile"]
    name = profile.get("name") or snap["title"]
    title = profile.get("title") or snap["seo"].get("description") or ""
    palette = designs.palette(snap["design"], "light")
    avatar = _avatar(portfolio.owner)
    png = draw(name, title, palette, avatar, address)
    path = f"previews/{hashlib.sha256(png).hexdigest()[:24]}.png"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(png))
    alt = f"{name} — {title}" if title else name
    url = default_storage.url(path)
    return {"url": url, "file": path, "width": SIZE[0], "height": SIZE[1], "alt": alt}


def draw(name: str, title: str, palette: dict, avatar: Image.Image | None, address: str) -> bytes:
    width, height = SIZE
    image = Image.new("RGB", SIZE, palette["background"])
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 24, height), fill=palette["accent"])  # the theme's accent, a band
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
    pen.text((left, top), name, font=name_font, fill=palette["primary"])
    y = top + name_font.size + 24
    for line in title_lines:
        pen.text((left, y), line, font=_face("regular", 40, title), fill=palette["muted"])
        y += 52
    small = _face("regular", 28, address)
    address = _clipped(address, small, room)
    pen.text((left, height - 80), address, font=small, fill=palette["accent"])
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
    except (OSError, ValueError):  # a file gone missing: the card goes without the face
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
    while font.getlength(text) > room and size > 44:
        size -= 4
        font = _face(weight, size, text)
    return font


def _clipped(text: str, font: ImageFont.FreeTypeFont, room: int) -> str:
    while font.getlength(text) > room and len(text) > 1:
        text = text[:-2].rstrip() + "…"
    return text


def _wrapped(text: str, font: ImageFont.FreeTypeFont, room: int, lines: int) -> list[str]:
    out: list[str] = []
    for word in text.split():
        if out and font.getlength(f"{out[-1]} {word}") <= room:
            out[-1] = f"{out[-1]} {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(".,;:") + "…"
    return out
