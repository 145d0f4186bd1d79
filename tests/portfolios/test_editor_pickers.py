"""The editor's pickers, offered where a block type declares assets or library items."""

import re

from apps.library.models import Experience, Project
from tests.conftest import HTMX


def form_of(client, portfolio, block) -> str:
    return client.get(f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/", headers=HTMX).text


def ticked(html: str, value) -> bool:
    tag = re.search(rf'<input[^>]*value="{value}"[^>]*>', html)
    return bool(tag and re.search(r"\bchecked\b", tag[0]))


def test_saved_choices_come_back_ticked(client, alice, portfolio, make_asset):
    chosen, other = make_asset(alice), make_asset(alice, color=(5, 5, 5))
    mine = Project.objects.create(owner=alice, title="Clockwork")
    unpicked = Project.objects.create(owner=alice, title="Rabbit hole")
    page = portfolio.pages[0]["id"]
    gallery = portfolio.add_block(page, "gallery").block
    projects = portfolio.add_block(page, "projects").block
    portfolio.update_block(gallery["id"], {**gallery["data"], "images": [chosen.pk]}, based_on=1)
    portfolio.update_block(projects["id"], {**projects["data"], "items": [mine.pk]}, based_on=1)
    client.force_login(alice)

    images, items = form_of(client, portfolio, gallery), form_of(client, portfolio, projects)

    assert ticked(images, chosen.pk.hex) and not ticked(images, other.pk.hex)
    assert ticked(items, mine.pk.hex) and not ticked(items, unpicked.pk.hex)


def test_pickers_offer_only_my_own_items(client, alice, bob, portfolio):
    Experience.objects.create(
        owner=alice, company="Wonderland", role="Guide", start_date="2020-01-01", current=True
    )
    Experience.objects.create(
        owner=bob, company="Bob & Co", role="Boss", start_date="2020-01-01", current=True
    )
    block = portfolio.add_block(portfolio.pages[0]["id"], "experience").block
    client.force_login(alice)

    form = form_of(client, portfolio, block)

    assert "Guide at Wonderland" in form and "Bob &amp; Co" not in form
