import io
import time
import tracemalloc
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from PIL import EpsImagePlugin, Image

from apps.assets.images import ALLOWED_MESSAGE
from apps.assets.models import Asset
from tests.assets import corpus
from tests.conftest import HTMX

MB = 1024 * 1024
DAMAGED = "That image is damaged or incomplete. Export it again and retry."
TOO_MANY_PIXELS = "That image has too many pixels. Export it smaller and try again."


def refusal(owner, upload) -> str:
    with pytest.raises(ValidationError) as caught:
        Asset.create_from_upload(owner, upload)
    return caught.value.messages[0]


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize(
    ("make_upload", "message"),
    [
        (corpus.svg_with_script, ALLOWED_MESSAGE),
        (corpus.fake_gif_html, ALLOWED_MESSAGE),
        (corpus.tiff_named_jpg, ALLOWED_MESSAGE),
        (corpus.pdf, ALLOWED_MESSAGE),
        (corpus.html, ALLOWED_MESSAGE),
        (corpus.eps, ALLOWED_MESSAGE),
        (corpus.truncated_jpeg, DAMAGED),
        (corpus.bomb_png, TOO_MANY_PIXELS),
        (
            corpus.wide_animation_gif,
            "That animation is 2 frames of 8000 × 8000 pixels; the limit for GIF images is 24 "
            "megapixels in all frames together (e.g. 6000 × 4000). Export it smaller and try "
            "again.",
        ),
        (corpus.many_frames_gif, "That animation has 500 frames; the limit is 100."),
    ],
)
def test_hostile_files_are_refused_with_a_message_and_leave_nothing_behind(
    alice, media_files, make_upload, message
):
    assert refusal(alice, make_upload()) == message
    assert not Asset.objects.exists()
    assert media_files() == set()


def test_a_decompression_bomb_is_refused_quickly_without_allocating_its_pixels(alice):
    bomb = corpus.bomb_png(50_000, 50_000)  # 2.5 gigapixels in under 100 bytes
    tracemalloc.start()
    started = time.perf_counter()

    message = refusal(alice, bomb)

    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert message == TOO_MANY_PIXELS
    assert elapsed < 1.0
    assert peak < 50 * MB


def test_eps_is_refused_before_ghostscript_could_ever_run(alice):
    with mock.patch.object(EpsImagePlugin, "Ghostscript", autospec=True) as ghostscript:
        assert refusal(alice, corpus.eps()) == ALLOWED_MESSAGE

    ghostscript.assert_not_called()


@pytest.mark.parametrize("make_upload", [corpus.png_with_gps, corpus.jpeg_with_gps_rotated])
def test_exif_gps_xmp_and_icc_reach_no_stored_file(alice, stored_files, make_upload):
    asset, _ = Asset.create_from_upload(alice, make_upload())

    files = stored_files(asset)

    assert len(files) > 2  # the original, its renditions and the thumb
    for name, data in files.items():
        image = opened(data)
        assert not image.getexif(), name
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & image.info.keys(), name
        assert corpus.CAMERA_MAKE.encode() not in data, name


def test_the_exif_orientation_is_applied_to_the_original_and_renditions(alice, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.jpeg_with_gps_rotated((800, 600)))

    assert (asset.width, asset.height) == (600, 800)
    files = stored_files(asset)
    assert opened(files[asset.file.name]).size == (600, 800)
    for rendition in asset.renditions["webp"] + asset.renditions["fallback"]:
        assert opened(files[rendition["name"]]).height > opened(files[rendition["name"]]).width


def test_a_large_image_gets_webp_and_original_format_renditions_at_standard_widths(
    alice, stored_files
):
    asset, _ = Asset.create_from_upload(alice, corpus.image((2000, 1000), "JPEG"))

    files = stored_files(asset)
    for key, fmt in (("webp", "WEBP"), ("fallback", "JPEG")):
        sizes = []
        for rendition in asset.renditions[key]:
            image = opened(files[rendition["name"]])
            assert image.format == fmt
            sizes.append(image.size)
        assert sizes == [(320, 160), (640, 320), (1280, 640), (1920, 960)]
    assert asset.fallback_type == "image/jpeg"


