"""The mentor page (free checks, paid suggestions on request, each linking to its block) and the
guided mode's checklist in the editor."""

from django.urls import reverse

from apps.ai.models import AIRequest
from apps.portfolios.models import Portfolio
from tests.conftest import HTMX


def mentor_url(portfolio):
    return reverse("portfolios:mentor", args=[portfolio.pk])


def about_id(portfolio):
    return next(b["id"] for b in portfolio.pages[0]["blocks"] if b["type"] == "about")


def test_the_free_checks_link_to_their_blocks_and_charge_nothing(client, alice, portfolio):
    client.force_login(alice)

    r = client.get(mentor_url(portfolio))

    assert r.status_code == 200
    edit = reverse("portfolios:edit", args=[portfolio.pk])
    block_link = f"{edit}?page={portfolio.pages[0]['id']}&amp;block={about_id(portfolio)}"
    assert block_link in r.text
    assert 'data-finding="missing_work"' in r.text
    assert "Costs up to 2 text credits; you have 50." in r.text
    assert not AIRequest.objects.exists()


def test_asking_for_suggestions_charges_and_shows_them(client, alice, portfolio):
    block = next(b for b in portfolio.pages[0]["blocks"] if b["type"] == "about")
    text = "I think I maybe just really like drawing maps for small publishers, basically."
    portfolio.update_block(block["id"], {**block["data"], "body": text}, based_on=block["rev"])
    client.force_login(alice)

    r = client.post(mentor_url(portfolio), {"nonce": "abc"})
    again = client.post(mentor_url(portfolio), {"nonce": "abc"})

    assert r.status_code == 200 and "Offline suggestions" in r.text
    assert "data-suggestion" in r.text
    assert AIRequest.objects.get().task == "mentor"  # the same click twice: one request
    assert again.text.count("data-suggestion") == r.text.count("data-suggestion")
    alice.refresh_from_db()
    assert alice.ai_text_credits < 50


def test_out_of_credits_is_said_plainly(client, alice, portfolio):
    from apps.ai.models import CreditEntry, this_month

    CreditEntry.objects.top_up(alice, this_month())
    alice.__class__.objects.filter(pk=alice.pk).update(ai_text_credits=0)
    client.force_login(alice)

    r = client.post(mentor_url(portfolio))

    assert r.status_code == 200 and "out of text credits" in r.text
    assert 'data-finding="missing_work"' in r.text  # the free checks are still there


def test_guided_mode_shows_the_next_steps_in_the_editor(client, alice, portfolio):
    client.force_login(alice)
    edit = reverse("portfolios:edit", args=[portfolio.pk])
    assert 'id="guide"' not in client.get(edit).text

    r = client.post(reverse("portfolios:guide", args=[portfolio.pk]), {"guided": "on"})

    assert r.status_code == 302 and r.url == edit
    page = client.get(edit).text
    assert 'id="guide"' in page and "Next steps" in page
    assert "Show your work" in page


def test_the_checklist_updates_after_a_fix(client, alice, portfolio):
    Portfolio.objects.filter(pk=portfolio.pk).update(is_guided=True)
    client.force_login(alice)
    url = reverse("portfolios:mentor-checklist", args=[portfolio.pk])
    assert "Show your work" in client.get(url, headers=HTMX).text

    portfolio.add_block(portfolio.pages[0]["id"], "projects")

    r = client.get(url, headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text
    assert "Show your work" not in r.text
    assert client.get(url).status_code == 302  # without htmx: the editor


def test_hiding_the_guide(client, alice, portfolio):
    Portfolio.objects.filter(pk=portfolio.pk).update(is_guided=True)
    client.force_login(alice)
    url = reverse("portfolios:guide", args=[portfolio.pk])

    r = client.post(url, {"guided": "off"}, headers=HTMX)

    assert r.status_code == 200 and r.text == ""
    portfolio.refresh_from_db()
    assert not portfolio.is_guided
    assert client.post(url, {"guided": "off"}).url == mentor_url(portfolio)


def test_a_new_portfolio_can_start_guided(client, alice):
    client.force_login(alice)
    data = {"title": "Mine", "goal": "job", "theme": "minimal", "is_guided": "on"}

    client.post(reverse("portfolios:create"), data)

    assert Portfolio.objects.get().is_guided


def test_other_peoples_portfolios_are_not_found(client, bob, portfolio):
    client.force_login(bob)

    assert client.get(mentor_url(portfolio)).status_code == 404
    assert client.post(mentor_url(portfolio)).status_code == 404
    checklist = reverse("portfolios:mentor-checklist", args=[portfolio.pk])
    assert client.get(checklist, headers=HTMX).status_code == 404
    guide = reverse("portfolios:guide", args=[portfolio.pk])
    assert client.post(guide, {"guided": "on"}).status_code == 404
    portfolio.refresh_from_db()
    assert not portfolio.is_guided and not AIRequest.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(client, portfolio):
    r = client.get(mentor_url(portfolio))
    assert r.status_code == 302 and "/accounts/login/" in r.url


def test_wrong_methods_are_refused(client, alice, portfolio):
    client.force_login(alice)
    assert client.get(reverse("portfolios:guide", args=[portfolio.pk])).status_code == 405
    checklist = reverse("portfolios:mentor-checklist", args=[portfolio.pk])
    assert client.post(checklist).status_code == 405
