import io
import os

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from apps.accounts.models import User

# Playwright's sync API runs an event loop in the test thread; Django's ORM is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HTMX = {"HX-Request": "true"}
PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(autouse=True)
def _clean_cache():
    # allauth keeps its rate-limit counters in the cache; public pages live there too.
    from apps.core import published as page_cache

    cache.clear()
    page_cache.clear_local()
    yield
    cache.clear()
    page_cache.clear_local()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_user(email: str, **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def alice(db) -> User:
    return make_user("alice@example.com", name="Alice Liddell", title="Illustrator")


@pytest.fixture
def bob(db) -> User:
    return make_user("bob@example.com", name="Bob Builder")


def image_upload(
    fmt: str = "PNG", size: tuple[int, int] = (480, 320), name: str = "", color=(120, 60, 200)
) -> SimpleUploadedFile:
    """A real image file as a browser would upload it."""
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt)
    name = name or f"photo.{fmt.lower()}"
    return SimpleUploadedFile(name, buf.getvalue(), content_type=f"image/{fmt.lower()}")


@pytest.fixture
def make_asset():
    from apps.assets.models import Asset

    def make(owner, **kwargs):
        asset, _ = Asset.create_from_upload(owner, image_upload(**kwargs))
        return asset

    return make
