"""Ask my portfolio in a real browser: a visitor without JavaScript asks a published portfolio
and follows the citation; the owner reads the conversation in the inbox; with JavaScript the
answers are written under the form as they come; the form and the answer page pass axe in
light and dark."""

from playwright.sync_api import Browser, Page, expect

from apps.audience import contact
from apps.audience.models import Message
from tests.audience.conftest import block_id, portfolio_with_chat
from tests.conftest import make_user
from tests.e2e.conftest import shot
from tests.e2e.test_accessibility import assert_accessible_in_both_schemes, sign_in_by_cookie


def test_a_visitor_asks_without_javascript_and_the_owner_reads_it(
    page: Page, browser: Browser, live_server, monkeypatch, settings
):
    monkeypatch.setattr(contact, "MIN_SECONDS", 0)  # the timer has its own tests
    alice = make_user("alice@example.com", name="Alice Liddell")
    portfolio = portfolio_with_chat(alice)
    about = block_id(portfolio, "about")

    visitor = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    site = visitor.new_page()
    site.goto("/p/alice/")
    site.get_by_label("Your question").fill("Has she shipped an iOS app?")
    site.get_by_role("button", name="Ask").click()
    answer = site.locator("#chat-answer")
    expect(answer).to_contain_text("Looking Glass, an iOS app for reading old maps")
    shot(site, "chat-answer-light")
    answer.get_by_role("link", name="About me (Home)").click()
    expect(site).to_have_url(f"{live_server.url}/p/alice/#b-{about}")
    assert visitor.cookies() == []
    visitor.close()

    sign_in_by_cookie(page, alice, live_server.url)
    page.goto("/inbox/")
    page.get_by_role("link", name="A visitor asked your portfolio").click()
    expect(page.get_by_text("Q: Has she shipped an iOS app?")).to_be_visible()
    assert_accessible_in_both_schemes(page, "inbox-chat")

    page.goto("/p/alice/")  # with JavaScript: answers appear under the form
    ask = page.get_by_label("Your question")
    ask.fill("Does she speak Japanese?")
    page.get_by_role("button", name="Ask").click()
    answers = page.locator("#ask-answer")
    expect(answers).to_contain_text("I don’t know from this portfolio.")
    settings.AI_OFFLINE_STREAM_DELAY = 0.08  # a word every 80 ms, as a model writes
    ask.fill("Which games were written in Swift?")
    page.get_by_role("button", name="Ask").click()
    writing = page.locator("#ask-answer[aria-busy=true] .ask__text")
    expect(writing).to_contain_text("From the portfolio:")  # words before the answer is done
    shot(page, "chat-streaming", full_page=False)
    expect(answers).not_to_have_attribute("aria-busy", "true")
    expect(answers).to_contain_text("Swift with SpriteKit")
    expect(answers.get_by_role("link", name="Projects (Home)")).to_be_visible()
    settings.AI_OFFLINE_STREAM_DELAY = 0
    assert page.url == f"{live_server.url}/p/alice/"
    latest = Message.objects.order_by("-created_at").first()  # one conversation, two turns
    assert "Q: Does she speak Japanese?" in latest.body and "Q: Which games" in latest.body
    assert_accessible_in_both_schemes(page, "portfolio-with-chat")
    shot(page, "chat-inline-dark")

    ask.fill("Has she shipped an iOS app?")  # the answer page itself, as without JavaScript
    page.evaluate("document.querySelector('form[data-ask]').submit()")
    expect(page.locator("#chat-answer")).to_contain_text("Looking Glass")
    assert_accessible_in_both_schemes(page, "chat-answer")
    shot(page, "chat-answer-dark")
