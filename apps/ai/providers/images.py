"""Images from providers are checked before anything stores them: a real picture, of a sane
size, handed on as PNG (the asset library re-encodes it again)."""

import io

from PIL import Image, UnidentifiedImageError

from .base import AIError

MAX_PIXELS = 16_000_000


def to_png(data: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise AIError("malformed", "The AI service sent an image that is too large.")
            image.load()
            out = io.BytesIO()
            image.convert("RGBA" if image.mode in ("RGBA", "LA", "P") else "RGB").save(
                out, format="PNG"
            )
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise AIError(
            "malformed", "The AI service sent an image that could not be read."
        ) from None
    return out.getvalue()
