"""“Where it is used” on an asset's page, found through the block types' declarations."""

from apps.library.models import Project
from apps.portfolios.models import Portfolio
from apps.portfolios.usages import attach_usages


def where_used(client, asset) -> str:
    return client.get(f"/assets/{asset.pk}/").text


def test_an_image_named_by_a_block_a_project_or_the_link_preview_is_listed_once_each(
    client, alice, make_asset
):
    photo = make_asset(alice)
    Project.objects.create(owner=alice, title="Clockwork", images=[str(photo.pk)])
    site = Portfolio.objects.create(owner=alice, title="Main site", slug="alice-main")
    about = site.add_block(site.pages[0]["id"], "about").block
    site.update_block(about["id"], {**about["data"], "image": photo.pk}, based_on=1)
    Portfolio.objects.create(owner=alice, title="Teaser", slug="teaser", og_image=photo)
    client.force_login(alice)

    panel = where_used(client, photo)

    assert "Project “Clockwork”" in panel
    assert panel.count("Portfolio “Main site”") == 1
    assert "Portfolio “Teaser”" in panel
    assert "It is used in 3 places" in panel


def test_an_id_that_only_appears_in_text_is_not_a_use(client, alice, make_asset):
    photo = make_asset(alice)
    site = Portfolio.objects.create(owner=alice, title="Main site", slug="alice-main")
    text = site.add_block(site.pages[0]["id"], "rich_text").block
    body = f"<p>{photo.pk} {photo.pk.hex} {photo.url}</p>"
    site.update_block(text["id"], {**text["data"], "body": body}, based_on=1)
    client.force_login(alice)

    assert "Not used anywhere yet." in where_used(client, photo)


def test_many_assets_cost_the_same_few_queries(alice, make_asset, django_assert_num_queries):
    assets = [make_asset(alice, color=(n, n, n)) for n in range(5)]
    for n in range(4):
        Portfolio.objects.create(owner=alice, title=f"Site {n}", slug=f"site-{n}")
    for asset in assets:
        asset.owner = alice  # loaded, as the asset list does with select_related

    with django_assert_num_queries(2):  # the projects and the portfolios of the owners
        attach_usages(assets)

    assert [a.usages for a in assets] == [[]] * 5
