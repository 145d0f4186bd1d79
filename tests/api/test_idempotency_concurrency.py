"""Ten copies of one request, sent at once with the same Idempotency-Key, are charged once.
Real threads, each with its own database connection (run on PostgreSQL in CI)."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from apps.ai.models import AIRequest, CreditEntry
from tests.conftest import make_user


@pytest.mark.django_db(transaction=True)
def test_concurrent_duplicates_are_charged_once(settings):
    settings.AI_RATE_LIMITS = {"user": [(1000, 60)], "ip": [(1000, 60)]}
    ada = make_user("ada@example.com")
    body = json.dumps({"task": "improve", "payload": {"text": "A tidy sentence here."}})
    statuses: list[int] = []
    start = threading.Barrier(10)

    def send() -> None:
        client = Client()
        client.force_login(ada)
        try:
            start.wait()
            r = client.post(
                "/api/v1/ai/generate-text",
                body,
                content_type="application/json",
                headers={"Idempotency-Key": "same"},
            )
            statuses.append(r.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert len(statuses) == 10 and set(statuses) <= {200, 409}
    assert 200 in statuses
    assert CreditEntry.objects.filter(user=ada, reason="reserve").count() == 1
    assert AIRequest.objects.count() == 1
