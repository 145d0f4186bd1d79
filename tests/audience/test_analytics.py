"""Private analytics: the beacon counts into the cache, a flush adds it to the database."""

import re
from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.db import models

from apps.audience import counting
from apps.audience.models import DailyCount
from apps.audience.tasks import flush_counts

pytestmark = pytest.mark.django_db

CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"


def beacon_of(client, url: str) -> str:
    page = client.get(url)
    return re.search(r'<noscript><img src="([^"]+)"', page.text)[1].replace("&amp;", "&")


def counts(target: str) -> dict:
    flush_counts.enqueue()
    rows = DailyCount.objects.filter(target=target)
    return {(r.metric, r.key): r.count for r in rows}


def test_a_cached_page_still_counts_every_view(client, published):
    target = counting.target_of(published)
    beacon = beacon_of(client, "/p/alice/")
    for agent in (CHROME, CHROME, IPHONE):
        client.get("/p/alice/", headers={"User-Agent": agent})  # from the page cache now
        r = client.get(beacon, headers={"User-Agent": agent})
        assert r.status_code == 200 and r["Content-Type"] == "image/gif"
        assert "no-store" in r["Cache-Control"] and not r.cookies

    assert not DailyCount.objects.exists()  # nothing written per view
    counting.flush(everything=True)
    found = counts(target)
    assert found[("view", "")] == 3
    assert found[("visitor", "")] == 2  # the same browser twice is one visitor
    assert found[("page", "")] == 3
    assert (found[("device", "desktop")], found[("device", "mobile")]) == (2, 1)


def test_the_script_adds_referrer_and_campaign(client, published):
    beacon = beacon_of(client, "/p/alice/")
    extra = "&r=https%3A%2F%2Fwww.linkedin.com%2Ffeed&q=%3Futm_campaign%3Dspring%2B26"
    client.get(beacon + extra, headers={"User-Agent": CHROME})
    client.get(
        beacon + "&r=http%3A%2F%2Ftestserver%2Fp%2Falice%2F", headers={"User-Agent": CHROME}
    )

    counting.flush(everything=True)
    found = counts(counting.target_of(published))

    assert found[("referrer", "linkedin.com")] == 1
    assert found[("campaign", "spring 26")] == 1
    assert not [k for k in found if k[0] == "referrer" and k[1] != "linkedin.com"]  # not itself


def test_without_script_the_campaign_comes_from_the_pages_address(client, published):
    beacon = beacon_of(client, "/p/alice/")
    referer = "http://testserver/p/alice/?utm_campaign=mail"
    client.get(beacon, headers={"User-Agent": CHROME, "Referer": referer})
    counting.flush(everything=True)
    assert counts(counting.target_of(published))[("campaign", "mail")] == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": CHROME, "DNT": "1"},
        {"User-Agent": CHROME, "Sec-GPC": "1"},
        {"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        {"User-Agent": ""},
    ],
)
def test_do_not_track_privacy_control_and_bots_are_not_counted(client, published, headers):
    beacon = beacon_of(client, "/p/alice/")
    assert client.get(beacon, headers=headers).status_code == 200
    counting.flush(everything=True)
    assert not DailyCount.objects.exists()


def test_a_forged_beacon_counts_nothing(client, published):
    beacon = beacon_of(client, "/p/alice/")
    client.get(beacon.replace("pg=", "pg=invented"), headers={"User-Agent": CHROME})
    client.get("/a/b.gif?t=p:" + "0" * 32, headers={"User-Agent": CHROME})
    counting.flush(everything=True)
    assert not DailyCount.objects.exists()


def test_published_resumes_count_views_and_downloads(client, resume):
    beacon = beacon_of(client, "/r/alice-cv/")
    client.get(beacon, headers={"User-Agent": CHROME})
    client.get("/r/alice-cv/pdf/", headers={"User-Agent": CHROME})
    counting.flush(everything=True)
    found = counts(counting.target_of(resume))
    assert found[("view", "")] == 1 and found[("download", "pdf")] == 1


def test_a_flush_adds_to_what_is_there(client, published):
    target = counting.target_of(published)
    counting.add(target, "view")
    counting.flush(everything=True)
    counting.add(target, "view", amount=2)
    counting.flush(everything=True)
    assert counts(target)[("view", "")] == 3


def test_closed_buckets_only_are_flushed_by_the_task(published):
    target = counting.target_of(published)
    counting.add(target, "view")
    assert flush_counts.enqueue().return_value == 0  # this minute is still open
    assert counting.flush(everything=True) == 1


def test_no_ip_address_is_stored_anywhere(client, published):
    ip = "203.0.113.77"
    beacon = beacon_of(client, "/p/alice/")
    client.get(beacon, headers={"User-Agent": CHROME}, REMOTE_ADDR=ip)
    counting.flush(everything=True)
    assert DailyCount.objects.exists()

    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(
                f,
                models.CharField
                | models.TextField
                | models.JSONField
                | models.GenericIPAddressField,
            )
        ]
        for row in model.objects.values(*text_fields):
            assert ip not in str(row), f"{model.__name__} holds the IP address"
    salt = counting._daily_salt(datetime.now(UTC).date())
    assert salt and not DailyCount.objects.filter(key__contains=salt).exists()
