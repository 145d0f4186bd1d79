"""A person at the portfolio editor, for the editor-contract tests.

`slow_network` delays the editor's own requests by 300–800 ms (a different delay each time,
from a seeded generator), so responses come back late and out of order on every run. The
resume editor's tests drive the same contract through an object with the same methods.
"""

import random

from playwright.sync_api import Page, expect

from apps.portfolios.models import Portfolio


def slow_network(page: Page, pattern: str, seed: int = 7) -> list[str]:
    """Hold every request matching `pattern` for 300–800 ms; returns the log of their URLs."""
    delays = random.Random(seed)
    seen: list[str] = []

    def hold(route):
        seen.append(f"{route.request.method} {route.request.url}")
        page.wait_for_timeout(delays.randint(300, 800))  # yields: other requests go on meanwhile
        route.continue_()

    page.route(pattern, hold)
    return seen


class PortfolioEditor:
    def __init__(self, page: Page, portfolio: Portfolio):
        self.page, self.portfolio = page, portfolio

    def open(self, block_id: str = "") -> "PortfolioEditor":
        suffix = f"?block={block_id}" if block_id else ""
        self.page.goto(f"/portfolios/{self.portfolio.pk}/edit/{suffix}")
        return self

    def row(self, index: int):
        return self.page.locator("#block-rows > li").nth(index)

    def open_block(self, index: int) -> "PortfolioEditor":
        """Click a block in the outline, without waiting for anything."""
        self.row(index).locator("[data-open-item]").click()
        return self

    def open_item(self, item_id: str) -> "PortfolioEditor":
        self.page.locator(f"#row-link-{item_id}").click()
        return self

    def form(self, block_id: str):
        return self.page.locator(f"#block-form-{block_id}")

    def field(self, block_id: str, name: str):
        return self.form(block_id).locator(f"[name='b-{name}']")

    def type_into(self, block_id: str, name: str, text: str) -> None:
        """Click at the end of a field and type, as fast as a person types."""
        field = self.field(block_id, name)
        field.click()
        field.press("End")
        field.press_sequentially(text, delay=15)

    def state(self, block_id: str):
        return self.page.locator(f"#save-state-{block_id}")

    def wait_saved(self, block_id: str) -> None:
        expect(self.state(block_id)).to_have_attribute("data-state", "saved", timeout=15_000)

    def settled(self, timeout: float = 15_000) -> None:
        """Wait until no editor request is queued or in flight."""
        expect(self.page.locator("#editor[data-requests]")).to_have_count(0, timeout=timeout)

    def stored(self, block_id: str, name: str):
        self.portfolio.refresh_from_db()
        return self.portfolio.find_block(block_id)[1]["data"][name]

    def conflict_shown(self) -> bool:
        return self.page.get_by_text("This block changed in another tab or window.").count() > 0


class ResumeEditor(PortfolioEditor):
    """The same person at the resume editor: items are opened by id; fields are prefixed r-."""

    def __init__(self, page: Page, resume):
        self.page, self.resume = page, resume

    def open(self, item_id: str = "") -> "ResumeEditor":
        suffix = f"?open={item_id}" if item_id else ""
        self.page.goto(f"/resumes/{self.resume.pk}/edit/{suffix}")
        return self

    def open_item(self, item_id: str) -> "ResumeEditor":
        self.page.locator(f"#row-link-{item_id}").click()
        return self

    def form(self, item_id: str):
        return self.page.locator(f"#item-form-{item_id}")

    def field(self, item_id: str, name: str):
        return self.form(item_id).locator(f"[name='r-{name}']")

    def stored(self, item_id: str, name: str):
        self.resume.refresh_from_db()
        content = self.resume.content
        if item_id == "basics":
            return content["basics"].get(name)
        items = [i for key in content if isinstance(content[key], list) for i in content[key]]
        return next(i for i in items if isinstance(i, dict) and i.get("id") == item_id).get(name)
