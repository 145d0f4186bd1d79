from pathlib import Path

import pytest

from apps.assets.models import Asset
from tests.conftest import HTMX


@pytest.fixture
def asset(alice, make_asset) -> Asset:
    return make_asset(alice, size=(700, 500))


def url(asset, action=""):
    return f"/assets/{asset.pk}/{action + '/' if action else ''}"


def test_the_detail_page_shows_the_image_and_its_facts(client, alice, asset):
    client.force_login(alice)

    r = client.get(url(asset))

    assert r.status_code == 200
    assert 'width="700" height="500"' in r.text
    assert asset.webp_srcset.split(" ")[0] in r.text
    assert "This image has no alt text." in r.text
    assert "Not used anywhere yet." in r.text


def test_htmx_gets_the_panel_only(client, alice, asset):
    client.force_login(alice)

    r = client.get(url(asset), headers=HTMX)

    assert "<html" not in r.text
    assert 'id="asset-panel-card"' in r.text


@pytest.mark.parametrize("action", ["", "delete", "download"])
def test_other_people_get_a_404_for_my_image(client, bob, asset, action):
    client.force_login(bob)

    get = client.get(url(asset, action))
    post = client.post(url(asset, action), {"title": "mine now", "alt_text": "x"})

    assert get.status_code in (404, 405)
    assert post.status_code in (404, 405)
    assert 404 in (get.status_code, post.status_code)
    asset.refresh_from_db()
    assert asset.title != "mine now"
    assert Asset.objects.filter(pk=asset.pk).exists()


def test_a_made_up_id_is_a_404(client, alice):
    client.force_login(alice)
    assert client.get("/assets/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_saving_alt_text_refreshes_the_panel_and_the_tile(client, alice, asset):
    client.force_login(alice)

    r = client.post(url(asset), {"title": "Café ☕", "alt_text": "A cup on a table"}, headers=HTMX)

    asset.refresh_from_db()
    assert (asset.title, asset.alt_text) == ("Café ☕", "A cup on a table")
    assert "Saved." in r.text
    assert "This image has no alt text." not in r.text
    assert f'<li id="asset-{asset.pk}" hx-swap-oob="true"' in r.text


def test_too_long_alt_text_is_refused_and_kept_in_the_form(client, alice, asset):
    client.force_login(alice)

    r = client.post(url(asset), {"title": "t", "alt_text": "a" * 600}, headers=HTMX)

    assert "Ensure this value has at most 500 characters" in r.text
    assert Asset.objects.get(pk=asset.pk).alt_text == ""


def test_script_in_titles_is_shown_as_text(client, alice, asset):
    client.force_login(alice)
    client.post(url(asset), {"title": "<script>alert(1)</script>", "alt_text": '"><img src=x>'})

    page = client.get("/assets/").text + client.get(url(asset)).text

    assert "<script>alert(1)</script>" not in page
    assert '"><img src=x>' not in page


def test_deleting_removes_the_row_the_original_and_every_rendition(client, alice, asset, settings):
    paths = [Path(asset.file.storage.path(name)) for name in asset.stored_names()]
    assert len(paths) > 3 and all(p.exists() for p in paths)
    client.force_login(alice)

    r = client.post(url(asset, "delete"), headers=HTMX)

    assert r.status_code == 200
    assert r.text == ""
    assert "asset-deleted" in r["HX-Trigger"]
    assert not Asset.objects.filter(pk=asset.pk).exists()
    assert not any(p.exists() for p in paths)


def test_deleting_an_image_in_use_warns_first_and_clears_the_use(client, alice, asset):
    alice.avatar = asset
    alice.save()
    client.force_login(alice)

    panel = client.get(url(asset)).text
    client.post(url(asset, "delete"))

    assert "It is used in 1 place; deleting removes it there too." in panel
    assert "Your profile photo" in panel
    alice.refresh_from_db()
    assert alice.avatar is None


def test_delete_takes_only_post(client, alice, asset):
    client.force_login(alice)
    assert client.get(url(asset, "delete")).status_code == 405


def test_downloading_the_original_names_the_file_after_its_title(client, alice, asset):
    Asset.objects.filter(pk=asset.pk).update(title="My logo / final")
    client.force_login(alice)

    r = client.get(url(asset, "download"))

    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="My-logo---final.png"'
    assert b"".join(r.streaming_content)[:4] == b"\x89PNG"


def test_the_picker_lists_my_images_as_choices(client, alice, bob, asset, make_asset):
    theirs = make_asset(bob, color=(3, 3, 3))
    client.force_login(alice)

    r = client.get("/assets/picker/", headers=HTMX)

    assert f'data-asset-id="{asset.pk}"' in r.text
    assert str(theirs.pk) not in r.text
    assert 'data-upload-url="/assets/upload/?picker=1"' in r.text


def test_media_files_are_served_with_safe_headers(client, asset):
    r = client.get(asset.thumb_url)

    assert r.status_code == 200
    assert r["Content-Type"] == "image/webp"
    assert r["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in r["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/media/assets/", "/media/../project/settings.py", "/media/nope.png", "/media/assets"]
)
def test_media_never_lists_folders_or_escapes_the_root(client, db, path):
    assert client.get(path).status_code == 404


def test_usage_lists_projects_and_portfolios_using_the_image(client, alice, asset):
    from apps.library.models import Project
    from apps.portfolios.models import Portfolio

    Project.objects.create(owner=alice, title="Clockwork", cover=asset)
    portfolio = Portfolio.objects.create(owner=alice, title="Main site", slug="alice-main")
    portfolio.add_block(portfolio.pages[0]["id"], "gallery")
    block = Portfolio.objects.get(pk=portfolio.pk).pages[0]["blocks"][0]
    portfolio.update_block(block["id"], {**block["data"], "images": [str(asset.pk)]}, based_on=1)
    client.force_login(alice)

    panel = client.get(url(asset)).text

    assert "Project “Clockwork”" in panel
    assert "Portfolio “Main site”" in panel
    assert "It is used in 2 places" in panel
