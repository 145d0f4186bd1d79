"""Addresses, image files and a problem+json check shared by the API tests."""

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.assets.models import Asset

ASSETS = "/api/v1/assets"
PROBLEM = "application/problem+json"


def asset_url(asset) -> str:
    return f"{ASSETS}/{asset.pk}"


def image_file(
    name: str = "photo.png", fmt: str = "PNG", size=(64, 48), color=(120, 60, 200)
) -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt)
    return SimpleUploadedFile(name, buf.getvalue(), content_type="application/octet-stream")


def noisy_png(size=(64, 64)) -> SimpleUploadedFile:
    """A PNG that does not compress: about 3 bytes a pixel."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return SimpleUploadedFile("noise.png", buf.getvalue(), content_type="image/png")


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] and body["title"] and body["detail"]
    return body


def upload_asset(owner, **image) -> Asset:
    """An asset stored the way an upload stores it; `image` as for image_file (800×600 PNG)."""
    image.setdefault("size", (800, 600))
    asset, _ = Asset.create_from_upload(owner, image_file(**image))
    return asset
