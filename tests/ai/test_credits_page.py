"""/credits/: balances, the monthly top-up, charges and refunds, the request log, a chart."""

import re

from apps.ai import assistant
from apps.ai.models import AIRequest, CreditEntry
from apps.ai.providers import AIError
from tests.conftest import HTMX


def test_it_asks_strangers_to_sign_in(client, db):
    r = client.get("/credits/")
    assert r.status_code == 302 and r.url.startswith("/accounts/login/")


def test_it_refuses_posts(client, alice):
    client.force_login(alice)
    assert client.post("/credits/", headers=HTMX).status_code == 405


def test_it_shows_balances_the_allowance_and_when_the_next_top_up_comes(client, alice):
    CreditEntry.objects.grant(alice, "text", -8, note="Spent")
    client.force_login(alice)

    r = client.get("/credits/")

    assert r.status_code == 200
    assert re.search(r'data-testid="text-balance">42<', r.text)
    assert re.search(r'data-testid="image-balance">10<', r.text)
    assert "of 50 a month" in r.text and "of 10 a month" in r.text
    assert "Topped up to your monthly credits on 1 " in r.text


def test_charges_refunds_and_grants_are_listed_with_their_task(client, alice, bob, settings):
    settings.AI_RATE_LIMITS = {"user": [(100, 60)], "ip": [(100, 60)]}
    assistant.suggest(alice, "shorten", {"text": "I drew many maps for many books."})
    request = AIRequest.reserve(
        alice, task="tailor", kind="text", credits=3, provider="offline", model="offline-writer"
    )
    request.refund(AIRequest.Status.FAILED, "timeout")
    CreditEntry.objects.grant(alice, "image", 5, note="<b>Thanks</b> for the bug report")
    assistant.suggest(bob, "improve", {"text": "Bob's secret text"})
    client.force_login(alice)

    history = client.get("/credits/").text.split('id="credit-history"')[1].split("</table>")[0]

    assert "Charged · shorten" in history and "-1 text" in history
    assert "Refunded · tailor" in history and "+3 text" in history
    assert "&lt;b&gt;Thanks&lt;/b&gt; for the bug report" in history and "+5 image" in history
    assert "Opening balance" in history
    assert "Monthly top-up" not in history  # already full this month: a zero row, not shown
    assert "improve" not in history  # Bob's


def test_the_request_log_shows_provider_model_status_tokens_and_time(client, alice):
    assistant.suggest(alice, "grammar", {"text": "i draw maps"})
    try:
        assistant.suggest(alice, "improve", {"text": "x" * 30_000})
    except AIError:
        pass  # refused before any request: not in the log
    client.force_login(alice)

    log = client.get("/credits/").text.split('id="request-log"')[1].split("</table>")[0]

    request = AIRequest.objects.get()
    assert "grammar" in log and "offline · offline-writer" in log and "Done" in log
    assert f"{request.tokens_in} / {request.tokens_out}" in log
    assert f"{request.latency_ms} ms" in log
    assert log.count("<tr>") == 2  # header and one request


def test_the_chart_has_a_bar_for_today_and_none_for_quiet_days(client, alice):
    assistant.suggest(alice, "grammar", {"text": "i draw maps"})
    assistant.generate_image(alice, "a kite", "1:1", "abstract")
    client.force_login(alice)

    svg = client.get("/credits/").text.split('id="usage-chart"')[1].split("</svg>")[0]

    assert svg.count("<title>") == 30
    assert ": 1 text, 1 image credit (2 requests)</title>" in svg
    assert svg.count('class="fill-brand-500"') == 1 and svg.count('class="fill-amber-400"') == 1
    assert "style=" not in svg  # the CSP allows no inline styles
