"""Decoding uploads safely and encoding what we serve.

Everything served is a fresh encode of decoded pixels: no EXIF, GPS, XMP, ICC or comments survive,
and no bytes of the upload (a polyglot's HTML, say) reach a visitor.

Memory and time per upload are bounded (measured in tests/assets/test_upload_cost.py): pixels
are capped before anything is decoded, by what decoding each format costs; JPEGs decode straight
to a reduced size; everything is shrunk by whole-pixel averaging to at most MAX_SIDE before
anything else copies it, and renditions are resized in steps, each from the one before.
"""

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import GifImagePlugin, Image, ImageOps, ImageSequence, UnidentifiedImageError

# GIF frames that share the first frame's palette stay palette images (1 byte a pixel) and are
# saved again without quantising; Pillow's default makes every later frame RGB (4 bytes).
GifImagePlugin.LOADING_STRATEGY = GifImagePlugin.LoadingStrategy.RGB_AFTER_DIFFERENT_PALETTE_ONLY

FORMATS = {  # Pillow format → (content type, extension)
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}
RENDITION_WIDTHS = (320, 640, 1280, 1920)
THUMB_SIZE = 400
# The stored original's longest side: twice the widest rendition, a 4K screen's width. Nothing
# on a portfolio is shown larger; larger uploads are shrunk to between half of it and it.
MAX_SIDE = 3840
# Pixels an upload may have (all frames together), by what decoding costs, so that decoding
# stays near 100 MB: a baseline JPEG decodes straight to a reduced size; PNG and GIF hold every
# pixel at 4 bytes; a progressive JPEG holds all its coefficients (2 bytes a pixel per channel);
# Pillow's WebP decoder holds three copies of the pixels.
MAX_PIXELS = {
    "JPEG": 50_000_000,
    "progressive JPEG": 16_000_000,
    "PNG": 24_000_000,
    "GIF": 24_000_000,
    "WEBP": 12_000_000,
}
NAMES = {"WEBP": "WebP"}
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
    """Open and decode an upload, or raise ValidationError with a message for people.

    Still images come back at most MAX_SIDE pixels on their longest side, upright (EXIF
    orientation applied), without metadata; animations come back as they are, frame by frame.
    `format` is the upload's format either way.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            fileobj.seek(0)
            # Only our formats' decoders run: Pillow never parses EPS, TIFF or PDF uploads.
            image = Image.open(fileobj, formats=list(FORMATS))
            fmt = image.format
            if fmt not in FORMATS:
                raise ValidationError(ALLOWED_MESSAGE, code="format")
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES:
                raise ValidationError(
                    f"That animation has {frames} frames; the limit is {MAX_FRAMES}.",
                    code="too_many_frames",
                )
            kind = "progressive JPEG" if image.info.get("progressive") else fmt
            if image.width * image.height * frames > MAX_PIXELS[kind]:
                raise _too_many_pixels(kind, image.size, frames)
            if frames > 1:
                image.load()
                return image
            # JPEG decodes at 1/2, 1/4 or 1/8 scale when that is still at least this big.
            factor = _reduction(image.size)
            image.draft(image.mode, (-(-image.width // factor), -(-image.height // factor)))
            image.load()
            if (factor := _reduction(image.size)) > 1:
                image = _reduce(image, factor)
            ImageOps.exif_transpose(image, in_place=True)  # after shrinking: no big copy
            image = _strip(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, SyntaxError, ValueError):
        raise ValidationError(ALLOWED_MESSAGE, code="format") from None
    except (OSError, EOFError):
        raise ValidationError(
            "That image is damaged or incomplete. Export it again and retry.", code="corrupt"
        ) from None
    image.format = fmt
    return image


def encode_original(image: Image.Image) -> Encoded:
    """The upload re-encoded in its own format, upright, without metadata."""
    fmt = image.format
    if fmt == "GIF" and getattr(image, "n_frames", 1) > 1:
        frames = [_paletted(_strip(frame.copy())) for frame in ImageSequence.Iterator(image)]
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
    return encode(_strip(image), fmt)


def resized(image: Image.Image, widths: list[int]) -> Iterator[tuple[int, Image.Image]]:
    """The first frame at each width, widest first, each made from the one before it."""
    current = _first_frame(image)
    for width in sorted(widths, reverse=True):
        if width != current.width:
            height = max(1, round(current.height * width / current.width))
            current = _shrink(current, (width, height))
        yield width, current


def encode_thumb(image: Image.Image, size: int = THUMB_SIZE) -> Encoded:
    """The centred square of the first frame, `size` pixels a side."""
    frame = _resizable(_first_frame(image))
    side = min(frame.size)
    left, top = (frame.width - side) // 2, (frame.height - side) // 2
    box = (left, top, left + side, top + side)
    square = frame.resize((size, size), Image.Resampling.LANCZOS, box=box, reducing_gap=2.0)
    return encode(square, "WEBP")


def rendition_widths(width: int) -> list[int]:
    """Standard widths below the original, never upscaled; tiny images get their own width."""
    widths = [w for w in RENDITION_WIDTHS if w < width]
    return widths or [width]


def fallback_format(fmt: str) -> str:
    # A static GIF of a photo bands badly; a PNG of the first frame is the faithful fallback.
    return "PNG" if fmt == "GIF" else fmt


def _paletted(frame: Image.Image) -> Image.Image:
    # Frames Pillow made RGB(A) go back to a palette by fast octree: its default, median cut,
    # takes a third of a second per megapixel.
    if frame.mode in ("P", "L"):
        return frame
    return frame.quantize(256, method=Image.Quantize.FASTOCTREE)


def _first_frame(image: Image.Image) -> Image.Image:
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
        return image.copy()
    return image


def _reduction(size: tuple[int, int]) -> int:
    """The whole factor that brings `size` within MAX_SIDE (1: it fits already)."""
    return -(-max(size) // MAX_SIDE)


def _reduce(image: Image.Image, factor: int) -> Image.Image:
    """Shrink by a whole factor (averaging), a band of rows at a time.

    Pillow's own reduce() first copies the whole image to premultiply its alpha, and palette
    images need converting first: whole, either copy costs as much as the decode itself.
    """
    band = 128 * factor
    out = None
    for top in range(0, image.height, band):
        strip = image.crop((0, top, image.width, min(top + band, image.height)))
        small = _resizable(strip).reduce(factor)
        if out is None:
            size = (-(-image.width // factor), -(-image.height // factor))
            out = Image.new(small.mode, size)
        out.paste(small, (0, top // factor))
    out.info = image.info  # the EXIF orientation is still to be applied
    return out


def _shrink(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Resize down to `size`: whole-pixel averaging to within 2× first, then Lanczos."""
    if image.size == size:
        return image
    return _resizable(image).resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)


