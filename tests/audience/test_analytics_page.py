from datetime import timedelta

import pytest

from apps.audience import charts, counting
from apps.audience.models import DailyCount

pytestmark = pytest.mark.django_db


def seed(target: str) -> None:
    today = counting.days(1)[0]
    rows = [
        ("view", "", today, 12),
        ("view", "", today - timedelta(days=3), 5),
        ("view", "", today - timedelta(days=60), 100),
        ("visitor", "", today, 7),
        ("referrer", "linkedin.com", today, 4),
        ("referrer", "<b>evil</b>.example", today, 1),
        ("page", "", today, 9),
        ("page", "work", today, 3),
        ("device", "mobile", today, 2),
        ("campaign", "spring", today, 2),
        ("share_open", "", today, 3),
        ("download", "pdf", today, 1),
    ]
    DailyCount.objects.bulk_create(
        DailyCount(target=target, metric=m, key=k, day=d, count=n) for m, k, d, n in rows
    )


def test_it_shows_totals_charts_and_tables(client, alice, published):
    seed(counting.target_of(published))
    client.force_login(alice)

    r = client.get("/analytics/")

    assert r.status_code == 200
    totals = r.context["totals"]
    assert totals == {"views": 17, "visitors": 7, "downloads": 1, "share_opens": 3}
    assert r.text.count('role="img"') == 2  # views over time and top sources
    assert "<title>" in r.text and "Show as a table" in r.text
    assert r.context["referrers"] == [("linkedin.com", 4), ("<b>evil</b>.example", 1)]
    assert "&lt;b&gt;evil&lt;/b&gt;.example" in r.text
    assert r.context["pages"] == [("Home", 9), ("work", 3)]
    assert len(r.context["daily"]) == 30


def test_the_period_can_be_90_days(client, alice, published):
    seed(counting.target_of(published))
    client.force_login(alice)
    r = client.get(f"/analytics/?t={counting.target_of(published)}&days=90")
    assert r.context["totals"]["views"] == 117
    assert len(r.context["daily"]) == 90
    assert client.get("/analytics/?days=abc").context["days"] == 30


def test_it_shows_a_resume(client, alice, published, resume):
    seed(counting.target_of(resume))
    client.force_login(alice)
    r = client.get(f"/analytics/?t={counting.target_of(resume)}&days=7")
    assert r.context["chosen"] == counting.target_of(resume)
    assert r.context["totals"]["views"] == 17


def test_other_peoples_numbers_are_never_shown(client, bob, published):
    seed(counting.target_of(published))
    client.force_login(bob)
    r = client.get(f"/analytics/?t={counting.target_of(published)}")
    assert r.status_code == 200
    assert r.context["chosen"] == ""
    assert "linkedin" not in r.text
    assert "Publish a portfolio or a resume" in r.text


def test_anonymous_people_are_sent_to_sign_in(client, db):
    assert client.get("/analytics/")["Location"].startswith("/accounts/login/")


def test_it_takes_only_get(client, alice):
    client.force_login(alice)
    assert client.post("/analytics/").status_code == 405


@pytest.mark.parametrize("value, top", [(0, 4), (3, 4), (7, 8), (23, 30), (41, 50), (801, 1000)])
def test_the_axis_ends_on_a_round_number(value, top):
    assert charts.nice_max(value) == top


def test_the_axis_is_labelled_in_whole_numbers():
    today = counting.days(1)[0]
    assert [t["value"] for t in charts.columns([(today, 7)])["ticks"]] == [0, 4, 8]
    assert [t["value"] for t in charts.columns([(today, 5)])["ticks"]] == [0, 5]  # no 2.5
