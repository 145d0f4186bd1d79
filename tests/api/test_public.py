import pytest

from apps.core import published as page_cache
from apps.portfolios.models import Portfolio

from .support import assert_problem

P = "/api/v1/public/portfolios/"
R = "/api/v1/public/resumes/"


@pytest.fixture
def live(portfolio, alice):
    portfolio.publish(by=alice)
    return portfolio


def test_a_published_portfolio_as_json_without_cookies(client, live):
    r = client.get(P + "alice")

    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    assert not r.cookies and "public" in r["Cache-Control"]
    body = r.json()
    assert body["slug"] == "alice" and body["url"] == "http://testserver/p/alice/"
    assert [b["type"] for b in body["pages"][0]["blocks"]] == ["hero", "about"]
    assert "publishedAt" in body and "library" in body


def test_a_warm_request_costs_no_query_and_a_change_shows_at_once(
    client, live, alice, django_assert_num_queries
):
    client.get(P + "alice")
    page_cache.clear_local()
    with django_assert_num_queries(0):
        assert client.get(P + "alice").status_code == 200

    live.visibility = Portfolio.Visibility.PRIVATE
    live.save()

    assert_problem(client.get(P + "alice"), 404, "not_found")


def test_private_and_unpublished_portfolios_are_not_found_but_the_owner_sees_them(
    client,
    portfolio,
    alice,
):
    assert_problem(client.get(P + "alice"), 404, "not_found")
    portfolio.publish(by=alice)
    portfolio.visibility = Portfolio.Visibility.PRIVATE
    portfolio.save()
    assert_problem(client.get(P + "alice"), 404, "not_found")

    client.force_login(alice)
    r = client.get(P + "alice")

    assert r.status_code == 200 and "no-store" in r["Cache-Control"]


def test_a_published_resume_as_json_resume(client, resume, alice):
    resume.publish(by=alice)

    r = client.get(R + "alice-cv")

    assert r.status_code == 200
    body = r.json()
    assert body["basics"]["name"] and "id" not in body["work"][0]
    assert "rev" not in body["basics"]


def test_unknown_slugs_are_a_problem(client, db):
    assert_problem(client.get(R + "nobody"), 404, "not_found")
    assert_problem(client.get(P + "nobody"), 404, "not_found")


def test_an_old_address_redirects_to_the_new_one(client, live):
    live.change_slug("alice-new")

    r = client.get(P + "alice")

    assert r.status_code == 301 and r["Location"] == P + "alice-new"
    assert client.get(r["Location"]).json()["slug"] == "alice-new"
