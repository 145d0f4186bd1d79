"""Decoding uploads safely and encoding what we serve.

Everything served is a fresh encode of decoded pixels: no EXIF, GPS, XMP, ICC or comments survive,
and no bytes of the upload (a polyglot's HTML, say) reach a visitor.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

FORMATS = {  # Pillow format → (content type, extension)
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}
RENDITION_WIDTHS = (320, 640, 1280, 1920)
THUMB_SIZE = 400
MAX_FRAMES = 100
ALLOWED_MESSAGE = "Upload a JPEG, PNG, WebP or GIF image."


@dataclass(frozen=True)
class Encoded:
    data: bytes
    width: int
    height: int
    format: str

    @property
    def content_type(self) -> str:
        return FORMATS[self.format][0]

    @property
    def extension(self) -> str:
        return FORMATS[self.format][1]


def decode(fileobj) -> Image.Image:
    """Open and fully decode an upload, or raise ValidationError with a message for people."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            fileobj.seek(0)
            # Only our formats' decoders run: Pillow never parses EPS, TIFF or PDF uploads.
            image = Image.open(fileobj, formats=list(FORMATS))
            if image.format not in FORMATS:
                raise ValidationError(ALLOWED_MESSAGE, code="format")
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES:
                raise ValidationError(
                    f"That animation has {frames} frames; the limit is {MAX_FRAMES}.",
                    code="too_many_frames",
                )
            if image.width * image.height * frames > Image.MAX_IMAGE_PIXELS:
                raise ValidationError("That image has too many pixels.", code="too_many_pixels")
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError("That image has too many pixels.", code="too_many_pixels") from None
    except (UnidentifiedImageError, SyntaxError, ValueError):
        raise ValidationError(ALLOWED_MESSAGE, code="format") from None
    except (OSError, EOFError):
        raise ValidationError(
            "That image is damaged or incomplete. Export it again and retry.", code="corrupt"
        ) from None
    return image


def encode_original(image: Image.Image) -> Encoded:
    """The upload re-encoded in its own format, upright, without metadata."""
    fmt = image.format
    if fmt == "GIF" and getattr(image, "n_frames", 1) > 1:
        frames = [_strip(frame.copy()) for frame in ImageSequence.Iterator(image)]
        out = io.BytesIO()
        frames[0].save(
            out,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            loop=0,
            duration=image.info.get("duration", 100),
            disposal=2,
        )
        return Encoded(out.getvalue(), frames[0].width, frames[0].height, "GIF")
    upright = _strip(ImageOps.exif_transpose(image))
    return _encode(upright, fmt)


def encode_width(image: Image.Image, width: int, fmt: str) -> Encoded:
    """A rendition `width` pixels wide (first frame for animations), keeping the aspect ratio."""
    upright = _strip(ImageOps.exif_transpose(_first_frame(image)))
    height = max(1, round(upright.height * width / upright.width))
    return _encode(upright.resize((width, height), Image.Resampling.LANCZOS), fmt)


def encode_thumb(image: Image.Image, size: int = THUMB_SIZE) -> Encoded:
    upright = _strip(ImageOps.exif_transpose(_first_frame(image)))
    square = ImageOps.fit(upright, (size, size), Image.Resampling.LANCZOS)
    return _encode(square, "WEBP")


def rendition_widths(width: int) -> list[int]:
    """Standard widths below the original, never upscaled; tiny images get their own width."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    return widths or [width]


def fallback_format(fmt: str) -> str:
    # A static GIF of a photo bands badly; a PNG of the first frame is the faithful fallback.
    return "PNG" if fmt == "GIF" else fmt


def _first_frame(image: Image.Image) -> Image.Image:
    image.seek(0)
    return image.copy() if getattr(image, "n_frames", 1) > 1 else image


def _strip(image: Image.Image) -> Image.Image:
    image.info = {k: v for k, v in image.info.items() if k in {"transparency", "duration"}}
    return image


def _encode(image: Image.Image, fmt: str) -> Encoded:
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif fmt == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    elif fmt == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    options = {
        "JPEG": {"quality": 85, "optimize": True, "progressive": True},
        "PNG": {"compress_level": 6},
        "WEBP": {"quality": 82, "method": 4},
        "GIF": {},
    }[fmt]
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return Encoded(out.getvalue(), image.width, image.height, fmt)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
