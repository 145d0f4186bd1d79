"""Published portfolios without an image of their own get a drawn link-preview card."""

import io

from django.core.files.storage import default_storage
from PIL import Image

from apps.portfolios.design import clean_design
from apps.portfolios.models import Portfolio
from tests.conftest import make_user


def publish(owner, **fields) -> Portfolio:
    portfolio = Portfolio.objects.create(owner=owner, title="Maps", slug="ada-maps", **fields)
    portfolio.publish()
    return portfolio


def card(portfolio) -> tuple[dict, Image.Image]:
    image = portfolio.live.snapshot["seo"]["image"]
    path = image["url"].removeprefix("/media/")
    with default_storage.open(path) as file:
        return image, Image.open(io.BytesIO(file.read()))


def test_a_card_with_the_name_title_and_theme_colours_is_drawn(db, client, make_asset):
    ada = make_user("ada@example.com", name="Ada Lovelace", title="Cartographer")
    ada.avatar = make_asset(ada, color=(10, 200, 30))
    ada.save()
    design = clean_design({"theme": "minimal", "colors": {"accent": "#ff0000"}})
    portfolio = publish(ada, design=design)

    meta, picture = card(portfolio)

    assert (meta["width"], meta["height"], picture.size) == (1200, 630, (1200, 630))
    assert meta["alt"] == "Ada Lovelace — Cartographer"
    assert picture.getpixel((10, 300)) == (255, 0, 0)  # the accent band
    assert picture.getpixel((1150, 20)) == (255, 255, 255)  # the theme's background
    assert picture.getpixel((206, 315))[1] > 150  # the avatar, green
    page = client.get("/p/ada-maps/").text
    assert f'<meta property="og:image" content="http://testserver{meta["url"]}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_the_same_portfolio_published_twice_makes_one_file(db):
    ada = make_user("ada@example.com", name="Ada Lovelace")
    portfolio = publish(ada)
    first = portfolio.live.snapshot["seo"]["image"]["url"]

    portfolio.publish()
    ada.title = "Surveyor"
    ada.save()
    third = portfolio.publish().snapshot["seo"]["image"]["url"]

    assert portfolio.live.snapshot["seo"]["image"]["url"] == third != first
    assert len(default_storage.listdir("previews")[1]) == 2


def test_long_and_non_latin_names_fit_and_draw(db):
    ada = make_user("zoe@example.com", name="Zoë 李小龍 " + "Wolfeschlegelsteinhausen" * 3)
    _, picture = card(publish(ada))
    assert picture.size == (1200, 630)


def test_a_chosen_image_wins(db, make_asset):
    ada = make_user("ada@example.com", name="Ada Lovelace")
    chosen = make_asset(ada)
    portfolio = publish(ada, og_image=chosen)

    assert portfolio.live.snapshot["seo"]["image"]["url"] != ""
    assert "previews/" not in portfolio.live.snapshot["seo"]["image"]["url"]
