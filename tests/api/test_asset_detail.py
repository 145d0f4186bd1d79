import uuid
from pathlib import Path

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from apps.assets.models import Asset

from .support import ASSETS, assert_problem, asset_url, upload_asset

JSON = "application/json"


@pytest.fixture
def asset(alice) -> Asset:
    return upload_asset(alice)


def stored_paths(asset: Asset, settings) -> list[Path]:
    return [Path(settings.MEDIA_ROOT) / name for name in asset.stored_names()]


def test_the_owner_gets_the_asset(client, alice, asset):
    client.force_login(alice)

    r = client.get(asset_url(asset))

    assert r.status_code == 200
    assert r.json()["id"] == str(asset.pk)
    assert r.json()["url"] == f"http://testserver{asset.url}"


def test_a_trailing_slash_works_too(client, alice, asset):
    client.force_login(alice)
    assert client.get(f"{asset_url(asset)}/").status_code == 200


def test_the_owner_changes_title_and_alt_text(client, alice, asset):
    client.force_login(alice)

    r = client.patch(
        asset_url(asset), {"title": "Sunset", "altText": "Orange sky"}, content_type=JSON
    )

    assert r.status_code == 200
    assert (r.json()["title"], r.json()["altText"]) == ("Sunset", "Orange sky")
    asset.refresh_from_db()
    assert (asset.title, asset.alt_text) == ("Sunset", "Orange sky")


def test_a_patch_changes_only_the_fields_it_names(client, alice, asset):
    asset.alt_text = "Kept"
    asset.save()
    client.force_login(alice)

    client.patch(asset_url(asset), {"title": "New"}, content_type=JSON)

    asset.refresh_from_db()
    assert (asset.title, asset.alt_text) == ("New", "Kept")


def test_html_in_a_title_is_stored_and_returned_as_plain_text_in_json(client, alice, asset):
    client.force_login(alice)
    title = "<script>alert(1)</script>"

    r = client.patch(asset_url(asset), {"title": title}, content_type=JSON)

    assert r["Content-Type"] == JSON
    assert r.json()["title"] == title
    asset.refresh_from_db()
    assert asset.title == title


@pytest.mark.parametrize(
    ("changes", "code"),
    [({"owner": "someone"}, "unknown_field"), ({"width": 1, "title": "x"}, "read_only")],
)
def test_a_patch_naming_other_fields_is_refused(client, alice, asset, changes, code):
    client.force_login(alice)
    before = asset.title

    body = assert_problem(client.patch(asset_url(asset), changes, content_type=JSON), 400, code)

    assert list(body["errors"]) == [next(iter(changes))]
    asset.refresh_from_db()
    assert asset.title == before


@pytest.mark.parametrize(("field", "limit"), [("title", 200), ("altText", 500)])
def test_huge_values_are_refused_and_the_field_named(client, alice, asset, field, limit):
    client.force_login(alice)

    r = client.patch(asset_url(asset), {field: "x" * (limit + 1)}, content_type=JSON)

    body = assert_problem(r, 400, "max_length")
    assert list(body["errors"]) == [field]
    assert body["detail"].startswith(f"{field}: ")


def test_a_body_that_is_not_json_is_a_parse_problem(client, alice, asset):
    client.force_login(alice)
    r = client.patch(asset_url(asset), "{not json", content_type=JSON)
    assert_problem(r, 400, "parse_error")


def test_a_body_over_the_size_cap_is_a_413_problem(client, alice, asset, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(alice)

    r = client.patch(asset_url(asset), {"altText": "x" * 400}, content_type=JSON)
    big = client.patch(asset_url(asset), {"altText": "x" * 2000}, content_type=JSON)

    assert r.status_code == 200
    assert_problem(big, 413, "too_large")


def test_a_multipart_patch_is_an_unsupported_media_type_problem(client, alice, asset):
    client.force_login(alice)
    body = encode_multipart(BOUNDARY, {"title": "x"})

    r = client.generic("PATCH", asset_url(asset), body, content_type=MULTIPART_CONTENT)

    assert_problem(r, 415, "unsupported_media_type")


def test_delete_removes_the_row_and_every_stored_file(client, alice, asset, settings):
    paths = stored_paths(asset, settings)
    assert len(paths) > 1 and all(p.is_file() for p in paths)
    client.force_login(alice)

    r = client.delete(asset_url(asset))

    assert r.status_code == 204
    assert r.content == b""
    assert not Asset.objects.filter(pk=asset.pk).exists()
    assert not any(p.exists() for p in paths)


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_someone_else_gets_a_404_and_the_asset_survives(client, bob, asset, settings, method):
    client.force_login(bob)

    r = getattr(client, method)(asset_url(asset), {"title": "Mine"}, content_type=JSON)

    assert_problem(r, 404, "not_found")
    assert Asset.objects.get(pk=asset.pk).title == asset.title
    assert all(p.is_file() for p in stored_paths(asset, settings))


def test_another_persons_asset_looks_exactly_like_a_missing_one(client, bob, asset):
    client.force_login(bob)

    theirs = client.get(asset_url(asset)).json()
    missing = client.get(f"{ASSETS}/{uuid.uuid4()}").json()

    assert theirs == missing


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "123", "%20"])
def test_a_malformed_id_is_a_not_found_problem(client, alice, bad_id):
    client.force_login(alice)
    assert_problem(client.get(f"{ASSETS}/{bad_id}"), 404, "not_found")


def test_put_is_a_method_not_allowed_problem(client, alice, asset):
    client.force_login(alice)

    r = client.put(asset_url(asset), {"title": "x"}, content_type=JSON)

    assert_problem(r, 405, "method_not_allowed")
    assert {"GET", "PATCH", "DELETE"} <= set(r["Allow"].split(", "))


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_anonymous_people_get_a_problem(client, asset, method):
    r = getattr(client, method)(asset_url(asset), {"title": "x"}, content_type=JSON)

    assert_problem(r, 401, "not_authenticated")
    assert Asset.objects.filter(pk=asset.pk).exists()
