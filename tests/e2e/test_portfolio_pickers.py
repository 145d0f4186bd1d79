from playwright.sync_api import Page, expect

from apps.library.models import Project
from apps.portfolios.models import Portfolio
from tests.conftest import make_user
from tests.e2e.conftest import shot, sign_in
from tests.e2e.editor import slow_network


def test_ticking_projects_in_the_projects_block_shows_just_those(page: Page):
    ada = make_user("ada@example.com", name="Ada Lovelace")
    for position, title in enumerate(["Analytical Engine", "Difference Engine", "Note G"]):
        Project.objects.create(owner=ada, title=title, position=position, featured=True)
    portfolio = Portfolio.objects.create(owner=ada, title="Ada", slug="ada")
    block = portfolio.add_block(portfolio.pages[0]["id"], "projects").block
    sign_in(page, "ada@example.com")

    page.goto(f"/portfolios/{portfolio.pk}/edit/?block={block['id']}")
    preview = page.frame_locator("#preview")
    expect(preview.locator(".block-projects h3")).to_have_count(3)  # the featured ones
    slow_network(page, "**/portfolios/*/preview/")  # saves come back while it still loads
    page.get_by_label("Note G").check()
    page.get_by_label("Analytical Engine").check()

    # The preview refreshes once the change is saved.
    expect(preview.locator(".block-projects h3")).to_have_text(["Analytical Engine", "Note G"])
    shot(page, "editor-projects-picker", full_page=False)
    page.reload()
    expect(page.get_by_label("Note G")).to_be_checked()
    expect(page.get_by_label("Analytical Engine")).to_be_checked()
    expect(page.get_by_label("Difference Engine")).not_to_be_checked()