def test_renditions_are_never_wider_than_the_original(alice, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.image((1000, 500)))

    assert [r["w"] for r in asset.renditions["webp"]] == [320, 640]
    assert [r["w"] for r in asset.renditions["fallback"]] == [320, 640]


def test_a_small_image_gets_a_single_rendition_at_its_own_width(alice, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.image((200, 150)))

    files = stored_files(asset)
    assert [opened(files[r["name"]]).size for r in asset.renditions["webp"]] == [(200, 150)]
    assert [opened(files[r["name"]]).size for r in asset.renditions["fallback"]] == [(200, 150)]


def test_the_thumb_is_a_400_pixel_square_webp(alice, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.image((1200, 500)))

    thumb = opened(stored_files(asset)[asset.renditions["thumb"]["name"]])

    assert (thumb.format, thumb.size) == ("WEBP", (400, 400))


def test_an_animated_gif_stays_animated_and_falls_back_to_png_renditions(alice, stored_files):
    gif = corpus.upload("dance.gif", corpus.gif_bytes(frames=3, size=(500, 300)), "image/gif")

    asset, _ = Asset.create_from_upload(alice, gif)

    files = stored_files(asset)
    original = opened(files[asset.file.name])
    assert (original.format, original.n_frames) == ("GIF", 3)
    fallbacks = [opened(files[r["name"]]) for r in asset.renditions["fallback"]]
    assert [(f.format, f.size) for f in fallbacks] == [("PNG", (320, 192))]
    assert asset.fallback_type == "image/png"


def test_a_gif_html_polyglot_is_stored_without_a_byte_of_its_html(alice, stored_files):
    asset, created = Asset.create_from_upload(alice, corpus.polyglot_gif())

    assert created
    for name, data in stored_files(asset).items():
        assert b"<script" not in data, name
        assert b"<html" not in data, name


def test_uploading_the_same_bytes_again_returns_the_same_asset_and_stores_nothing(
    alice, media_files
):
    first, _ = Asset.create_from_upload(alice, corpus.image())
    stored_before = media_files()

    again, created = Asset.create_from_upload(alice, corpus.image())

    assert (again.pk, created) == (first.pk, False)
    assert media_files() == stored_before
    assert Asset.objects.count() == 1


def test_someone_elses_identical_upload_is_their_own_asset(alice, bob, stored_files):
    alices, _ = Asset.create_from_upload(alice, corpus.image())

    bobs, created = Asset.create_from_upload(bob, corpus.image())

    assert created
    assert bobs.pk != alices.pk and bobs.owner == bob
    assert not set(stored_files(bobs)) & set(stored_files(alices))


def test_an_upload_past_the_quota_is_refused_and_nothing_is_stored(alice, settings, media_files):
    settings.ASSET_QUOTA_FREE_BYTES = 1024

    message = refusal(alice, corpus.image())

    assert "storage" in message
    assert not Asset.objects.exists()
    assert media_files() == set()


def test_deleting_assets_removes_every_stored_file(alice, media_files):
    asset, _ = Asset.create_from_upload(alice, corpus.image((700, 400)))
    assert len(media_files()) == len(asset.stored_names()) == 6

    Asset.objects.filter(pk=asset.pk).delete_with_files()

    assert media_files() == set()
    assert not Asset.objects.exists()


# --- the request-level size cap (apps/assets/uploads.py) --------------------------------


def test_a_30_mb_upload_is_refused_by_the_view_and_nothing_is_stored(client, alice, media_files):
    client.force_login(alice)

    r = client.post("/assets/upload/", {"file": corpus.thirty_megabytes()}, headers=HTMX)

    assert "larger than 10 MB" in r.text
    assert not Asset.objects.exists()
    assert media_files() == set()


def test_the_size_cap_drains_a_30_mb_body_without_holding_it_in_memory(rf):
    body = encode_multipart(BOUNDARY, {"file": corpus.thirty_megabytes(), "title": "Huge"})
    request = rf.generic("POST", "/assets/upload/", body, content_type=MULTIPART_CONTENT)
    tracemalloc.start()

    files = request.FILES

    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "file" in request.upload_too_large
    assert "file" not in files
    assert request.POST["title"] == "Huge"
    assert peak < 2 * MB
