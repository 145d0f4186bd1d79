"""The first draft built from the library: nothing left out silently, nothing private shown."""

import json
import re

from apps.library.models import Project
from apps.portfolios.models import Portfolio

NEW = "/portfolios/new/"
FORM = {"title": "My site", "goal": "job", "theme": "minimal", "from_library": "on"}


def create(client, **extra) -> Portfolio:
    client.post(NEW, {**FORM, **extra})
    return Portfolio.objects.get()


def block(portfolio: Portfolio, kind: str) -> dict | None:
    found = [b for b in portfolio.pages[0]["blocks"] if b["type"] == kind]
    return found[0]["data"] if found else None


def test_someone_with_no_featured_project_gets_every_project(client, alice):
    titles = [f"Project {n}" for n in range(8)]
    for position, title in enumerate(titles):
        Project.objects.create(owner=alice, title=title, position=position)
    client.force_login(alice)

    portfolio = create(client)

    chosen = block(portfolio, "projects")["items"]
    assert [Project.objects.get(pk=pk).title for pk in chosen] == titles


def test_featured_projects_come_first_and_the_others_follow(client, alice):
    Project.objects.create(owner=alice, title="Side project", position=0)
    Project.objects.create(owner=alice, title="Flagship", position=1, featured=True)
    Project.objects.create(owner=alice, title="Old thing", position=2)
    client.force_login(alice)

    portfolio = create(client)
    portfolio.publish(by=alice)

    chosen = block(portfolio, "projects")["items"]
    assert [Project.objects.get(pk=pk).title for pk in chosen] == [
        "Flagship",
        "Side project",
        "Old thing",
    ]
    page = client.get(f"/p/{portfolio.slug}/").text
    assert page.index("Flagship") < page.index("Side project") < page.index("Old thing")


def test_the_create_form_offers_to_show_the_sign_in_address_unticked(client, alice):
    client.force_login(alice)

    r = client.get(NEW)

    checkbox = re.search(r'<input type="checkbox" name="show_email"[^>]*>', r.text)[0]
    assert "checked" not in checkbox
    assert "Show my email address (alice@example.com) on the site" in r.text


def test_the_sign_in_address_is_not_published_unless_asked_for(client, alice):
    client.force_login(alice)

    portfolio = create(client)
    portfolio.publish(by=alice)
    client.logout()

    assert "alice@example.com" not in json.dumps(portfolio.pages)
    assert "alice@example.com" not in client.get(f"/p/{portfolio.slug}/").text
    assert block(portfolio, "contact") is None
    assert not block(portfolio, "hero")["cta_url"]


def test_ticking_show_my_email_puts_it_on_the_site(client, alice):
    client.force_login(alice)

    portfolio = create(client, show_email="on")
    portfolio.publish(by=alice)

    assert block(portfolio, "hero")["cta_url"] == "mailto:alice@example.com"
    assert block(portfolio, "contact")["email"] == "alice@example.com"
    assert 'href="mailto:alice@example.com"' in client.get(f"/p/{portfolio.slug}/").text
