"""Many visitors at once, each request on its own thread and database connection, like web
workers. Exact on PostgreSQL + Redis (the production pair) and on SQLite + local memory."""

import re

import pytest
from django.db import connection
from django.test import Client

from apps.audience import counting
from apps.audience.models import DailyCount, Notification, ShareLink
from tests.audience.conftest import portfolio_with_contact_form
from tests.portfolios.test_concurrency import run_together

pytestmark = pytest.mark.django_db(transaction=True)

N = 24
CHROME = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0"


def test_n_concurrent_views_are_n_counted(alice):
    portfolio = portfolio_with_contact_form(alice)
    page = Client().get("/p/alice/")
    beacon = re.search(r'<noscript><img src="([^"]+)"', page.text)[1].replace("&amp;", "&")

    def visit(n: int):
        # Every visitor distinct: its own address.
        return lambda: Client(REMOTE_ADDR=f"10.0.0.{n}").get(
            beacon, headers={"User-Agent": CHROME}
        )

    run_together(*(visit(n) for n in range(N)))
    run_together(*(visit(n) for n in range(N)))  # the same people again: views, not visitors
    run_together(counting.flush, counting.flush)  # two workers flushing at once
    counting.flush(everything=True)

    rows = DailyCount.objects.filter(target=counting.target_of(portfolio))
    found = {(r.metric, r.key): r.count for r in rows}
    assert found[("view", "")] == 2 * N
    assert found[("visitor", "")] == N
    assert found[("page", "")] == 2 * N
    print(f"{connection.vendor}: {2 * N} concurrent beacons, {found[('view', '')]} counted")


def test_a_link_opened_by_many_at_once_notifies_once(alice):
    portfolio = portfolio_with_contact_form(alice)
    link = ShareLink.objects.create(owner=alice, portfolio=portfolio, recipient="Rita")

    run_together(*(lambda: Client().get(link.path, headers={"User-Agent": CHROME}),) * N)

    link.refresh_from_db()
    assert link.views == N
    assert link.pages == {"": N}
    assert Notification.objects.filter(kind=Notification.Kind.SHARE_OPENED).count() == 1
