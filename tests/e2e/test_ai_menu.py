"""The AI menu of a field, used like a person does with the offline writer: ask for a hero
headline, watch it stream, stop one, use another (it saves like typing), undo it; a suggestion
holding a claim the person's data lacks is marked and needs a confirmation, and whatever the
server says is shown as text, never as markup. Editor requests are slowed 300–800 ms."""

import json

from playwright.sync_api import Page, expect

from apps.ai.models import AIRequest
from tests.e2e.conftest import shot, sign_in
from tests.e2e.editor import PortfolioEditor, slow_network
from tests.e2e.test_editor_contract import a_portfolio, ids


def menu(page: Page, block_id: str, field: str):
    return page.locator(f"#block-form-{block_id} [data-ai-menu][data-ai-name='b-{field}']")


def ask(page: Page, box, entry: str) -> None:
    box.locator("summary").click()
    box.get_by_role("button", name=entry).click()


def test_a_hero_headline_streams_stops_is_used_and_undone(page: Page, settings):
    settings.AI_OFFLINE_STREAM_DELAY = 0.4  # a word at a time, slowly enough to stop
    portfolio = a_portfolio("hero")
    (hero,) = ids(portfolio)
    portfolio.owner.projects.create(title="Atlas of Rivers", technologies=["QGIS", "Procreate"])
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, "**/portfolios/*/edit/**")
    box = menu(page, hero, "heading")
    panel = box.locator("[data-ai-panel]")

    # Asked, watched while it is written, stopped half-way: nothing reaches the field.
    ask(page, box, "Hero headline and subheading 1 credit")
    expect(box.get_by_role("button", name="Stop")).to_be_focused()
    expect(panel.locator("[data-ai-text]")).not_to_have_text("", timeout=5_000)
    written = panel.locator("[data-ai-text]").inner_text()
    box.get_by_role("button", name="Stop").click()
    expect(panel.locator("[data-ai-status]")).to_have_text("Stopped. Nothing from it was used.")
    assert len(panel.locator("[data-ai-text]").inner_text()) >= len(written)
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m …")
    expect(box.get_by_role("button", name="Use this")).to_be_hidden()

    # Asked again, read to the end, used: the headline and its subheading save as typing does.
    settings.AI_OFFLINE_STREAM_DELAY = 0.02
    ask(page, box, "Hero headline and subheading 1 credit")
    accept = box.get_by_role("button", name="Use this")
    expect(accept).to_be_focused(timeout=15_000)
    expect(panel.get_by_text("Offline suggestion")).to_be_visible()
    owner = portfolio.owner
    owner.refresh_from_db()
    assert owner.ai_text_credits < 50
    expect(panel.locator("[data-ai-status]")).to_have_text(
        f"{owner.ai_text_credits} text credits left."
    )
    suggestion = panel.locator("[data-ai-text]").inner_text().split("\n")
    shot(page, "ai-menu-suggestion", full_page=False)
    accept.click()
    expect(editor.field(hero, "heading")).to_have_value(suggestion[0].strip())
    expect(editor.field(hero, "subheading")).to_have_value(" ".join(suggestion[1:]).strip())
    expect(editor.field(hero, "heading")).to_be_focused()
    page.wait_for_timeout(700)  # the autosave's pause after typing
    editor.settled()
    editor.wait_saved(hero)
    assert editor.stored(hero, "heading") == suggestion[0].strip()
    expect(panel.locator("[data-ai-status]")).to_have_text("Used. It saves like your own typing.")
    cancelled = AIRequest.objects.filter(status="cancelled").count()
    assert cancelled == 1 and AIRequest.objects.filter(status="succeeded").count() == 1

    # Undone: what was there comes back, and is saved back.
    box.get_by_role("button", name="Undo").click()
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m …")
    expect(editor.field(hero, "subheading")).to_have_value("")
    page.wait_for_timeout(700)  # the autosave's pause after typing
    editor.settled()
    editor.wait_saved(hero)
    assert editor.stored(hero, "heading") == "Hello, I’m …"
    assert editor.stored(hero, "subheading") == ""


def test_an_unbacked_claim_is_marked_and_confirmed_and_markup_stays_text(page: Page):
    portfolio = a_portfolio("about")
    (about,) = ids(portfolio)
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(about)
    text = 'Led 12 people at <img src=x data-x="1"> Initech.'
    events = [
        ("chunk", {"text": text}),
        (
            "done",
            {
                "text": text,
                "unverified": [{"start": 4, "end": 6, "text": "12", "kind": "number"}],
                "offline": False,
                "creditsLeft": 49,
            },
        ),
    ]
    body = "".join(f"event: {n}\ndata: {json.dumps(d)}\n\n" for n, d in events)
    page.route(
        "**/ai/suggest/",
        lambda route: route.fulfill(
            status=200, headers={"Content-Type": "text/event-stream"}, body=body
        ),
    )
    box = menu(page, about, "body")
    panel = box.locator("[data-ai-panel]")

    ask(page, box, "Improve 1 credit")

    expect(panel.locator("[data-ai-text] mark")).to_have_text("12")
    expect(panel.locator("[data-ai-text]")).to_have_text(text)
    assert panel.locator("[data-ai-text] img").count() == 0
    expect(panel.get_by_text("Marked words are not in your library")).to_be_visible()
    box.get_by_role("button", name="Use this").click()
    dialog = page.get_by_role("dialog", name="Use text your data does not back up?")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("listitem")).to_have_text(["12"])
    shot(page, "ai-menu-confirm", full_page=False)
    dialog.get_by_role("button", name="Go back").click()
    expect(dialog).to_be_hidden()
    expect(box.get_by_role("button", name="Use this")).to_be_focused()

    box.get_by_role("button", name="Use this").click()
    dialog.get_by_role("button", name="Use it anyway").click()
    page.wait_for_timeout(700)  # the autosave's pause after typing
    editor.settled()
    editor.wait_saved(about)
    assert "Led 12 people at" in editor.stored(about, "body")
    assert "<img" not in editor.stored(about, "body")
    expect(page.locator(f"#block-form-{about} trix-editor img")).to_have_count(0)


def test_leaving_a_block_while_its_suggestion_is_written_stops_it(page: Page, settings):
    settings.AI_OFFLINE_STREAM_DELAY = 0.4
    portfolio = a_portfolio("hero", "about")
    hero, about = ids(portfolio)
    portfolio.owner.projects.create(title="Atlas of Rivers", technologies=["QGIS", "Procreate"])
    sign_in(page, "ada@example.com")
    editor = PortfolioEditor(page, portfolio).open(hero)
    slow_network(page, "**/portfolios/*/edit/**")
    box = menu(page, hero, "heading")

    ask(page, box, "Hero headline and subheading 1 credit")
    expect(box.locator("[data-ai-text]")).not_to_have_text("", timeout=5_000)
    editor.open_block(1)  # the person moves on mid-sentence
    expect(editor.field(about, "heading")).to_be_visible()
    expect(page.locator("[data-ai-panel]:not([hidden])")).to_have_count(0)

    request = AIRequest.objects.get()
    for _ in range(50):  # the server notices the hang-up at its next word
        request.refresh_from_db()
        if request.status != "pending":
            break
        page.wait_for_timeout(100)
    assert request.status == "cancelled"

    page.go_back()  # the hero again: as saved, its menu closed, nothing written into it
    expect(editor.field(hero, "heading")).to_have_value("Hello, I’m …")
    expect(menu(page, hero, "heading").locator("[data-ai-panel]")).to_be_hidden()
    editor.settled()
    assert editor.stored(hero, "heading") == "Hello, I’m …"
