"""The S3 storage path against a real S3-compatible server (moto) on 127.0.0.1."""

import json
import mimetypes
import socket
import urllib.request
import uuid
from dataclasses import dataclass
from unittest import mock

import boto3
import pytest
from botocore.config import Config
from django.core.exceptions import ValidationError
from moto.server import ThreadedMotoServer
from storages.backends.s3 import S3Storage

from apps.assets.models import Asset
from tests.assets import corpus
from tests.conftest import HTMX

CACHE_CONTROL = "public, max-age=31536000, immutable"


@dataclass
class Bucket:
    client: object
    name: str
    endpoint: str

    def keys(self) -> set[str]:
        found = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in found.get("Contents", [])}


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch) -> Bucket:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
    )
    name = f"grooya-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    # Unsigned URLs (S3_SIGNED_URLS off) need objects readable by anyone, as in production.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read))
    use_bucket(settings, s3_endpoint, name)
    return Bucket(client, name, s3_endpoint)


def use_bucket(settings, endpoint: str, name: str, **options) -> None:
    """The options project/settings.py builds for STORAGE_BACKEND=s3, aimed at moto."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "custom_domain": None,
                "querystring_auth": False,
                "querystring_expire": 3600,
                "addressing_style": "path",
                "signature_version": "s3v4",
                "file_overwrite": False,
                "object_parameters": {"CacheControl": CACHE_CONTROL},
                "access_key": "testing",
                "secret_key": "testing",
                **options,
            },
        },
    }


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read(), response.headers


def test_an_upload_puts_the_original_and_every_rendition_in_the_bucket(alice, bucket, media_files):
    asset, created = Asset.create_from_upload(alice, corpus.image((400, 300)))

    assert created
    assert isinstance(asset.file.storage, S3Storage)
    assert bucket.keys() == set(asset.stored_names())
    assert len(bucket.keys()) == 4  # original, webp and png at 320, thumb
    assert media_files() == set()


def test_asset_urls_point_at_the_bucket_and_serve_the_image(alice, bucket, stored_files):
    asset, _ = Asset.create_from_upload(alice, corpus.image((400, 300)))
    stored = stored_files(asset)

    original, headers = fetch(asset.url)
    thumb, thumb_headers = fetch(asset.thumb_url)

    assert asset.url.startswith(f"{bucket.endpoint}/{bucket.name}/assets/")
    assert (original, headers["Content-Type"]) == (stored[asset.file.name], "image/png")
    assert headers["Cache-Control"] == CACHE_CONTROL
    assert thumb == stored[asset.renditions["thumb"]["name"]]
    assert thumb_headers["Content-Type"] == "image/webp"


def test_every_object_gets_its_real_content_type_without_guessing_from_its_name(alice, bucket):
    # Slim container images ship no /etc/mime.types, and Python alone does not know .webp.
    with mock.patch.object(mimetypes, "guess_type", autospec=True, return_value=(None, None)):
        asset, _ = Asset.create_from_upload(alice, corpus.image((400, 300), "JPEG"))

    types = {
        name: bucket.client.head_object(Bucket=bucket.name, Key=name)["ContentType"]
        for name in asset.stored_names()  # original.jpg, w320.webp, w320.jpg, thumb.webp
    }
    assert sorted(types.values()) == ["image/jpeg", "image/jpeg", "image/webp", "image/webp"]


def test_signed_urls_carry_a_signature_and_fetch_the_image(alice, bucket, settings):
    use_bucket(settings, bucket.endpoint, bucket.name, querystring_auth=True)

    asset, _ = Asset.create_from_upload(alice, corpus.image((400, 300)))

    for url in (asset.url, asset.thumb_url, asset.srcset().split(" ")[0]):
        assert "X-Amz-Signature=" in url
        data, headers = fetch(url)
        assert headers["Content-Type"].startswith("image/") and data


def test_deleting_with_files_leaves_the_bucket_empty(alice, bucket):
    Asset.create_from_upload(alice, corpus.image((400, 300)))
    Asset.create_from_upload(alice, corpus.image((300, 200), color=(1, 2, 3)))

    Asset.objects.filter(owner=alice).delete_with_files()

    assert bucket.keys() == set()
    assert not Asset.objects.exists()


def test_a_refused_or_repeated_upload_adds_nothing_to_the_bucket(alice, bucket):
    Asset.create_from_upload(alice, corpus.image((400, 300)))
    keys = bucket.keys()

    with pytest.raises(ValidationError):
        Asset.create_from_upload(alice, corpus.bomb_png())
    _, created = Asset.create_from_upload(alice, corpus.image((400, 300)))

    assert not created
    assert bucket.keys() == keys


def test_the_upload_view_stores_in_the_bucket(client, alice, bucket):
    client.force_login(alice)

    r = client.post("/assets/upload/", {"file": corpus.image((400, 300))}, headers=HTMX)

    assert r.status_code == 200
    asset = Asset.objects.get(owner=alice)
    assert r["X-Asset-Id"] == str(asset.pk)
    assert bucket.keys() == set(asset.stored_names())
    assert asset.thumb_url.split("?")[0] in r.text
