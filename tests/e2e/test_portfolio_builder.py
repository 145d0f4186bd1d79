from contextlib import contextmanager
from datetime import date

from playwright.sync_api import Browser, Page, expect

from apps.assets.models import Asset
from apps.library.models import Experience, Project, Skill
from apps.portfolios.models import Portfolio
from tests.conftest import image_upload, make_user
from tests.e2e.conftest import drag, shot, sign_in


@contextmanager
def visitor(browser: Browser, base_url: str, expect_404: bool = False):
    """A stranger's browser: a fresh context with no cookies, failing on any script error."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    context.close()
    if expect_404:  # Chromium logs the page's own 404 as a console error
        problems = [p for p in problems if "status of 404 (Not Found)" not in p]
    assert problems == [], "\n".join(problems)


def a_small_library() -> None:
    ada = make_user("ada@example.com", name="Ada Lovelace", title="Analyst and translator")
    ada.bio = "I write programs for machines that do not exist yet."
    ada.avatar, _ = Asset.create_from_upload(ada, image_upload(size=(600, 600), name="Ada.png"))
    ada.save()
    Project.objects.create(
        owner=ada,
        title="Analytical Engine",
        summary="A general-purpose mechanical computer.",
        technologies=["Brass", "Punched cards"],
        featured=True,
        position=0,
    )
    Project.objects.create(owner=ada, title="Difference Engine", summary="Tables.", position=1)
    Skill.objects.create(owner=ada, name="Mathematics", category="other", level=4)
    Skill.objects.create(owner=ada, name="Translation", category="soft", level=3)
    Experience.objects.create(
        owner=ada,
        company="Babbage & Co",
        role="Analyst",
        start_date=date(1842, 10, 1),
        current=True,
        highlights=["Wrote Note G"],
    )


def test_build_a_portfolio_from_the_library_publish_it_and_take_it_down(
    page: Page, browser: Browser, live_server
):
    a_small_library()
    sign_in(page, "ada@example.com")

    page.goto("/portfolios/new/")
    page.get_by_label("Title").fill("Ada’s portfolio")
    page.locator("input[name=theme][value=bold]").check()
    expect(page.get_by_label("Start from my library")).to_be_checked()
    show_email = page.get_by_label("Show my email address (ada@example.com) on the site")
    expect(show_email).not_to_be_checked()
    show_email.check()
    shot(page, "portfolio-new")
    page.get_by_role("button", name="Create portfolio").click()

    portfolio = Portfolio.objects.get()
    expect(page).to_have_url(f"/portfolios/{portfolio.pk}/edit/")
    rows = page.locator("#block-rows > li")
    labels = ["Hero", "About", "Projects", "Skills", "Experience", "Contact"]
    expect(rows.locator("a .font-medium")).to_have_text(labels)
    preview = page.frame_locator("#preview")
    expect(preview.locator("h1")).to_have_text("Ada Lovelace")
    shot(page, "editor-from-library", full_page=False)

    # Edit the hero: it saves by itself and the preview follows.
    rows.filter(has_text="Hero").get_by_role("link").click()
    expect(rows.first.get_by_role("link")).to_have_attribute("aria-current", "true")
    page.locator("[name=b-heading]").fill("Ada Lovelace, first programmer")
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(preview.locator("h1")).to_have_text("Ada Lovelace, first programmer")
    expect(rows.first).to_contain_text("Ada Lovelace, first programmer")

    # Add some numbers after the hero.
    page.locator("#add-block summary").click()
    page.locator("[data-block-type=stats]").click()
    expect(rows.locator("a .font-medium")).to_have_text(["Hero", "Stats", *labels[1:]])
    add_item = page.get_by_role("button", name="+ Add a number")
    for value, label in (("12", "years"), ("40", "clients")):
        add_item.click()
        row = page.locator(".item-rows__row").last
        row.get_by_label("Number").fill(value)
        row.get_by_label("What it counts").fill(label)
    expect(page.locator(".save-state")).to_have_attribute("data-state", "saved")
    expect(preview.locator(".stat")).to_have_text(["12 years", "40 clients"])
    shot(page, "editor-stats-block", full_page=False)

    # Drag the contact block up, above the numbers; the order survives a reload.
    with page.expect_response("**/edit/blocks/reorder/") as saved:
        drag(page, rows.nth(6).locator("[data-drag-handle]"), rows.nth(1))
    assert saved.value.ok
    order = ["Hero", "Contact", "Stats", "About", "Projects", "Skills", "Experience"]
    expect(rows.locator("a .font-medium")).to_have_text(order)
    expect(page.locator("#editor[data-requests]")).to_have_count(0)  # a person waits for it
    page.reload()
    expect(rows.locator("a .font-medium")).to_have_text(order)
    blocks = Portfolio.objects.get().pages[0]["blocks"]
    assert [b["type"] for b in blocks][:3] == ["hero", "contact", "stats"]

    # Design: another theme and a colour of one's own, seen in the preview at once.
    page.get_by_role("link", name="Design").click()
    expect(preview.locator("body")).to_contain_class("theme-bold")
    page.locator("#design-form input[name=theme][value=editorial]").check()
    expect(preview.locator("body")).to_contain_class("theme-editorial")
    page.get_by_label("Primary colour", exact=True).fill("#0f766e")
    expect(preview.locator(".hero .button")).to_have_css("background-color", "rgb(15, 118, 110)")
    shot(page, "design-editorial-teal", full_page=False)
    assert Portfolio.objects.get().design["colors"] == {"primary": "#0f766e"}

    # Publish from the editor bar; a stranger sees it and gets no cookie.
    page.get_by_role("link", name="Open the editor").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text("Published. Your portfolio is live at")).to_be_visible()
    expect(page.locator("#status")).to_have_text("Published")
    slug = Portfolio.objects.get().slug
    with visitor(browser, live_server.url) as stranger:
        response = stranger.goto(f"/p/{slug}/")
        assert response.status == 200
        expect(stranger.locator("body")).to_contain_class("theme-editorial")
        expect(stranger.locator("h1")).to_have_text("Ada Lovelace, first programmer")
        expect(stranger.locator(".card__title")).to_have_text(
            ["Analytical Engine", "Difference Engine"]
        )
        expect(stranger.locator(".stat")).to_have_count(2)
        shot(stranger, "public-page-published")
        assert stranger.context.cookies() == []

    # Unpublish from the settings page: strangers get "not found" again.
    page.get_by_role("link", name="Settings").click()
    page.get_by_role("button", name="Unpublish").click()
    expect(page.get_by_text("Unpublished.")).to_be_visible()
    with visitor(browser, live_server.url, expect_404=True) as stranger:
        response = stranger.goto(f"/p/{slug}/")
        assert response.status == 404
        shot(stranger, "public-page-unpublished")
