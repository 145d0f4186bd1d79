"""The data migrations that give every stored id one spelling (uuid4().hex)."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from apps.core import published as page_cache
from apps.library.models import Project
from apps.portfolios.models import Portfolio, PortfolioRevision

BEFORE = [("portfolios", "0002_slugredirect"), ("library", "0001_initial")]
AFTER = [("portfolios", "0003_hex_reference_ids"), ("library", "0002_hex_image_ids")]
LATEST = None  # the newest migrations


@pytest.fixture
def migrate():
    """Migrate to the given nodes; afterwards, back to the newest migrations for other tests."""
    executor = MigrationExecutor(connection)

    def to(targets):
        executor.loader.build_graph()
        executor.migrate(targets or executor.loader.graph.leaf_nodes())

    yield to
    to(executor.loader.graph.leaf_nodes())


def dashed_document(page_id: str, photo, project) -> list[dict]:
    """A draft as the code before wrote it: references dashed, page and block ids hex or not."""
    return [
        {
            "id": page_id,
            "slug": "home",
            "title": "Home",
            "blocks": [
                {"id": str(uuid.uuid4()), "type": "hero", "rev": 1, "data": _hero(photo)},
                {
                    "id": uuid.uuid4().hex,
                    "type": "case_study",
                    "rev": 1,
                    "data": {"project": str(project.pk), "heading": ""},
                },
                {
                    "id": uuid.uuid4().hex,
                    "type": "gallery",
                    "rev": 1,
                    "data": {"heading": "", "images": [str(photo.pk)], "columns": 3},
                },
            ],
        }
    ]


def _hero(photo) -> dict:
    return {
        "heading": "Alice",
        "subheading": "",
        "image": str(photo.pk),
        "cta_label": "",
        "cta_url": "",
    }


@pytest.mark.django_db(transaction=True)
def test_old_spellings_go_in_hex_comes_out_and_back_again(client, alice, make_asset, migrate):
    photo, shot = make_asset(alice), make_asset(alice, color=(1, 2, 3))
    # Written by today's models (a later migration may add columns the old schema lacks), in
    # the old spellings; then back to the schema before the change, and forward again.
    project = Project.objects.create(owner=alice, title="Clockwork")
    Project.objects.filter(pk=project.pk).update(images=[str(shot.pk)])  # as written before
    page_id = str(uuid.uuid4())
    portfolio = Portfolio.objects.create(
        owner=alice, title="Site", slug="alice", pages=dashed_document(page_id, photo, project)
    )
    portfolio.publish()
    migrate(BEFORE)

    migrate(AFTER)
    migrate(LATEST)  # today's models read the result
    page_cache.forget("p/alice")
    draft = Portfolio.objects.get(pk=portfolio.pk).pages
    live = PortfolioRevision.objects.get(portfolio=portfolio).snapshot["pages"]
    public = client.get("/p/alice/").text

    hero, case_study, gallery = (b["data"] for b in draft[0]["blocks"])
    assert draft[0]["id"] == uuid.UUID(page_id).hex
    assert all(len(b["id"]) == 32 for b in draft[0]["blocks"])
    assert hero["image"] == photo.pk.hex and case_study["project"] == project.pk.hex
    assert gallery["images"] == [photo.pk.hex]
    assert live == draft
    assert Project.objects.get(pk=project.pk).images == [shot.pk.hex]
    assert Portfolio.objects.get(pk=portfolio.pk).status == "published"
    assert public.count(f'src="{photo.url}"') == 2  # hero and gallery, from the live revision

    migrate(BEFORE)
    draft = Portfolio.objects.values_list("pages", flat=True).get(pk=portfolio.pk)

    hero, case_study, gallery = (b["data"] for b in draft[0]["blocks"])
    assert hero["image"] == str(photo.pk) and case_study["project"] == str(project.pk)
    assert gallery["images"] == [str(photo.pk)]
    assert draft[0]["id"] == uuid.UUID(page_id).hex  # the code before wrote these hex too
    assert PortfolioRevision.objects.get(portfolio=portfolio).snapshot["pages"] == draft
    assert Project.objects.get(pk=project.pk).images == [str(shot.pk)]
