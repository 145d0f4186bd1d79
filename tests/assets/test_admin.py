import os

import pytest

from apps.assets.models import Asset
from tests.conftest import make_user


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


def test_admins_search_assets_by_owner_email(admin_client, alice, bob, make_asset):
    mine = make_asset(alice)
    make_asset(bob, color=(5, 5, 5))

    r = admin_client.get("/admin/assets/asset/", {"q": "alice@"})

    assert r.status_code == 200
    assert mine.thumb_url in r.text
    assert "bob@example.com" not in r.text


def test_deleting_from_the_admin_removes_the_files(admin_client, alice, make_asset):
    asset = make_asset(alice)
    paths = [asset.file.storage.path(name) for name in asset.stored_names()]

    admin_client.post(
        "/admin/assets/asset/",
        {"action": "delete_selected", "_selected_action": [str(asset.pk)], "post": "yes"},
    )

    assert not Asset.objects.exists()
    assert not any(os.path.exists(p) for p in paths)
