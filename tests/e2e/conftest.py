"""Playwright driving Debian's Chromium against pytest-django's live server.

Every test fails on a browser console error (CSP violations show up there) or an unexpected
dialog. `shot(page, name)` saves a screenshot under test-artifacts/screenshots/ (git-ignored).
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Browser:
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        launch = {"args": CHROMIUM_ARGS, "headless": True}
        if Path(executable).exists():
            launch["executable_path"] = executable
        browser = playwright.chromium.launch(**launch)
        yield browser
        browser.close()


@pytest.fixture
def page(request, browser: Browser, live_server, transactional_db) -> Page:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 860}
    )
    context.set_default_timeout(10_000)
    # A worker's first page starts Chromium's renderer and the live server's first request;
    # on a busy machine (parallel workers) that alone can take several seconds.
    context.set_default_navigation_timeout(30_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.expected_dialogs, page.seen_dialogs = [], []
    page.on("dialog", lambda d: _on_dialog(page, d, problems))
    yield page
    if getattr(request.node, "report_call", None) and request.node.report_call.failed:
        shot(page, f"FAILED-{request.node.name}")
    context.close()
    assert problems == [], "\n".join(problems)


def _on_dialog(page: Page, dialog, problems: list[str]) -> None:
    """Dismiss every dialog; one a test announced in `page.expected_dialogs` is no problem."""
    if dialog.type in page.expected_dialogs:
        page.expected_dialogs.remove(dialog.type)
        page.seen_dialogs.append(dialog.type)
    else:
        problems.append(f"dialog ({dialog.type}): {dialog.message}")
    dialog.dismiss()


def shot(page: Page, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def last_mail_link(path_prefix: str) -> str:
    body = mail.outbox[-1].body
    return re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S*)", body)[1]


def last_mail_code() -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail.outbox[-1].body, re.M)[1]


def submit(page: Page, field_selector: str) -> None:
    """Press the submit button of the form that holds the given field."""
    page.locator(f"form:has({field_selector})").locator("button[type=submit]").first.click()


def sign_in(page: Page, email: str, password: str = PASSWORD, lands_on: str = "/dashboard/"):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    submit(page, "input[name=password]")
    expect(page).to_have_url(lands_on)


def drag(page: Page, source, target) -> None:
    """Drag like a person: press on the handle, move in steps, let go over the target."""
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 5, steps=12)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 2, steps=4)
    page.mouse.up()
