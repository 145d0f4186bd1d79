"""What published blocks show from the library and the asset library, as their types declare."""

from datetime import date

import pytest

from apps.blocks.validation import clean_pages, new_id
from apps.library.models import Experience, Project, Skill
from apps.portfolios.models import Portfolio
from apps.portfolios.rendering import snapshot


def publish(owner, *blocks: tuple[str, dict], **fields) -> Portfolio:
    pages = [
        {
            "id": new_id(),
            "slug": "home",
            "title": "Home",
            "blocks": [{"id": new_id(), "type": t, "rev": 1, "data": d} for t, d in blocks],
        }
    ]
    portfolio = Portfolio.objects.create(
        owner=owner, title="Site", slug="alice", pages=clean_pages(pages), **fields
    )
    portfolio.publish()
    return portfolio


@pytest.fixture
def library(alice, bob, make_asset) -> dict:
    cover, shot = make_asset(alice), make_asset(alice, color=(1, 1, 1))
    return {
        "cover": cover,
        "shot": shot,
        "theirs": make_asset(bob, color=(2, 2, 2)),
        "clockwork": Project.objects.create(
            owner=alice, title="Clockwork", cover=cover, images=[str(shot.pk)]
        ),
        "featured": Project.objects.create(owner=alice, title="Rabbit hole", featured=True),
        "bobs": Project.objects.create(owner=bob, title="Bob’s secret"),
        "job": Experience.objects.create(
            owner=alice,
            company="Wonderland",
            role="Guide",
            start_date=date(2020, 1, 1),
            current=True,
        ),
        "old_job": Experience.objects.create(
            owner=alice,
            company="Looking Glass",
            role="Pawn",
            start_date=date(2010, 1, 1),
            end_date=date(2011, 1, 1),
        ),
    }


def test_blocks_show_the_items_and_images_they_name(client, alice, library):
    clockwork, job = library["clockwork"], library["job"]
    publish(
        alice,
        ("hero", {"heading": "Alice", "image": str(library["cover"].pk)}),
        ("projects", {"items": [str(clockwork.pk)]}),
        ("case_study", {"project": clockwork.pk.hex}),
        ("experience", {"items": [str(job.pk)]}),
        ("gallery", {"images": [library["shot"].pk, library["theirs"].pk]}),
    )

    page = client.get("/p/alice/").text

    assert page.count(f'src="{library["cover"].url}"') == 3  # hero, project card, case study
    assert page.count(f'src="{library["shot"].url}"') == 2  # the case study and the gallery
    assert "Clockwork" in page and "Rabbit hole" not in page  # chosen, not the featured one
    assert "Wonderland" in page and "Looking Glass" not in page
    assert "Bob’s secret" not in page and library["theirs"].url not in page


def test_with_nothing_chosen_blocks_fall_back_to_the_whole_kind(client, alice, library):
    Skill.objects.create(owner=alice, name="Croquet", category="other")
    publish(alice, ("projects", {}), ("experience", {}), ("skills", {}))

    page = client.get("/p/alice/").text

    assert "Rabbit hole" in page and "Clockwork" not in page  # the featured projects
    assert "Wonderland" in page and "Looking Glass" in page
    assert "Croquet" in page


def test_resolving_costs_one_query_per_kind_whatever_the_number_of_blocks(
    alice, library, django_assert_num_queries
):
    published = publish(alice, ("projects", {}), ("gallery", {"images": [library["shot"].pk]}))
    few = Portfolio.objects.select_related("owner").get(pk=published.pk)
    many = Portfolio.objects.select_related("owner").get(pk=published.pk)
    twenty_times = [{**b, "id": new_id()} for b in few.pages[0]["blocks"] * 20]
    many.pages = clean_pages([{**few.pages[0], "blocks": twenty_times}])

    with django_assert_num_queries(2):  # the projects, the assets
        snapshot(few)
    with django_assert_num_queries(2):
        snapshot(many)


def test_only_pages_with_a_video_may_frame_the_video_sites(client, alice):
    portfolio = publish(alice, ("video", {"url": "https://youtu.be/dQw4w9WgXcQ"}))
    portfolio.add_page("Plain")
    portfolio.publish()

    home = client.get("/p/alice/")["Content-Security-Policy"]
    plain = client.get("/p/alice/plain/")["Content-Security-Policy"]

    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in home
    assert "youtube" not in plain


def test_the_link_preview_image_is_published_even_when_no_block_shows_it(
    client, alice, make_asset
):
    preview = make_asset(alice, size=(1200, 630))

    publish(alice, ("rich_text", {}), og_image=preview)

    assert f'<meta property="og:image" content="http://testserver{preview.url}">' in (
        client.get("/p/alice/").text
    )
