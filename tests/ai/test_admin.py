"""Admins: the AI request log with totals, granting credits, prompt overrides."""

import pytest

from apps.ai import assistant
from apps.ai.models import AIRequest, CreditEntry, PromptOverride
from apps.ai.prompts import TASKS
from tests.conftest import make_user

from .conftest import balance, ledger_sum


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


def test_the_request_log_totals_per_model_and_day_and_filters(admin_client, alice, bob):
    assistant.suggest(alice, "grammar", {"text": "i draw maps"})
    assistant.suggest(bob, "grammar", {"text": "i draw ships"})
    AIRequest.objects.create(
        user=bob,
        task="about",
        provider="gemini",
        model="gemini-x",
        credits_reserved=1,
        credits_charged=1,
        tokens_in=500,
        tokens_out=70,
        status="succeeded",
    )

    r = admin_client.get("/admin/ai/airequest/")

    assert r.status_code == 200
    by_model = r.text.split('id="totals-by-model"')[1].split("</table>")[0]
    assert (
        "<td>gemini</td><td>gemini-x</td><td>1</td><td>500</td><td>70</td><td>1</td>" in by_model
    )
    assert "<td>offline</td><td>offline-writer</td><td>2</td>" in by_model
    assert 'id="totals-by-day"' in r.text
    filtered = admin_client.get("/admin/ai/airequest/", {"provider": "gemini"}).text
    assert "offline-writer</td><td>2" not in filtered.split('id="totals-by-model"')[1]


def test_the_request_log_cannot_be_edited(admin_client, alice):
    assistant.suggest(alice, "grammar", {"text": "i draw maps"})
    request = AIRequest.objects.get()

    assert admin_client.get("/admin/ai/airequest/add/").status_code == 403
    r = admin_client.post(f"/admin/ai/airequest/{request.pk}/change/", {"status": "failed"})
    assert r.status_code == 403
    assert admin_client.post(f"/admin/ai/airequest/{request.pk}/delete/").status_code == 403


def test_an_admin_grants_credits_with_a_reason_and_is_recorded(admin_client, alice):
    r = admin_client.post(
        "/admin/ai/creditentry/add/",
        {"user": alice.pk, "kind": "image", "delta": 15, "note": "Beta tester"},
    )

    assert r.status_code == 302
    entry = alice.credit_entries.get(reason="grant")
    assert (entry.delta, entry.note, entry.actor.email) == (15, "Beta tester", "root@example.com")
    assert balance(alice, "image") == 25 == ledger_sum(alice, "image")


def test_a_grant_below_zero_or_without_a_reason_is_refused(admin_client, alice):
    r = admin_client.post(
        "/admin/ai/creditentry/add/",
        {"user": alice.pk, "kind": "text", "delta": -51, "note": "Oops"},
    )
    assert "below zero" in r.text
    r = admin_client.post(
        "/admin/ai/creditentry/add/", {"user": alice.pk, "kind": "text", "delta": 5, "note": ""}
    )
    assert "This field is required" in r.text
    assert balance(alice) == 50 and not alice.credit_entries.filter(reason="grant").exists()


def test_ledger_rows_cannot_be_changed_or_deleted_in_the_admin(admin_client, alice):
    entry = alice.credit_entries.get(kind="text", reason="opening")

    r = admin_client.post(f"/admin/ai/creditentry/{entry.pk}/change/", {"delta": 999})
    assert r.status_code == 403
    assert admin_client.post(f"/admin/ai/creditentry/{entry.pk}/delete/").status_code == 403
    entry.refresh_from_db()
    assert entry.delta == 50


def test_balances_are_read_only_on_the_person_and_link_to_a_grant(admin_client, alice):
    r = admin_client.get(f"/admin/accounts/user/{alice.pk}/change/")

    assert 'name="ai_text_credits"' not in r.text
    assert f"/admin/ai/creditentry/add/?user={alice.pk}" in r.text


def test_an_override_changes_the_wording_shows_a_preview_and_resets(admin_client, alice):
    r = admin_client.post(
        "/admin/ai/promptoverride/add/",
        {"task": "improve", "template": "Polish the text, gently."},
    )
    assert r.status_code == 302
    override = PromptOverride.objects.get()
    assert override.based_on_version == TASKS["improve"].version

    page = admin_client.get(f"/admin/ai/promptoverride/{override.pk}/change/").text
    assert "Polish the text, gently." in page and "Never invent employers" in page  # preview
    assistant.suggest(alice, "improve", {"text": "i draw maps"})
    assert AIRequest.objects.get().prompt_version == "1+admin"

    confirm = admin_client.get(f"/admin/ai/promptoverride/{override.pk}/reset/")
    assert "Reset to the default wording?" in confirm.text
    r = admin_client.post(f"/admin/ai/promptoverride/{override.pk}/reset/")
    assert r.status_code == 302 and not PromptOverride.objects.exists()


def test_an_override_with_an_unknown_placeholder_is_refused(admin_client):
    r = admin_client.post(
        "/admin/ai/promptoverride/add/", {"task": "tone", "template": "Write as {persona}."}
    )

    assert r.status_code == 200
    assert "names {persona}, which this task lacks" in r.text
    assert not PromptOverride.objects.exists()


def test_people_who_are_not_staff_see_no_ai_admin(client, alice):
    client.force_login(alice)
    assert client.get("/admin/ai/airequest/").status_code == 302
    assert not CreditEntry.objects.filter(reason="grant").exists()
