"""Link previews: the Open Graph image of a published portfolio that has no image of its own —
the person's name, title and avatar in the theme's colours and fonts, drawn with Pillow.

Made once per published revision, on the first request for it (a share in a chat app), and
kept in the default storage beside the assets (`og/<revision>.png`): publishing again makes a
new one, and the page points at the address that serves it."""

import io
from functools import cache as memoize

from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw, ImageFont, ImageOps

from apps.portfolios import design as designs

SIZE = (1200, 630)
MARGIN = 80
AVATAR = 240


def card_png(snap: dict, avatar: bytes | None = None) -> bytes:
    """The preview image of a portfolio snapshot; `avatar` is the owner's picture, if any."""
    tokens = designs.tokens(snap["design"], "light")
    background = tokens["--color-background"]
    text, muted = tokens["--color-text"], tokens["--color-muted"]
    primary = tokens["--color-primary"]
    profile = snap["library"]["profile"]
    body_font, heading_font = _fonts(snap["design"])

    image = Image.new("RGB", SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, SIZE[1]), fill=primary)
    width = SIZE[0] - 2 * MARGIN - (AVATAR + 60 if avatar else 0)
    name = profile["name"] or snap["title"]
    y = 170
    for line in _wrap(draw, name, _font(heading_font, 84), width)[:2]:
        draw.text((MARGIN, y), line, font=_font(heading_font, 84), fill=text)
        y += 100
    for line in _wrap(draw, profile["title"] or "", _font(body_font, 40), width)[:2]:
        draw.text((MARGIN, y + 10), line, font=_font(body_font, 40), fill=muted)
        y += 52
    draw.text((MARGIN, SIZE[1] - 90), snap["seo"]["title"][:60], font=_font(body_font, 30),
              fill=primary)  # fmt: skip
    if avatar:
        _paste_avatar(image, avatar)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _paste_avatar(image: Image.Image, data: bytes) -> None:
    try:
        with Image.open(io.BytesIO(data)) as source:
            picture = ImageOps.fit(source.convert("RGB"), (AVATAR, AVATAR))
    except OSError:  # not an image after all: the card without it
        return
    mask = Image.new("L", (AVATAR, AVATAR), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, AVATAR, AVATAR), fill=255)
    image.paste(picture, (SIZE[0] - MARGIN - AVATAR, (SIZE[1] - AVATAR) // 2), mask)


def _fonts(design: dict) -> tuple[str, str]:
    """The theme's body and heading font files (the site's own), "" for a system font."""
    files = [finders.find(path) or "" for path in designs.first_paint_fonts(design)]
    body = files[0] if files else ""
    return body, files[-1] if files else body


@memoize
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)
    except OSError:
        return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines
