"""The credits page in a real browser: the chart draws under the strict CSP."""

from apps.ai import assistant
from tests.conftest import make_user

from .conftest import shot, sign_in


def test_the_credits_page_shows_the_history_and_a_chart(page):
    ada = make_user("ada@example.com", name="Ada Lovelace")
    assistant.suggest(ada, "grammar", {"text": "i draw maps"})
    assistant.generate_image(ada, "a kite over hills", "1:1", "abstract")

    sign_in(page, "ada@example.com")
    page.goto("/credits/")

    assert page.get_by_test_id("text-balance").inner_text() == "49"
    assert page.get_by_test_id("image-balance").inner_text() == "9"
    bars = page.locator("#usage-chart rect")
    assert bars.count() == 2
    assert bars.first.bounding_box()["height"] > 10
    assert page.locator("#request-log tbody tr").count() == 2
    shot(page, "credits")
