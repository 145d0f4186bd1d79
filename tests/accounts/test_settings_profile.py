from apps.accounts.models import User
from tests.conftest import HTMX

URL = "/settings/"


def test_the_profile_form_shows_current_values(client, alice):
    client.force_login(alice)

    r = client.get(URL)

    assert r.status_code == 200
    assert 'value="Alice Liddell"' in r.text
    assert 'value="Illustrator"' in r.text


def test_saving_the_profile_updates_it_and_says_so(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice L.", "title": "Painter", "bio": "Hi ✨"}, follow=True)

    assert "Your profile is saved." in r.text
    alice.refresh_from_db()
    assert (alice.name, alice.title, alice.bio) == ("Alice L.", "Painter", "Hi ✨")


def test_a_huge_bio_is_refused_and_the_typed_values_stay(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"name": "Kept name", "title": "T", "bio": "b" * 10_000})

    assert r.status_code == 200
    assert "Ensure this value has at most 2000 characters" in r.text
    assert 'value="Kept name"' in r.text
    alice.refresh_from_db()
    assert alice.name == "Alice Liddell"


def test_html_in_the_profile_is_escaped_when_shown(client, alice):
    client.force_login(alice)
    client.post(URL, {"name": "<img src=x onerror=alert(1)>", "title": "<b>t</b>", "bio": ""})

    r = client.get(URL)

    assert "<img src=x onerror=alert(1)>" not in r.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_choosing_an_avatar_from_the_library(client, alice, make_asset):
    asset = make_asset(alice)
    client.force_login(alice)

    client.post(URL, {"name": "Alice", "avatar": str(asset.pk)})

    alice.refresh_from_db()
    assert alice.avatar == asset
    assert asset.thumb_url in client.get("/dashboard/").text


def test_someone_elses_asset_cannot_become_my_avatar(client, alice, bob, make_asset):
    bobs = make_asset(bob)
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice", "avatar": str(bobs.pk)})

    assert "Choose an image from your library." in r.text
    assert bobs.thumb_url not in r.text
    assert User.objects.get(pk=alice.pk).avatar is None


def test_a_garbage_avatar_id_is_refused(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"name": "Alice", "avatar": "'; DROP TABLE users; --"})

    assert "Choose an image from your library." in r.text


def test_removing_the_avatar(client, alice, make_asset):
    alice.avatar = make_asset(alice)
    alice.save()
    client.force_login(alice)

    client.post(URL, {"name": "Alice", "avatar": ""})

    assert User.objects.get(pk=alice.pk).avatar is None


def test_the_profile_page_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.put(URL, headers=HTMX).status_code == 405
