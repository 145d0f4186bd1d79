"""Fifty requests at once against a balance of twenty: exactly twenty are served. Real threads,
each with its own database connection (run on PostgreSQL in CI)."""

import threading

import pytest
from django.db import connection

from apps.ai import assistant
from apps.ai.models import AIRequest, CreditEntry
from apps.ai.providers import AIError
from apps.audience.models import Notification
from tests.conftest import make_user

from .conftest import balance, ledger_sum


@pytest.mark.django_db(transaction=True)
def test_fifty_requests_against_twenty_credits_serve_exactly_twenty(settings):
    settings.AI_RATE_LIMITS = {"user": [(1000, 60)], "ip": [(1000, 60)]}
    ada = make_user("ada@example.com")
    CreditEntry.objects.top_up(ada)  # this month's top-up is done
    CreditEntry.objects.grant(ada, "text", -30, note="down to twenty")
    assert balance(ada) == 20
    outcomes: list[str] = []
    start = threading.Barrier(50)

    def ask(n: int) -> None:
        try:
            start.wait()
            assistant.suggest(ada, "shorten", {"text": f"A long text number {n}, written out."})
            outcomes.append("ok")
        except AIError as exc:
            outcomes.append(exc.kind)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert outcomes.count("ok") == 20
    assert outcomes.count("out_of_credits") == 30
    assert balance(ada) == 0 == ledger_sum(ada)
    assert AIRequest.objects.filter(status="succeeded").count() == 20
    assert not AIRequest.objects.filter(status="pending").exists()
    # Crossing AI_LOW_CREDITS (5) with twenty requests finishing together warns once.
    assert Notification.objects.filter(recipient=ada, kind="credits_low").count() == 1
