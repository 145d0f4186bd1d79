"""A published page on a phone: images sized for the screen, the first fonts asked for early."""

import re

import pytest
from playwright.sync_api import Browser

from apps.assets.models import Asset
from apps.blocks.validation import clean_pages, new_id
from apps.library.models import Project
from apps.portfolios.models import Portfolio
from tests.conftest import image_upload, make_user

# Lighthouse's phone (a Moto G Power) and a desktop screen.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 860}, "device_scale_factor": 1}


def picture(owner, n: int) -> str:
    """A large photo: the library keeps 320, 640 and 1280 px wide copies of it."""
    upload = image_upload(size=(1600, 1000), name=f"photo-{n}.png", color=(40 * n, 90, 160))
    asset, _ = Asset.create_from_upload(owner, upload)
    return str(asset.pk)


@pytest.fixture
def published(transactional_db) -> Portfolio:
    ada = make_user("ada@example.com", name="Ada Lovelace", title="Analyst")
    covers = [picture(ada, n) for n in range(3)]
    projects = [
        str(Project.objects.create(owner=ada, title=f"Engine {n}", cover_id=cover).pk)
        for n, cover in enumerate(covers)
    ]
    blocks = [
        ("hero", {"heading": "Ada Lovelace", "image": picture(ada, 3)}),
        ("projects", {"heading": "Work", "items": projects, "layout": "grid"}),
        ("case_study", {"project": projects[0]}),
        ("gallery", {"heading": "Sketches", "images": covers, "columns": 3}),
        ("projects", {"heading": "More", "items": projects, "layout": "list"}),
    ]
    pages = [
        {
            "id": new_id(),
            "slug": "home",
            "title": "Home",
            "blocks": [{"id": new_id(), "type": t, "rev": 1, "data": d} for t, d in blocks],
        }
    ]
    portfolio = Portfolio.objects.create(
        owner=ada, title="Ada", slug="ada", pages=clean_pages(pages)
    )
    portfolio.publish(by=ada)
    return portfolio


def open_page(browser: Browser, live_server, device: dict):
    context = browser.new_context(base_url=live_server.url, **device)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: m.type in {"error", "warning"} and messages.append(m.text))
    page.goto("/p/ada/")
    return context, page, messages


def loaded_images(browser: Browser, live_server, device: dict) -> list[dict]:
    """Scroll through the page like a reader, then say which copy each image loaded."""
    context, page, messages = open_page(browser, live_server, device)
    images = page.locator("main img")
    for n in range(images.count()):
        images.nth(n).scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.currentSrc", arg=images.nth(n).element_handle()
        )
    found = page.evaluate(
        """[...document.querySelectorAll('main img')].map(img => ({
            block: img.closest('section').className,
            shown: img.getBoundingClientRect().width * devicePixelRatio,
            src: img.currentSrc}))"""
    )
    context.close()
    assert messages == []
    for image in found:
        image["copy"] = int(re.search(r"/w(\d+)\.\w+$", image["src"])[1])
    return found


def test_a_phone_loads_the_640_px_copies_and_none_is_blurred(browser, live_server, published):
    images = loaded_images(browser, live_server, PHONE)

    assert len(images) == 1 + 3 + 1 + 3 + 3
    assert max(image["copy"] for image in images) == 640  # never the 1280 px copy
    for image in images:  # and each copy is (within 3%) as wide as the screen shows it
        assert image["copy"] >= 0.97 * image["shown"], image


def test_a_desktop_still_gets_the_large_copy_where_it_shows_large(browser, live_server, published):
    images = loaded_images(browser, live_server, DESKTOP)

    cover = next(image for image in images if "block-case_study" in image["block"])
    assert cover["shown"] > 640 and cover["copy"] == 1280
    assert all(image["copy"] >= 0.97 * image["shown"] for image in images)


def test_the_fonts_the_first_screen_needs_are_asked_for_first(browser, live_server, published):
    context, page, messages = open_page(browser, live_server, PHONE)

    page.evaluate("document.fonts.ready.then(() => true)")
    fonts = page.evaluate(
        """performance.getEntriesByType('resource')
            .filter(r => r.name.endsWith('.woff2')).map(r => [r.name, r.initiatorType])"""
    )
    page.wait_for_timeout(3500)  # Chrome warns about a preload left unused after ~3 s
    context.close()

    preloaded = {name for name, initiator in fonts if initiator == "link"}
    assert {re.sub(r".*/", "", name) for name in preloaded} == {
        "inter-latin-400-normal.woff2",  # body text
        "inter-latin-600-normal.woff2",  # the minimal theme's headings
    }
    assert messages == []  # e.g. "…was preloaded using link preload but not used…"
