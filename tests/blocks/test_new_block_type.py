"""A new block type needs its module, its template and one registry line, nothing more.

`tests/blocks/spotlight.py` is written like a module of apps/blocks/types/ and its template sits
in tests/blocks/templates/blocks/; the `spotlight` fixture adds the registry line. Everything a
person then does with it (add it, pick what it shows, publish, see where an image is used,
download the site) works without any other file knowing the type's name.
"""

import io
import zipfile
from pathlib import Path

import pytest

from apps.blocks import registry
from apps.core import published as page_cache
from apps.library.models import Project
from apps.portfolios.models import Portfolio
from tests.blocks import spotlight as spotlight_module
from tests.conftest import HTMX

TEMPLATES = Path(__file__).parent / "templates"


@pytest.fixture
def spotlight(monkeypatch, settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], TEMPLATES]}]
    monkeypatch.setitem(registry.BLOCK_TYPES, "spotlight", spotlight_module.block)  # the line


@pytest.fixture
def site(alice) -> Portfolio:
    return Portfolio.objects.create(owner=alice, title="Alice’s work", slug="alice")


def add_spotlight(client, site) -> dict:
    client.post(
        f"/portfolios/{site.pk}/edit/blocks/add/",
        {"type": "spotlight", "page": site.pages[0]["id"]},
        headers=HTMX,
    )
    site.refresh_from_db()
    return site.pages[0]["blocks"][-1]


def test_the_editor_offers_it_with_pickers_for_what_it_declares(
    client, alice, bob, site, spotlight
):
    clockwork = Project.objects.create(owner=alice, title="Clockwork")
    Project.objects.create(owner=bob, title="Bob’s secret")
    client.force_login(alice)

    menu = client.get(f"/portfolios/{site.pk}/edit/").text
    block = add_spotlight(client, site)
    form = client.get(f"/portfolios/{site.pk}/edit/blocks/{block['id']}/", headers=HTMX).text

    assert "One project with a photo of your choice." in menu
    assert block["data"] == {"heading": "In the spotlight", "project": "", "photo": ""}
    assert f'<option value="{clockwork.pk.hex}"' in form and ">Clockwork</option>" in form
    assert "Bob’s secret" not in form
    assert "Choose image" in form  # the asset picker, for the declared `photo`


def test_published_it_shows_what_it_names_and_the_page_allows_what_it_declares(
    client, alice, site, spotlight, make_asset, django_assert_max_num_queries
):
    clockwork = Project.objects.create(owner=alice, title="Clockwork", summary="Gears, all of it")
    photo = make_asset(alice)
    client.force_login(alice)
    block = add_spotlight(client, site)
    client.post(
        f"/portfolios/{site.pk}/edit/blocks/{block['id']}/",
        {"rev": 1, "b-heading": "Proud of", "b-project": str(clockwork.pk), "b-photo": photo.pk},
        headers=HTMX,
    )
    client.post(f"/portfolios/{site.pk}/publish/")
    client.logout()
    page_cache.forget("p/alice")

    with django_assert_max_num_queries(3):
        r = client.get("/p/alice/")

    assert "Proud of" in r.text and "Clockwork: Gears, all of it" in r.text
    assert f'src="{photo.url}"' in r.text
    assert "https://badges.example" in _directive(r, "img-src")


def test_where_used_and_the_download_follow_its_declarations(
    client, alice, site, spotlight, make_asset
):
    photo, unused = make_asset(alice), make_asset(alice, color=(1, 2, 3))
    client.force_login(alice)
    block = add_spotlight(client, site)
    site.update_block(block["id"], {**block["data"], "photo": str(photo.pk)}, based_on=1)
    site.publish(by=alice)

    panel = client.get(f"/assets/{photo.pk}/").text
    other = client.get(f"/assets/{unused.pk}/").text
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/portfolios/{site.pk}/download/").content))

    assert "Portfolio “Alice’s work”" in panel
    assert "Not used anywhere yet." in other
    assert f"media/{photo.file.name}" in archive.namelist()
    assert not any(name.startswith(f"media/{unused.folder}/") for name in archive.namelist())


def _directive(response, name: str) -> str:
    policy = response["Content-Security-Policy"]
    return next((d for d in policy.split(";") if d.strip().startswith(name)), "")
