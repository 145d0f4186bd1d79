import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from apps.portfolios.models import Portfolio

pytestmark = pytest.mark.django_db


def test_a_page_without_an_image_of_its_own_gets_a_generated_preview(client, published):
    page = client.get("/p/alice/").text
    assert '<meta property="og:image" content="http://testserver/p/alice/og.png">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page

    r = client.get("/p/alice/og.png")

    assert r.status_code == 200 and r["Content-Type"] == "image/png"
    assert "public" in r["Cache-Control"]
    image = Image.open(io.BytesIO(r.content))
    assert image.size == (1200, 630)
    stored = f"og/{published.live_id.hex}.png"
    assert default_storage.exists(stored)
    assert client.get("/p/alice/og.png").content == r.content  # from storage the second time


def test_it_shows_the_avatar_in_the_theme_colours(client, alice, published, make_asset):
    alice.avatar = make_asset(alice, color=(250, 10, 10))
    alice.save()
    published.publish()

    image = Image.open(io.BytesIO(client.get("/p/alice/og.png").content)).convert("RGB")

    assert image.getpixel((1200 - 80 - 120, 315)) == (250, 10, 10)  # the avatar's centre
    assert image.getpixel((600, 40)) != (250, 10, 10)


def test_publishing_again_makes_a_new_one(client, published):
    client.get("/p/alice/og.png")
    first = published.live_id
    published.publish()
    client.get("/p/alice/og.png")
    assert default_storage.exists(f"og/{first.hex}.png")
    assert default_storage.exists(f"og/{published.live_id.hex}.png")


def test_a_custom_image_wins(client, alice, published, make_asset):
    published.og_image = make_asset(alice)
    published.save()
    published.publish()
    page = client.get("/p/alice/").text
    assert "og.png" not in page


def test_private_and_unpublished_portfolios_have_none(client, alice, published):
    published.visibility = Portfolio.Visibility.PRIVATE
    published.save()
    assert client.get("/p/alice/og.png").status_code == 404
    Portfolio.objects.create(owner=alice, title="Draft", slug="draft")
    assert client.get("/p/draft/og.png").status_code == 404
    assert client.get("/p/nobody/og.png").status_code == 404
