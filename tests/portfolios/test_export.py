import io
import re
import zipfile

import pytest
from django.core.management import call_command

from apps.portfolios.models import Portfolio
from tests.portfolios.conftest import blocks


def test_the_static_site_zip_works_from_disk(client, alice, portfolio, make_asset):
    image = make_asset(alice, size=(700, 500))
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {**hero["data"], "image": str(image.pk)}, based_on=1)
    work = portfolio.add_page("Work").page
    portfolio.add_block(work["id"], "rich_text")
    portfolio.publish(by=alice)
    client.force_login(alice)

    r = client.get(f"/portfolios/{portfolio.pk}/download/")

    assert r["Content-Disposition"] == 'attachment; filename="alice-site.zip"'
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    names = set(archive.namelist())
    assert {"index.html", "work/index.html", "assets/site.css"} <= names
    home = archive.read("index.html").decode()
    assert 'href="work/index.html"' in home
    assert 'href="assets/site.css"' in home
    assert '"/media/' not in home and " /media/" not in home  # every image link is relative
    linked = [name for name in image.stored_names() if f"media/{name}" in home]
    assert linked and all(f"media/{name}" in names for name in linked)
    assert 'href="../index.html"' in archive.read("work/index.html").decode()


def test_downloading_needs_a_published_portfolio(client, alice, portfolio):
    client.force_login(alice)

    r = client.get(f"/portfolios/{portfolio.pk}/download/", follow=True)

    assert "Publish your portfolio first" in r.text


def test_other_people_cannot_download(client, bob, portfolio, alice):
    portfolio.publish(by=alice)
    client.force_login(bob)

    assert client.get(f"/portfolios/{portfolio.pk}/download/").status_code == 404


def download(client, portfolio) -> zipfile.ZipFile:
    portfolio.publish()
    r = client.get(f"/portfolios/{portfolio.pk}/download/")
    assert r.status_code == 200
    return zipfile.ZipFile(io.BytesIO(r.content))


def test_someone_elses_media_path_typed_into_a_page_stays_text_and_out_of_the_zip(
    client, alice, bob, portfolio, make_asset
):
    mine, theirs = make_asset(alice), make_asset(bob, color=(7, 7, 7))
    hero = blocks(portfolio)[0]
    typed = {"heading": theirs.url, "subheading": f"And {theirs.thumb_url}"}
    portfolio.update_block(hero["id"], {**hero["data"], **typed, "image": mine.pk}, based_on=1)
    client.force_login(alice)

    archive = download(client, portfolio)

    names = archive.namelist()
    assert not any(theirs.folder in name for name in names)
    assert f"media/{mine.file.name}" in names
    home = archive.read("index.html").decode()
    assert theirs.url in home and theirs.thumb_url in home  # left as typed


@pytest.mark.parametrize(
    "path", ["/media/../../project/settings.py", "/media/assets/../../../../etc/passwd"]
)
def test_a_media_path_climbing_out_of_storage_neither_fails_nor_copies(
    client, alice, portfolio, path
):
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {**hero["data"], "heading": path}, based_on=1)
    client.force_login(alice)

    archive = download(client, portfolio)

    copied = [name for name in archive.namelist() if name.startswith("media/")]
    assert [name for name in copied if not name.startswith("media/previews/")] == []


def test_the_profile_photo_and_link_preview_image_come_along(client, alice, portfolio, make_asset):
    alice.avatar = make_asset(alice)
    alice.save()
    preview = make_asset(alice, size=(1200, 630), color=(9, 9, 9))
    Portfolio.objects.filter(pk=portfolio.pk).update(og_image=preview)
    portfolio.refresh_from_db()
    client.force_login(alice)

    archive = download(client, portfolio)

    home = archive.read("index.html").decode()
    assert f'<meta property="og:image" content="media/{preview.file.name}">' in home
    assert f'src="media/{alice.avatar.renditions["thumb"]["name"]}"' in home
    assert {
        f"media/{preview.file.name}",
        f"media/{alice.avatar.renditions['thumb']['name']}",
    } <= set(archive.namelist())


def test_the_zip_is_complete_with_production_static_files(client, alice, portfolio, settings):
    """collectstatic into a fresh STATIC_ROOT with the hashing storage production uses: the
    page links site.<hash>.css there, the zip must link what it holds."""
    settings.STATIC_ROOT = settings.MEDIA_ROOT.parent / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    portfolio.publish(by=alice)
    assert re.search(r"/static/site/site\.[0-9a-f]{12}\.css", client.get("/p/alice/").text)
    client.force_login(alice)

    archive = zipfile.ZipFile(
        io.BytesIO(client.get(f"/portfolios/{portfolio.pk}/download/").content)
    )

    names = set(archive.namelist())
    home = archive.read("index.html").decode()
    assert "/static/" not in home
    linked = re.findall(r'(?:href|src)="(assets/[^"]+)"', home)
    assert "assets/site.css" in linked and "assets/favicon.svg" in linked
    assert set(linked) <= names
    fonts = re.findall(r'url\("([^"]+)"\)', archive.read("assets/site.css").decode())
    assert fonts and {f"assets/{font}" for font in fonts} <= names
