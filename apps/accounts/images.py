"""Avatar images: decode safely, strip metadata, crop square, re-encode as WebP."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
AVATAR_SIZE = 400


def avatar_from_upload(upload, max_bytes: int) -> ContentFile:
    if upload.size > max_bytes:
        raise ValidationError(
            f"That image is {upload.size / 1_048_576:.1f} MB; the limit is "
            f"{max_bytes / 1_048_576:.0f} MB.",
            code="too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_wrong_format(), code="format")
            image.seek(0)
            image.load()
            image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError("That image has too many pixels.", code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(_wrong_format(), code="format") from None
    image = ImageOps.fit(
        image.convert("RGBA"), (AVATAR_SIZE, AVATAR_SIZE), Image.Resampling.LANCZOS
    )
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85)  # a fresh encode carries no EXIF or GPS data
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def _wrong_format() -> str:
    return "Upload a JPEG, PNG, WebP or GIF image."
