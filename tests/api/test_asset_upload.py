import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from apps.assets.models import Asset

from .support import ASSETS, assert_problem, image_file, noisy_png


def stored_files(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_it_creates_an_asset_and_answers_201(client, alice, settings):
    client.force_login(alice)

    r = client.post(ASSETS, {"file": image_file(), "title": "Logo", "altText": "Our logo"})

    assert r.status_code == 201
    body = r.json()
    asset = Asset.objects.get(pk=body["id"])
    assert asset.owner == alice
    assert (body["title"], body["altText"]) == ("Logo", "Our logo")
    assert (asset.title, asset.alt_text) == ("Logo", "Our logo")
    assert r["Location"] == f"http://testserver{ASSETS}/{asset.pk}"
    assert (Path(settings.MEDIA_ROOT) / asset.file.name).is_file()


def test_the_title_defaults_to_the_file_name(client, alice):
    client.force_login(alice)

    r = client.post(ASSETS, {"file": image_file("team_photo-2024.png")})

    assert r.json()["title"] == "team photo 2024"


def test_the_same_file_again_answers_200_with_the_same_asset(client, alice):
    client.force_login(alice)
    first = client.post(ASSETS, {"file": image_file()})

    again = client.post(ASSETS, {"file": image_file("copy.png"), "title": "Copy"})

    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["title"] == "photo"
    assert Asset.objects.count() == 1


def test_someone_else_uploading_the_same_file_gets_their_own_asset(client, alice, bob):
    client.force_login(alice)
    client.post(ASSETS, {"file": image_file()})
    client.force_login(bob)

    r = client.post(ASSETS, {"file": image_file()})

    assert r.status_code == 201
    assert Asset.objects.get(pk=r.json()["id"]).owner == bob


def test_svg_is_refused_as_a_format_problem(client, alice, settings):
    client.force_login(alice)
    svg = SimpleUploadedFile(
        "logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', content_type="image/svg+xml"
    )

    body = assert_problem(client.post(ASSETS, {"file": svg}), 400, "format")

    assert body["errors"]["file"] == ["Upload a JPEG, PNG, WebP or GIF image."]
    assert not Asset.objects.exists()
    assert stored_files(settings) == []


def test_a_tiff_named_jpg_is_refused_as_a_format_problem(client, alice):
    client.force_login(alice)
    tiff = image_file("holiday.jpg", fmt="TIFF")
    assert_problem(client.post(ASSETS, {"file": tiff}), 400, "format")


def test_a_truncated_image_is_refused_as_corrupt(client, alice):
    client.force_login(alice)
    buf = io.BytesIO()
    Image.new("RGB", (400, 400), (1, 2, 3)).save(buf, format="JPEG")
    broken = SimpleUploadedFile("cut.jpg", buf.getvalue()[:400], content_type="image/jpeg")

    assert_problem(client.post(ASSETS, {"file": broken}), 400, "corrupt")


def test_a_file_over_the_limit_is_a_413_problem(client, alice, settings):
    settings.ASSET_MAX_BYTES = 1024
    client.force_login(alice)

    body = assert_problem(client.post(ASSETS, {"file": noisy_png()}), 413, "too_large")

    assert body["maxBytes"] == 1024
    assert not Asset.objects.exists()


def test_going_past_the_storage_quota_is_a_quota_problem(client, alice, settings):
    settings.ASSET_QUOTA_FREE_BYTES = 100
    client.force_login(alice)

    body = assert_problem(client.post(ASSETS, {"file": noisy_png()}), 400, "quota")

    assert "storage" in body["detail"]


def test_a_missing_file_is_a_required_problem(client, alice):
    client.force_login(alice)

    body = assert_problem(client.post(ASSETS, {"title": "No file"}), 400, "required")

    assert list(body["errors"]) == ["file"]


def test_an_empty_file_is_refused(client, alice):
    client.force_login(alice)
    empty = SimpleUploadedFile("empty.png", b"", content_type="image/png")
    assert_problem(client.post(ASSETS, {"file": empty}), 400, "empty")


def test_a_huge_title_or_alt_text_is_refused_and_named(client, alice, settings):
    client.force_login(alice)

    r = client.post(ASSETS, {"file": image_file(), "title": "t" * 201, "altText": "a" * 501})

    body = assert_problem(r, 400, "max_length")
    assert set(body["errors"]) == {"title", "altText"}
    assert body["detail"].startswith("title: ")
    assert stored_files(settings) == []


def test_a_json_upload_is_an_unsupported_media_type_problem(client, alice):
    client.force_login(alice)

    r = client.post(ASSETS, {"title": "x"}, content_type="application/json")

    assert_problem(r, 415, "unsupported_media_type")


def test_anonymous_uploads_are_refused_with_a_problem(client, db):
    assert_problem(client.post(ASSETS, {"file": image_file()}), 401, "not_authenticated")
    assert not Asset.objects.exists()


def test_an_upload_without_the_csrf_token_is_refused_with_a_problem(alice):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)

    r = browser.post(ASSETS, {"file": image_file()})

    assert_problem(r, 403, "csrf_failed")
    assert not Asset.objects.exists()


def test_an_upload_with_the_csrf_token_is_accepted(alice, settings):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    token = "k" * 32
    browser.cookies[settings.CSRF_COOKIE_NAME] = token

    r = browser.post(ASSETS, {"file": image_file()}, headers={"X-CSRFToken": token})

    assert r.status_code == 201
