"""Uploads bigger than anything a portfolio shows are stored shrunk, upright and intact."""

import io

import pytest
from PIL import Image

from apps.assets.models import Asset
from tests.assets import corpus


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_an_image_wider_than_3840_pixels_is_stored_at_most_that_wide(alice, stored_files, fmt):
    asset, _ = Asset.create_from_upload(alice, corpus.image((7000, 1400), fmt))

    original = opened(stored_files(asset)[asset.file.name])
    # Shrunk by a whole factor (averaging whole pixels): 7000 / 2 is 3500.
    assert original.size == (asset.width, asset.height) == (3500, 700)
    assert [r["w"] for r in asset.renditions["webp"]] == [320, 640, 1280, 1920]


def test_a_big_photo_turned_by_its_exif_comes_out_upright_and_shrunk(alice, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.jpeg_with_gps_rotated((4400, 3000)))

    assert (asset.width, asset.height) == (1500, 2200)
    assert opened(stored_files(asset)[asset.file.name]).size == (1500, 2200)


def test_transparency_survives_shrinking(alice, stored_files):
    image = Image.new("RGBA", (5000, 1000), (200, 30, 30, 255))
    image.paste((0, 0, 0, 0), (0, 0, 2500, 1000))  # the left half is see-through
    buf = io.BytesIO()
    image.save(buf, "PNG")

    asset, _ = Asset.create_from_upload(alice, corpus.upload("logo.png", buf.getvalue()))

    stored = opened(stored_files(asset)[asset.file.name]).convert("RGBA")
    assert stored.size == (2500, 500)
    assert stored.getpixel((10, 10))[3] == 0
    assert stored.getpixel((2400, 10)) == (200, 30, 30, 255)


def test_a_big_palette_image_is_shrunk_by_averaging_not_by_dropping_pixels(alice, stored_files):
    # One-pixel stripes of black and white: dropping every other pixel would leave one colour.
    image = Image.new("P", (4000, 400), 0)
    image.putpalette([0, 0, 0, 255, 255, 255])
    for x in range(1, 4000, 2):
        image.paste(1, (x, 0, x + 1, 400))
    buf = io.BytesIO()
    image.save(buf, "PNG")

    asset, _ = Asset.create_from_upload(alice, corpus.upload("stripes.png", buf.getvalue()))

    stored = opened(stored_files(asset)[asset.file.name]).convert("L")
    assert stored.size == (2000, 200)
    assert 120 <= stored.getpixel((1000, 100)) <= 135  # an even grey
