from django.core.files.uploadedfile import SimpleUploadedFile

from apps.assets.models import Asset
from tests.conftest import HTMX, image_upload


def test_the_library_lists_only_my_images(client, alice, bob, make_asset):
    mine = make_asset(alice)
    theirs = make_asset(bob, color=(1, 2, 3))
    client.force_login(alice)

    r = client.get("/assets/")

    assert r.status_code == 200
    assert f'id="asset-{mine.pk}"' in r.text
    assert str(theirs.pk) not in r.text
    assert "of 200.0\xa0MB" in r.text  # the storage meter


def test_an_empty_library_says_what_to_do(client, alice):
    client.force_login(alice)

    assert "Your library is empty." in client.get("/assets/").text


def test_htmx_filtering_returns_just_the_grid(client, alice, make_asset):
    make_asset(alice).__class__.objects.update(title="Sunset")
    other = make_asset(alice, color=(9, 9, 9))
    Asset.objects.filter(pk=other.pk).update(title="Logo")
    client.force_login(alice)

    r = client.get("/assets/", {"q": "sun"}, headers=HTMX)

    assert "<html" not in r.text
    assert r.text.lstrip().startswith('<section id="asset-grid"')
    assert "Sunset" in r.text and "Logo" not in r.text


def test_a_search_that_finds_nothing_offers_to_show_everything(client, alice, make_asset):
    make_asset(alice)
    client.force_login(alice)

    r = client.get("/assets/", {"q": "nothing-like-this"})

    assert "No images match." in r.text


def test_sorting_by_size_and_filtering_by_kind(client, alice, make_asset):
    small = make_asset(alice, size=(40, 40))
    large = make_asset(alice, size=(600, 400), color=(200, 10, 10))
    Asset.objects.filter(pk=small.pk).update(kind="ai")
    client.force_login(alice)

    by_size = client.get("/assets/", {"sort": "large"}).text
    only_ai = client.get("/assets/", {"kind": "ai"}).text

    assert by_size.index(str(large.pk)) < by_size.index(str(small.pk))
    assert str(small.pk) in only_ai and str(large.pk) not in only_ai


def test_bad_filter_values_are_ignored_not_errors(client, alice, make_asset):
    make_asset(alice)
    client.force_login(alice)

    r = client.get("/assets/", {"sort": "<script>", "kind": "x" * 5000, "page": "-1"})

    assert r.status_code == 200
    assert "<script>" not in r.text


def test_pages_load_more_images(client, alice, make_asset):
    for shade in range(25):
        make_asset(alice, size=(20, 20), color=(shade, shade, shade))
    client.force_login(alice)

    first = client.get("/assets/")
    more = client.get("/assets/", {"page": 2}, headers={**HTMX, "HX-Target": "load-more"})

    assert first.text.count('<li id="asset-') == 24
    assert 'id="load-more"' in first.text
    assert more.text.count('<li id="asset-') == 1
    assert "<section" not in more.text


def test_the_library_needs_a_signed_in_person(client, db):
    r = client.get("/assets/")

    assert r.status_code == 302
    assert r.url.startswith("/accounts/login/")


def test_uploading_with_htmx_returns_the_new_tile(client, alice):
    client.force_login(alice)

    r = client.post("/assets/upload/", {"file": image_upload(name="Team photo.png")}, headers=HTMX)

    asset = Asset.objects.get(owner=alice)
    assert r.status_code == 200
    assert r["X-Asset-Created"] == "1"
    assert r.text.lstrip().startswith(f'<li id="asset-{asset.pk}"')
    assert asset.title == "Team photo"
    assert asset.thumb_url in r.text
    assert 'id="storage-usage"' in r.text  # the meter the uploader swaps in


def test_uploading_the_same_file_twice_reuses_the_image(client, alice):
    client.force_login(alice)
    upload = image_upload()
    client.post("/assets/upload/", {"file": upload}, headers=HTMX)
    upload.seek(0)

    r = client.post("/assets/upload/", {"file": upload}, headers=HTMX)

    assert r["X-Asset-Created"] == "0"
    assert Asset.objects.filter(owner=alice).count() == 1


def test_a_bad_file_gets_its_error_and_nothing_is_kept(client, alice):
    client.force_login(alice)
    svg = SimpleUploadedFile("x.svg", b"<svg><script>alert(1)</script></svg>", "image/svg+xml")

    r = client.post("/assets/upload/", {"file": svg}, headers=HTMX)

    assert r.status_code == 200
    assert "X-Asset-Id" not in r
    assert "Upload a JPEG, PNG, WebP or GIF image." in r.text
    assert not Asset.objects.exists()


def test_a_file_over_the_limit_is_refused_while_it_streams(client, alice, settings):
    settings.ASSET_MAX_BYTES = 50_000
    client.force_login(alice)
    big = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * 200_000, "image/png")

    r = client.post("/assets/upload/", {"file": big}, headers=HTMX)

    assert "X-Asset-Id" not in r
    assert "That file is larger than 0 MB. Resize it and try again." in r.text
    assert not Asset.objects.exists()


def test_uploading_without_a_file_asks_for_one(client, alice):
    client.force_login(alice)

    r = client.post("/assets/upload/", {}, headers=HTMX)

    assert "X-Asset-Id" not in r
    assert "Choose an image to upload." in r.text


def test_uploading_without_javascript_redirects_with_a_message(client, alice):
    client.force_login(alice)

    r = client.post("/assets/upload/", {"file": image_upload()}, follow=True)

    assert r.redirect_chain == [("/assets/", 302)]
    assert "Image uploaded." in r.text


def test_upload_refuses_get(client, alice):
    client.force_login(alice)
    assert client.get("/assets/upload/").status_code == 405