def _resizable(image: Image.Image) -> Image.Image:
    # Pillow resizes palette and 1-bit images by nearest neighbour only, and cannot average
    # them or 16-bit greys: those become RGB(A) first.
    if image.mode in ("RGB", "RGBA", "L", "LA", "CMYK", "I"):
        return image
    return image.convert("RGBA" if _has_alpha(image) else "RGB")


def _too_many_pixels(
    kind: str = "", size: tuple[int, int] | None = None, frames: int = 1
) -> ValidationError:
    if size is None:  # refused by Pillow itself, before we knew its size or kind
        return ValidationError(
            "That image has too many pixels. Export it smaller and try again.",
            code="too_many_pixels",
        )
    limit = MAX_PIXELS[kind]
    side = int((limit * 1.5) ** 0.5) // 100 * 100  # a 3:2 example within the limit
    if frames > 1:
        what = f"That animation is {frames} frames of {size[0]} × {size[1]} pixels"
    else:
        what = f"That image is {size[0]} × {size[1]} pixels"
    together = " in all frames together" if frames > 1 else ""
    return ValidationError(
        f"{what}; the limit for {NAMES.get(kind, kind)} images is {limit // 1_000_000} "
        f"megapixels{together} (e.g. {side} × {side * 2 // 3}). Export it smaller and try again.",
        code="too_many_pixels",
    )


def _strip(image: Image.Image) -> Image.Image:
    image.info = {k: v for k, v in image.info.items() if k in {"transparency", "duration"}}
    return image


def encode(image: Image.Image, fmt: str) -> Encoded:
    if fmt == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif fmt == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    elif fmt == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
        image = image.convert("RGBA")
    options = {
        "JPEG": {"quality": 85, "optimize": True, "progressive": True},
        # Level 3 is a few per cent larger than 6 and several times faster: keeps uploads in
        # their time budget.
        "PNG": {"compress_level": 3},
        "WEBP": {"quality": 82, "method": 4},
        "GIF": {},
    }[fmt]
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return Encoded(out.getvalue(), image.width, image.height, fmt)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
