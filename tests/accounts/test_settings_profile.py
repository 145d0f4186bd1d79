import io
import os
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.accounts.models import User

URL = "/settings/"


def image_file(fmt="PNG", size=(800, 600), name="me.png", exif=None) -> SimpleUploadedFile:
    buf = io.BytesIO()
    Image.new("RGB", size, (120, 60, 200)).save(
        buf, format=fmt, **({"exif": exif} if exif else {})
    )
    return SimpleUploadedFile(name, buf.getvalue(), content_type=f"image/{fmt.lower()}")


def bomb_png(width=50_000, height=50_000) -> SimpleUploadedFile:
    """A tiny PNG whose header claims billions of pixels."""
    buf = io.BytesIO()
    Image.new("L", (1, 1)).save(buf, format="PNG")
    data = bytearray(buf.getvalue())
    ihdr = bytes(data[12:16]) + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return SimpleUploadedFile("bomb.png", bytes(data), content_type="image/png")


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPSInfo
    return exif.tobytes()


def test_the_profile_form_shows_current_values(client, alice):
    client.force_login(alice)

    r = client.get(URL)

    assert r.status_code == 200
    assert 'value="Alice Liddell"' in r.text
    assert 'value="Illustrator"' in r.text


def test_saving_the_profile_updates_it_and_says_so(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice L.", "title": "Painter", "bio": "Hi ✨"}, follow=True)

    assert "Your profile is saved." in r.text
    alice.refresh_from_db()
    assert (alice.name, alice.title, alice.bio) == ("Alice L.", "Painter", "Hi ✨")


def test_a_huge_bio_is_refused_and_the_typed_values_stay(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"name": "Kept name", "title": "T", "bio": "b" * 10_000})

    assert r.status_code == 200
    assert "Ensure this value has at most 2000 characters" in r.text
    assert 'value="Kept name"' in r.text
    alice.refresh_from_db()
    assert alice.name == "Alice Liddell"


def test_html_in_the_profile_is_escaped_when_shown(client, alice):
    client.force_login(alice)
    client.post(URL, {"name": "<img src=x onerror=alert(1)>", "title": "<b>t</b>", "bio": ""})

    r = client.get(URL)

    assert "<img src=x onerror=alert(1)>" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_an_avatar_is_cropped_square_and_reencoded_without_exif(client, alice):
    client.force_login(alice)
    upload = image_file("JPEG", (1200, 800), "me.jpg", exif=gps_exif())

    client.post(URL, {"name": "Alice", "avatar": upload})

    alice.refresh_from_db()
    assert alice.avatar.name.startswith("avatars/") and alice.avatar.name.endswith(".webp")
    assert "me" not in alice.avatar.name.removeprefix("avatars/")
    with Image.open(alice.avatar.path) as saved:
        assert saved.format == "WEBP"
        assert saved.size == (400, 400)
        assert not saved.getexif()
        assert b"SpyCam" not in alice.avatar.open("rb").read()


def test_replacing_an_avatar_deletes_the_old_file(client, alice):
    client.force_login(alice)
    client.post(URL, {"name": "Alice", "avatar": image_file()})
    alice.refresh_from_db()
    old_path = alice.avatar.path

    client.post(URL, {"name": "Alice", "avatar": image_file("WEBP", name="new.webp")})

    alice.refresh_from_db()
    assert alice.avatar.path != old_path
    assert not os.path.exists(old_path)


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "x.svg"),
        (b"GIF89a<html><script>alert(1)</script></html>", "polyglot.gif"),
        (b"not an image at all", "notes.png"),
    ],
)
def test_files_that_are_not_allowed_images_are_refused_with_the_formats_named(
    client, alice, content, name
):
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice", "avatar": SimpleUploadedFile(name, content)})

    assert r.status_code == 200
    assert "Upload a JPEG, PNG, WebP or GIF image." in r.text
    assert not User.objects.get(pk=alice.pk).avatar


def test_a_tiff_named_jpg_is_refused(client, alice):
    client.force_login(alice)
    tiff = image_file("TIFF", name="holiday.jpg")

    r = client.post(URL, {"name": "Alice", "avatar": tiff})

    assert "Upload a JPEG, PNG, WebP or GIF image." in r.text


def test_a_decompression_bomb_is_refused(client, alice):
    client.force_login(alice)
    r = client.post(URL, {"name": "Alice", "avatar": bomb_png()})

    assert "That image has too many pixels." in r.text
    assert not User.objects.get(pk=alice.pk).avatar


def test_an_oversized_file_is_refused_with_the_limit(client, alice, settings):
    settings.AVATAR_MAX_BYTES = 1024
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice", "avatar": image_file(size=(600, 600))})

    assert "the limit is" in r.text
    assert not User.objects.get(pk=alice.pk).avatar


def test_the_profile_page_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.put(URL).status_code == 405
