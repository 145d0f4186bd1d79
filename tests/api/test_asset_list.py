import pytest

from apps.assets.models import Asset

from .support import ASSETS, assert_problem, image_file, upload_asset

FIELDS = {
    "id",
    "kind",
    "title",
    "altText",
    "prompt",
    "width",
    "height",
    "bytes",
    "contentType",
    "url",
    "thumbUrl",
    "srcset",
    "createdAt",
    "usedIn",
}


def ids(response) -> list[str]:
    return [item["id"] for item in response.json()["results"]]


def test_it_lists_only_the_signed_in_persons_assets(client, alice, bob):
    mine = [upload_asset(alice, color=(1, 0, 0)), upload_asset(alice, color=(2, 0, 0))]
    upload_asset(bob, color=(3, 0, 0))
    client.force_login(alice)

    r = client.get(ASSETS)

    assert r.status_code == 200
    assert r["Content-Type"] == "application/json"
    assert r.json()["count"] == 2
    assert sorted(ids(r)) == sorted(str(a.pk) for a in mine)


def test_each_asset_has_camel_case_fields_and_absolute_urls(client, alice):
    asset = upload_asset(alice)
    asset.alt_text = "A purple square"
    asset.save()
    client.force_login(alice)

    item = client.get(ASSETS).json()["results"][0]

    assert set(item) == FIELDS
    assert item["altText"] == "A purple square"
    assert item["contentType"] == "image/png"
    assert (item["width"], item["height"], item["kind"]) == (800, 600, "upload")
    assert item["url"].startswith("http://testserver/media/assets/")
    assert item["thumbUrl"].startswith("http://testserver/media/assets/")
    assert item["srcset"].startswith("http://testserver/media/assets/")
    assert item["srcset"].endswith(" 640w")
    assert item["usedIn"] == []


def test_it_says_where_an_asset_is_used(client, alice):
    asset = upload_asset(alice)
    alice.avatar = asset
    alice.save()
    client.force_login(alice)

    item = client.get(ASSETS).json()["results"][0]

    assert item["usedIn"] == [
        {"label": "Your profile photo", "url": "http://testserver/settings/"}
    ]


def test_it_pages_with_page_and_page_size(client, alice):
    for shade in range(3):
        upload_asset(alice, color=(shade, 0, 0))
    client.force_login(alice)

    first = client.get(ASSETS, {"pageSize": 2}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "page=2" in first["next"]
    assert len(second["results"]) == 1
    assert second["next"] is None


def test_a_page_past_the_end_is_a_not_found_problem(client, alice):
    upload_asset(alice)
    client.force_login(alice)
    assert_problem(client.get(ASSETS, {"page": 9}), 404, "not_found")


def test_it_searches_titles_and_alt_text(client, alice):
    fox = upload_asset(alice, color=(1, 0, 0))
    fox.title = "Red fox"
    fox.save()
    owl = upload_asset(alice, color=(2, 0, 0))
    owl.alt_text = "An owl at night"
    owl.save()
    client.force_login(alice)

    assert ids(client.get(ASSETS, {"q": "fox"})) == [str(fox.pk)]
    assert ids(client.get(ASSETS, {"q": "OWL"})) == [str(owl.pk)]


def test_it_filters_by_kind(client, alice):
    upload_asset(alice)
    generated, _ = Asset.create_from_upload(alice, image_file(), kind="ai", prompt="a fox")
    client.force_login(alice)

    r = client.get(ASSETS, {"kind": "ai"})

    assert ids(r) == [str(generated.pk)]
    assert r.json()["results"][0]["prompt"] == "a fox"


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("bytes", ["small", "large"]),
        ("-bytes", ["large", "small"]),
        ("createdAt", ["large", "small"]),
        ("-createdAt", ["small", "large"]),
    ],
)
def test_it_orders_by_size_or_date(client, alice, ordering, expected):
    made = {
        "large": upload_asset(alice, size=(900, 900)),
        "small": upload_asset(alice, size=(9, 9)),
    }
    client.force_login(alice)

    r = client.get(ASSETS, {"ordering": ordering})

    assert ids(r) == [str(made[name].pk) for name in expected]


@pytest.mark.parametrize(("param", "value"), [("ordering", "title"), ("kind", "video")])
def test_an_unknown_filter_value_is_a_validation_problem(client, alice, param, value):
    client.force_login(alice)

    body = assert_problem(client.get(ASSETS, {param: value}), 400, "invalid_choice")

    assert list(body["errors"]) == [param]


def test_a_trailing_slash_works_too(client, alice):
    upload_asset(alice)
    client.force_login(alice)
    assert client.get(f"{ASSETS}/").json()["count"] == 1


def test_anonymous_people_get_a_problem(client, alice):
    upload_asset(alice)
    assert_problem(client.get(ASSETS), 401, "not_authenticated")


def test_the_list_refuses_delete_with_a_problem(client, alice):
    client.force_login(alice)

    r = client.delete(ASSETS)

    assert_problem(r, 405, "method_not_allowed")
    assert "POST" in r["Allow"]


def test_unknown_api_paths_are_a_not_found_problem(client, alice):
    client.force_login(alice)
    assert_problem(client.get("/api/v1/nothing-here"), 404, "not_found")


def test_listing_costs_the_same_queries_for_one_or_many_assets(
    client, alice, make_asset, django_assert_max_num_queries
):
    make_asset(alice)
    client.force_login(alice)
    with django_assert_max_num_queries(20) as one:
        client.get("/api/v1/assets")
    for shade in range(10):
        make_asset(alice, size=(16, 16), color=(shade, 1, 1))

    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/api/v1/assets")
