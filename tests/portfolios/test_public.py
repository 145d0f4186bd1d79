import re

import pytest

from apps.core import published as page_cache
from apps.portfolios.models import Portfolio
from tests.portfolios.conftest import blocks


@pytest.fixture
def published(portfolio, alice) -> Portfolio:
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {**hero["data"], "heading": "Alice Liddell"}, based_on=1)
    portfolio.publish(by=alice)
    return portfolio


def test_visitors_see_the_live_revision_with_one_h1(client, published):
    r = client.get("/p/alice/")

    assert r.status_code == 200
    assert r.text.count("<h1") == 1
    assert "Alice Liddell" in r.text
    assert "Set-Cookie" not in r.headers
    assert "csrfmiddlewaretoken" not in r.text


def test_draft_edits_never_leak_to_the_public_page(client, published):
    hero = blocks(published)[0]
    published.update_block(hero["id"], {**hero["data"], "heading": "Secret draft"}, based_on=2)
    page_cache.forget("p/alice")

    assert "Secret draft" not in client.get("/p/alice/").text
    assert Portfolio.objects.get(pk=published.pk).status == "changed"


def test_a_warm_page_costs_no_query_and_a_cold_one_at_most_three(
    client, published, django_assert_max_num_queries, django_assert_num_queries
):
    page_cache.forget("p/alice")
    with django_assert_max_num_queries(3):
        client.get("/p/alice/")
    with django_assert_num_queries(0):
        r = client.get("/p/alice/")
    assert r.status_code == 200


def test_etags_give_304_on_revalidation(client, published):
    etag = client.get("/p/alice/")["ETag"]

    r = client.get("/p/alice/", headers={"If-None-Match": etag})

    assert r.status_code == 304
    assert r.content == b""
    assert "max-age=60" in r["Cache-Control"] and "public" in r["Cache-Control"]


def test_the_theme_style_is_allowed_by_its_hash_only(client, published):
    r = client.get("/p/alice/")

    csp = r["Content-Security-Policy"]
    assert "'sha256-" in csp
    assert "unsafe-inline" not in csp


def test_publishing_again_replaces_the_cached_page(client, published, alice):
    client.get("/p/alice/")
    hero = blocks(published)[0]
    published.update_block(hero["id"], {**hero["data"], "heading": "Version two"}, based_on=2)

    published.publish(by=alice)

    assert "Version two" in client.get("/p/alice/").text


def test_unpublished_unknown_and_private_pages_are_404_for_visitors(client, published):
    assert client.get("/p/nobody-here/").status_code == 404
    assert client.get("/p/alice/no-such-page/").status_code == 404
    Portfolio.objects.filter(pk=published.pk).update(visibility="private")
    page_cache.forget("p/alice")
    assert client.get("/p/alice/").status_code == 404
    published.unpublish()
    assert client.get("/p/alice/").status_code == 404


def test_the_owner_can_open_a_private_portfolio(client, alice, published):
    Portfolio.objects.filter(pk=published.pk).update(visibility="private")
    page_cache.forget("p/alice")
    client.force_login(alice)

    r = client.get("/p/alice/")

    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]


def test_others_get_404_for_a_private_portfolio(client, bob, published):
    Portfolio.objects.filter(pk=published.pk).update(visibility="private")
    page_cache.forget("p/alice")
    client.force_login(bob)

    assert client.get("/p/alice/").status_code == 404


def test_unlisted_pages_are_reachable_but_not_indexed(client, published):
    Portfolio.objects.filter(pk=published.pk).update(visibility="unlisted")
    page_cache.forget("p/alice")

    r = client.get("/p/alice/")

    assert r.status_code == 200
    assert r["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in r.text
    assert "/p/alice/" not in client.get("/sitemap.xml").text


def test_other_pages_have_their_own_address_and_navigation(client, published, alice):
    work = published.add_page("Work").page
    published.add_block(work["id"], "rich_text")
    published.publish(by=alice)

    home, page = client.get("/p/alice/"), client.get("/p/alice/work/")

    assert page.status_code == 200
    assert 'href="http://testserver/p/alice/work/"' in home.text
    assert page.text.count("<h1") == 1


def test_a_changed_address_redirects_permanently(client, published):
    published.change_slug("alice-l")

    r = client.get("/p/alice/work/")

    assert r.status_code == 301
    assert r["Location"] == "/p/alice-l/work/"
    assert client.get("/p/alice-l/").status_code == 200


def test_sitemap_lists_public_pages_and_robots_points_at_it(client, published):
    assert "http://testserver/p/alice/" in client.get("/sitemap.xml").text
    robots = client.get("/robots.txt").text
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /dashboard/" in robots


def test_public_pages_take_only_get_and_head(client, published):
    assert client.post("/p/alice/").status_code == 405


def test_a_person_without_a_name_is_never_shown_by_their_sign_in_address(client, db):
    from tests.conftest import make_user

    owner = make_user("secret.handle@example.com")
    portfolio = Portfolio.create_for(
        owner, title="Studio Nine", goal="job", role="", theme="minimal", from_library=True
    )
    portfolio.publish(by=owner)

    r = client.get(f"/p/{portfolio.slug}/")

    assert r.status_code == 200
    assert "secret" not in r.text.lower() and "Studio Nine" in r.text


@pytest.mark.parametrize(
    ("design", "faces"),
    [
        ({"theme": "minimal"}, ["inter-latin-400", "inter-latin-600"]),
        ({"theme": "bold"}, ["inter-latin-400", "space-grotesk-latin-700"]),
        ({"theme": "editorial"}, ["source-serif-4-latin-400", "fraunces-latin-400"]),
        ({"theme": "developer"}, ["inter-latin-400", "jetbrains-mono-latin-700"]),
        ({"theme": "bold", "font_heading": "fraunces"}, ["inter-latin-400", "fraunces-latin-600"]),
        ({"theme": "minimal", "font_body": "system", "font_heading": "serif"}, []),
    ],
)
def test_the_page_preloads_the_faces_of_its_body_text_and_headings(
    client, published, alice, design, faces
):
    published.set_design(design)
    published.publish(by=alice)

    html = client.get("/p/alice/").text
    preloads = re.findall(r'<link rel="preload" href="([^"]+)" as="font" [^>]*crossorigin>', html)

    assert [re.sub(r".*/|-normal\.woff2$", "", url) for url in preloads] == faces
    assert all(client.get(url).status_code == 200 for url in preloads)
    if faces:  # asked for before the stylesheet, which would otherwise reveal them
        assert html.index('rel="preload"') < html.index('rel="stylesheet"')
