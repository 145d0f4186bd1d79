"""Audience in a real browser: a visitor without JavaScript writes to a creator, a recipient
opens a share link, the creator reads both; the analytics page in light and dark."""

import re
from datetime import timedelta

from playwright.sync_api import Browser, Page, expect

from apps.audience import contact, counting
from apps.audience.models import DailyCount
from tests.audience.conftest import portfolio_with_contact_form
from tests.conftest import make_user
from tests.e2e.conftest import shot
from tests.e2e.test_accessibility import (
    SCHEMES,
    assert_accessible_in_both_schemes,
    in_scheme,
    sign_in_by_cookie,
)


def test_a_visitor_without_javascript_writes_and_the_owner_reads_it(
    page: Page, browser: Browser, live_server, monkeypatch
):
    monkeypatch.setattr(contact, "MIN_SECONDS", 0)  # the timer has its own tests
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio_with_contact_form(alice)

    visitor = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    site = visitor.new_page()
    site.goto("/p/alice/")
    site.get_by_label("Your name").fill("Rita <Recruiter>")
    site.get_by_label("Your email").fill("rita@acme.test")
    site.get_by_label("Message").fill("Hello Alice,\nare you free in May?")
    site.get_by_role("button", name="Send message").click()
    expect(site.get_by_role("heading", name="Thank you!")).to_be_visible()
    assert visitor.cookies() == []  # none set, none needed
    visitor.close()

    sign_in_by_cookie(page, alice, live_server.url)
    page.goto("/dashboard/")
    expect(page.locator("#sidebar [data-bell]")).to_contain_text("1 unread")
    page.get_by_role("link", name="Inbox").click()
    page.get_by_role("link", name="Rita <Recruiter>").click()
    expect(page.get_by_role("heading", name="Rita <Recruiter>")).to_be_visible()
    expect(page.get_by_text("are you free in May?")).to_be_visible()
    reply = page.get_by_role("link", name="Reply by email")
    assert reply.get_attribute("href").startswith("mailto:rita@acme.test?subject=")
    assert_accessible_in_both_schemes(page, "inbox-message")

    counting.flush(everything=True)  # the visitor's view counted by the <noscript> image
    assert DailyCount.objects.get(metric="view", key="").count == 1


def test_a_share_link_opened_in_another_browser_notifies_the_creator(
    page: Page, browser: Browser, live_server
):
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio = portfolio_with_contact_form(alice, visibility="private")
    sign_in_by_cookie(page, alice, live_server.url)
    page.goto(f"/portfolios/{portfolio.pk}/settings/")
    page.get_by_role("link", name="Share").click()
    page.get_by_label("Recipient’s name").fill("Rita")
    page.get_by_label("Company (optional)").fill("Acme")
    page.get_by_role("button", name="Create link").click()
    expect(page.get_by_text("Link for Rita created.")).to_be_visible()
    address = page.locator("article p.font-mono").inner_text()
    assert_accessible_in_both_schemes(page, "share-links")

    recipient = browser.new_context()
    opened = recipient.new_page()
    opened.goto(address)
    expect(opened.get_by_role("heading", name="Let’s work together")).to_be_visible()
    recipient.close()

    page.goto("/dashboard/")
    page.locator("#sidebar [data-bell]").click()
    expect(page.locator("main li p").first).to_have_text(
        "Unread: Rita (Acme) opened your link to “Alice’s work”"
    )
    assert_accessible_in_both_schemes(page, "notifications-unread")
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator("#sidebar [data-bell]")).not_to_contain_text("unread")
    page.goto(f"/portfolios/{portfolio.pk}/share/")
    expect(page.locator("article dl")).to_contain_text("Views1")


def test_the_analytics_page_in_light_and_dark(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio = portfolio_with_contact_form(alice)
    target = counting.target_of(portfolio)
    days = counting.days(30)
    DailyCount.objects.bulk_create(
        [
            DailyCount(target=target, day=d, metric="view", count=(i * 7) % 23 + 2)
            for i, d in enumerate(days)
        ]
        + [DailyCount(target=target, day=days[-1], metric="visitor", count=31)]
        + [
            DailyCount(
                target=target,
                day=days[-1] - timedelta(days=1),
                metric="referrer",
                key=site,
                count=n,
            )
            for site, n in (("linkedin.com", 40), ("github.com", 22), ("news.ycombinator.com", 9))
        ]
    )
    in_scheme(page, SCHEMES[0])
    sign_in_by_cookie(page, alice, live_server.url)
    page.goto("/analytics/")

    assert page.locator("svg[role=img]").first.locator("rect").count() == 30
    assert page.locator("svg[role=img]").nth(1).locator("rect").count() == 3
    assert_accessible_in_both_schemes(page, "analytics")  # screenshots in both schemes
    page.get_by_text("Show as a table").first.click()
    expect(page.get_by_role("table").first).to_be_visible()


def test_a_recruiter_saves_a_portfolio_with_a_note(page: Page, live_server):
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio_with_contact_form(alice)
    rita = make_user("rita@acme.test", name="Rita Recruiter", role="recruiter")
    sign_in_by_cookie(page, rita, live_server.url)

    page.goto("/dashboard/")
    page.get_by_role("link", name="Saved").click()
    page.get_by_label("List name").fill("Illustrators")
    page.get_by_role("button", name="Create list").click()
    page.get_by_label("Address of a published portfolio or resume").fill(
        f"{live_server.url}/p/alice/"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved “Alice’s work” to “Illustrators”.")).to_be_visible()
    page.get_by_role("link", name="Note & tags for Alice’s work").click()
    page.get_by_label("Private note").fill("Great line work; ask about May.")
    page.get_by_label("Tags").fill("ink, freelance")
    page.get_by_role("button", name="Save note").click()
    expect(page.get_by_text("Great line work; ask about May.")).to_be_visible()
    expect(page.locator("main .badge-primary")).to_have_text(["ink", "freelance"])
    assert_accessible_in_both_schemes(page, "saved")

    # Her summary: from the published page only, each point linking to its block.
    page.get_by_role("link", name="Note & tags for Alice’s work").click()
    page.get_by_role("button", name="Summarise").click()
    first = page.locator("#summary-points li").first
    expect(first).to_contain_text("Hello, I’m …")
    shot(page, "recruiter-summary")
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/p/alice/#b-[0-9a-f]{32}$"))
