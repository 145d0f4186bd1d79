"""The credits ledger: balances move only with a ledger row; reservations settle, refund or
expire; monthly top-ups happen once a month; admins grant with a reason."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.ai.models import AIRequest, CreditEntry, OutOfCredits, this_month
from apps.ai.providers import AIError
from apps.ai.tasks import expire_reservations, grant_monthly_credits
from tests.conftest import make_user

from .conftest import balance, ledger_sum


def reserve(user, credits=3, key=""):
    return AIRequest.reserve(
        user,
        task="tailor",
        kind="text",
        credits=credits,
        provider="offline",
        model="offline-writer",
        idempotency_key=key,
    )


def test_a_new_account_opens_its_ledger_with_its_balances(alice):
    assert ledger_sum(alice, "text") == balance(alice, "text") == 50
    assert ledger_sum(alice, "image") == balance(alice, "image") == 10
    assert set(alice.credit_entries.values_list("reason", flat=True)) == {"opening"}


def test_a_reservation_takes_the_most_and_settling_gives_back_the_rest(alice):
    CreditEntry.objects.top_up(alice)
    request = reserve(alice, credits=3)
    assert balance(alice) == 47

    assert request.settle(1, tokens_in=100, tokens_out=20)

    assert balance(alice) == 49 == ledger_sum(alice)
    request.refresh_from_db()
    assert (request.status, request.credits_charged) == ("succeeded", 1)
    assert [e.delta for e in request.entries.order_by("created_at", "id")] == [-3, 2]


def test_a_failed_request_is_refunded_in_full_and_only_once(alice):
    request = reserve(alice)

    assert request.refund(AIRequest.Status.FAILED, "timeout")
    assert not request.refund(AIRequest.Status.FAILED, "timeout")
    assert not request.settle(3)

    assert balance(alice) == 50 == ledger_sum(alice)


def test_nobody_spends_what_they_do_not_have(alice):
    CreditEntry.objects.top_up(alice)
    CreditEntry.objects.grant(alice, "text", -49, note="Test")

    with pytest.raises(OutOfCredits) as error:
        reserve(alice, credits=3)

    assert "out of text credits" in error.value.message
    assert balance(alice) == 1 == ledger_sum(alice)
    assert not AIRequest.objects.exists()


def test_the_same_submission_twice_is_charged_once(alice):
    first = reserve(alice, key="click-1")
    with pytest.raises(AIError) as error:
        reserve(alice, key="click-1")  # still running
    assert error.value.kind == "duplicate"
    first.settle(2, output="Done.")

    again = reserve(alice, key="click-1")

    assert again.pk == first.pk and again.output == "Done."
    assert balance(alice) == 48 == ledger_sum(alice)


def test_a_failed_submission_may_be_tried_again_under_its_key(alice):
    reserve(alice, key="click-2").refund(AIRequest.Status.FAILED, "timeout")

    retry = reserve(alice, key="click-2")

    assert retry.status == "pending" and AIRequest.objects.count() == 2


def test_reservations_of_a_dead_worker_expire_and_are_refunded(alice, settings):
    settings.AI_RESERVATION_SECONDS = 600
    stuck, fresh = reserve(alice), reserve(alice)
    AIRequest.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(hours=1))

    expire_reservations.enqueue()

    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert (stuck.status, stuck.error) == ("expired", "expired")
    assert fresh.status == "pending"
    assert balance(alice) == 47 == ledger_sum(alice)
    assert not stuck.settle(3)  # the worker woke up after all: nothing changes
    assert balance(alice) == 47


def test_the_monthly_top_up_fills_each_plan_to_its_allowance_once(db, settings):
    settings.AI_MONTHLY_CREDITS = {
        "free": {"text": 50, "image": 10},
        "pro": {"text": 500, "image": 100},
    }
    spender, pro, rich = (
        make_user("s@example.com"),
        make_user("p@example.com"),
        make_user("r@example.com"),
    )
    pro.subscription_tier = "pro"
    pro.save(update_fields=["subscription_tier"])
    CreditEntry.objects.grant(spender, "text", -30, note="spent")
    CreditEntry.objects.grant(rich, "text", 70, note="prize")

    assert grant_monthly_credits.enqueue("2030-01").return_value == 3
    assert grant_monthly_credits.enqueue("2030-01").return_value == 0

    assert (balance(spender), balance(pro), balance(rich)) == (50, 500, 120)
    assert (balance(pro, "image"), balance(spender, "image")) == (100, 10)
    for user in (spender, pro, rich):
        assert ledger_sum(user) == balance(user) and ledger_sum(user, "image") == balance(
            user, "image"
        )
    assert CreditEntry.objects.filter(period="2030-01", reason="monthly").count() == 6


def test_a_person_gets_this_months_top_up_with_their_first_request(alice):
    CreditEntry.objects.grant(alice, "text", -45, note="spent last month")

    reserve(alice, credits=1)

    assert balance(alice) == 49 == ledger_sum(alice)
    assert alice.credit_entries.filter(period=this_month(), kind="text").get().delta == 45


def test_grants_never_take_a_balance_below_zero(alice):
    with pytest.raises(ValidationError):
        CreditEntry.objects.grant(alice, "image", -11, note="too much")
    assert balance(alice, "image") == 10


def test_ledger_rows_are_never_changed_or_deleted(alice):
    entry = alice.credit_entries.first()
    entry.delta = 1000
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
