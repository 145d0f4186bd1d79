"""The public-page cache never outlives a change to what a page shows.

Run on the local-memory cache by default and on Redis with REDIS_URL: threads render cold pages
at the same time, like several web workers, then the owner changes the portfolio.
"""

import gzip

import pytest
from django.core.cache import cache as shared_cache
from django.test import Client

from apps.core import published as page_cache
from apps.portfolios.models import Portfolio
from tests.portfolios.test_concurrency import run_together

PAGES = ["Work", "Notes", "Talks", "Contact"]


@pytest.fixture
def published(portfolio, alice) -> Portfolio:
    for title in PAGES:
        page = portfolio.add_page(title).page
        portfolio.add_block(page["id"], "rich_text")
    portfolio.publish(by=alice)
    return portfolio


def urls(slug: str = "alice") -> list[str]:
    return [f"/p/{slug}/"] + [f"/p/{slug}/{title.lower()}/" for title in PAGES]


def status_codes(slug: str = "alice") -> list[int]:
    return [Client().get(url).status_code for url in urls(slug)]


def render_every_page_at_once(times: int = 2) -> None:
    codes = []
    run_together(
        *[lambda url=url: codes.append(Client().get(url).status_code) for url in urls()] * times
    )
    assert codes == [200] * len(urls()) * times


CHANGES = {
    "unpublish": lambda p: p.unpublish(),
    "make private": lambda p: p.change_settings(slug=p.slug, visibility="private"),
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("change", CHANGES)
def test_every_page_rendered_concurrently_goes_when_the_portfolio_goes(published, change):
    for _ in range(3):  # several rounds: a lost cache entry would show in any of them
        render_every_page_at_once()
        CHANGES[change](Portfolio.objects.get(pk=published.pk))

        assert status_codes() == [404] * len(urls())

        published.publish()
        published.change_settings(slug="alice", visibility="public")
        assert status_codes() == [200] * len(urls())


@pytest.mark.django_db(transaction=True)
def test_every_page_rendered_concurrently_moves_with_a_new_address(published):
    render_every_page_at_once()

    Portfolio.objects.get(pk=published.pk).change_settings(slug="alice-draws")

    for url in urls():
        r = Client().get(url)
        assert r.status_code == 301
        assert r["Location"] == url.replace("/alice/", "/alice-draws/")
    assert status_codes("alice-draws") == [200] * len(urls())


@pytest.mark.django_db(transaction=True)
def test_a_deleted_portfolio_is_gone_from_every_page_at_once(client, alice, published):
    render_every_page_at_once()
    client.force_login(alice)

    client.post(f"/portfolios/{published.pk}/delete/", {"confirm": "alice"})

    assert status_codes() == [404] * len(urls())


def test_a_change_made_by_another_worker_shows_here_within_two_seconds(published, monkeypatch):
    assert Client().get("/p/alice/").status_code == 200
    assert Client().get("/p/alice/").status_code == 200  # now also in this worker's memory
    # Another worker unpublishes: the database and the shared cache change, not our memory.
    Portfolio.objects.filter(pk=published.pk).update(live=None)
    shared_cache.set(page_cache.version_key("p/alice"), "set-by-another-worker", None)
    now = page_cache.monotonic()

    monkeypatch.setattr(page_cache, "monotonic", lambda: now + page_cache.LOCAL_SECONDS)

    assert page_cache.LOCAL_SECONDS <= 2
    assert Client().get("/p/alice/").status_code == 404


def test_a_stale_render_stored_after_a_change_is_never_served(published):
    """A render that read the database before a change and stores its page after it."""
    entry, version = page_cache.get("p/alice", "", "http://testserver")  # before the change
    assert entry is None
    published.unpublish()

    page_cache.put("p/alice", "", "http://testserver", version, {"html": b"stale"})

    assert Client().get("/p/alice/").status_code == 404


def test_pages_are_sent_compressed_to_browsers_that_accept_it(client, published):
    plain = client.get("/p/alice/")
    r = client.get("/p/alice/", headers={"Accept-Encoding": "gzip, deflate, br"})

    assert r["Content-Encoding"] == "gzip"
    assert gzip.decompress(r.content) == plain.content
    assert "Accept-Encoding" in r["Vary"]
    assert len(r.content) < len(plain.content) / 2
    assert r["ETag"] == plain["ETag"]
    etag = client.get("/p/alice/", headers={"If-None-Match": r["ETag"]})
    assert etag.status_code == 304


def test_deleting_the_live_revision_takes_the_page_down_at_once(admin_client, published):
    assert Client().get("/p/alice/").status_code == 200

    admin_client.post(
        f"/admin/portfolios/portfoliorevision/{published.live_id}/delete/", {"post": "yes"}
    )

    assert Portfolio.objects.get(pk=published.pk).live_id is None
    assert Client().get("/p/alice/").status_code == 404
