from playwright.sync_api import Page, expect

from apps.assets.models import Asset
from apps.library.models import Experience, Project, Skill
from tests.conftest import image_upload, make_user
from tests.e2e.conftest import drag, shot, sign_in


def add_project(page: Page, title: str, summary: str, technologies: str) -> None:
    page.get_by_role("link", name="Add project").first.click()
    form = page.locator("#project-new form")
    form.get_by_label("Title").fill(title)
    form.get_by_label("Summary").fill(summary)
    form.get_by_label("Technologies").fill(technologies)
    form.get_by_role("button", name="Save project").click()
    expect(page.locator("#project-items > li", has_text=title)).to_be_visible()


def test_build_a_library_and_reorder_projects_by_drag(page: Page):
    alice = make_user("ada@example.com", name="Ada Lovelace")
    Asset.create_from_upload(alice, image_upload(size=(1200, 800), name="Engine.png"))
    sign_in(page, "ada@example.com")

    page.goto("/library/projects/")
    expect(page.get_by_text("No projects yet — add your first.")).to_be_visible()
    shot(page, "library-projects-empty")

    # A project with a cover picked from the asset library.
    page.get_by_role("link", name="Add project").first.click()
    form = page.locator("#project-new form")
    expect(page.get_by_text("No projects yet")).to_be_hidden()
    form.get_by_label("Title").fill("Analytical Engine")
    form.get_by_label("Summary").fill("A general-purpose mechanical computer, on paper.")
    form.get_by_label("Description").fill("<p>Notes with <strong>the first program</strong>.</p>")
    form.get_by_label("Technologies").fill("Brass, Punched cards")
    form.get_by_label("Live site link").fill("example.com/engine")
    form.get_by_role("button", name="Choose image").click()
    dialog = page.locator("dialog[open]")
    dialog.locator("[data-asset-choose]", has_text="Engine").click()
    expect(page.locator("dialog[open]")).to_have_count(0)
    form.get_by_label("Feature this project").check()
    shot(page, "library-project-form")
    form.get_by_role("button", name="Save project").click()

    first = page.locator("#project-items > li", has_text="Analytical Engine")
    expect(first).to_contain_text("Featured")
    expect(first.locator("img").first).to_have_attribute("src", Asset.objects.get().thumb_url)

    # Earlier technologies are offered as quick picks.
    page.get_by_role("link", name="Add project").first.click()
    page.locator("#project-new [data-tag-add='Brass']").click()
    expect(page.locator("#project-new").get_by_label("Technologies")).to_have_value("Brass")
    page.locator("#project-new").get_by_role("link", name="Cancel").click()
    expect(page.locator("#project-new form")).to_have_count(0)

    add_project(page, "Difference Engine", "Tables of polynomials.", "Brass")
    add_project(page, "Bernoulli Notes", "Note G, the first algorithm.", "Maths")
    items = page.locator("#project-items > li")
    expect(items.locator("h2")).to_have_text(
        ["Bernoulli Notes", "Difference Engine", "Analytical Engine"]
    )
    shot(page, "library-projects")

    # Drag the last project to the top; the order is saved and survives a reload.
    with page.expect_response("**/library/projects/reorder/") as saved:
        drag(page, items.nth(2).locator("[data-drag-handle]"), items.nth(0))
    assert saved.value.status == 204
    expected = ["Analytical Engine", "Bernoulli Notes", "Difference Engine"]
    assert list(Project.objects.values_list("title", flat=True)) == expected
    page.reload()
    expect(page.locator("#project-items > li h2")).to_have_text(expected)

    # Keyboard users move with buttons instead.
    page.get_by_role("button", name="Move “Difference Engine” up").click()
    expect(page.locator("#project-items > li h2")).to_have_text(
        ["Analytical Engine", "Difference Engine", "Bernoulli Notes"]
    )

    # Skills in two categories.
    page.get_by_role("link", name="Skills", exact=True).click()
    expect(page.get_by_text("No skills yet")).to_be_visible()
    for name, category, level in [("Python", "Language", "Expert"), ("Figma", "Tool", "")]:
        page.get_by_role("link", name="Add skill").first.click()
        form = page.locator("#skill-new form")
        form.get_by_label("Name").fill(name)
        form.get_by_label("Category").select_option(label=category)
        if level:
            form.get_by_label("Level").select_option(label=level)
        form.get_by_role("button", name="Save skill").click()
        expect(page.locator("#skill-list li", has_text=name)).to_be_visible()
    expect(page.locator("#skill-list h2")).to_have_text(["Languages", "Tools"])
    assert set(Skill.objects.values_list("category", flat=True)) == {"language", "tool"}
    shot(page, "library-skills")

    # An experience: an end before the start is refused; "I work here now" turns the end off.
    page.get_by_role("link", name="Experience", exact=True).click()
    page.get_by_role("link", name="Add experience").first.click()
    form = page.locator("#experience-new form")
    form.get_by_label("Role").fill("Translator and analyst")
    form.get_by_label("Company").fill("Babbage & Co")
    form.get_by_label("Location").fill("London")
    form.get_by_label("Start date").fill("1842-10-01")
    form.get_by_label("End date").fill("1841-09-01")
    form.get_by_label("Highlights").fill("Translated Menabrea's paper\nWrote Note G")
    form.get_by_role("button", name="Save role").click()
    expect(page.locator("#experience-new")).to_contain_text("The end date is before the start")
    shot(page, "library-experience-error")
    page.locator("#experience-new").get_by_label("I work here now").check()
    expect(page.locator("#experience-new").get_by_label("End date")).to_be_disabled()
    page.locator("#experience-new").get_by_role("button", name="Save role").click()
    card = page.locator("#experience-list li", has_text="Translator and analyst")
    expect(card).to_contain_text("Oct 1842 – Present")
    expect(card).to_contain_text("Wrote Note G")
    assert Experience.objects.get().highlights == ["Translated Menabrea's paper", "Wrote Note G"]
    shot(page, "library-experience")

    # Deleting asks first, inline, and the empty state returns.
    card.locator("summary").click()
    card.get_by_role("button", name="Delete experience").click()
    expect(page.get_by_text("No experience yet")).to_be_visible()
    assert not Experience.objects.exists()


def test_the_library_looks_right_in_dark_mode_and_on_a_phone(page: Page):
    alice = make_user("ada@example.com", name="Ada Lovelace")
    cover, _ = Asset.create_from_upload(alice, image_upload(size=(900, 600), name="Cover.png"))
    for n, title in enumerate(["Analytical Engine", "A very long project title that wraps"]):
        Project.objects.create(
            owner=alice,
            title=title,
            position=n,
            summary="Summary text that is a little longer to see how it wraps on small screens.",
            technologies=["Python", "Django", "htmx", "Tailwind CSS"],
            live_url="https://example.com",
            repo_url="https://github.com/example/x",
            cover=cover if n == 0 else None,
            featured=n == 0,
        )
    Skill.objects.create(owner=alice, name="Python", category="language", level=4)
    Skill.objects.create(owner=alice, name="Mentoring", category="soft", level=2)
    sign_in(page, "ada@example.com")

    page.emulate_media(color_scheme="dark")
    page.goto("/library/projects/")
    expect(page.locator("html")).to_contain_class("dark")
    shot(page, "library-projects-dark")
    page.locator("#project-items > li").first.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("button", name="Save project")).to_be_visible()
    shot(page, "library-project-edit-dark")
    page.goto("/library/skills/")
    shot(page, "library-skills-dark")

    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/library/projects/")
    shot(page, "library-projects-390")
    first = page.locator("#project-items > li").first
    first.locator("summary[title^='Delete']").click()
    expect(first.get_by_role("button", name="Delete project")).to_be_in_viewport()
    shot(page, "library-projects-390-delete", full_page=False)
    page.goto("/library/skills/")
    shot(page, "library-skills-390")


def test_suggested_skills_come_from_projects_and_are_added_with_a_category(page: Page):
    from tests.e2e.test_accessibility import assert_accessible_in_both_schemes

    ada = make_user("ada@example.com", name="Ada Lovelace")
    ada.projects.create(title="Atlas of Rivers", technologies=["QGIS", "Procreate"])
    sign_in(page, "ada@example.com")
    page.goto("/library/skills/")

    page.get_by_role("button", name="Suggest skills from my projects").click()
    ideas = page.locator("#skill-ideas")
    expect(ideas.get_by_text("Used in Atlas of Rivers.").first).to_be_visible()
    expect(ideas.get_by_text("49 text credits left")).to_be_visible()
    expect(page.locator("[data-credits-left]")).to_have_text("49")  # the nav's balance
    shot(page, "library-skill-ideas")
    assert_accessible_in_both_schemes(page, "library-skill-ideas")
    ideas.get_by_role("link", name="Add QGIS").click()
    form = page.locator("#skill-new form")
    expect(form.get_by_label("Name")).to_have_value("QGIS")
    form.get_by_label("Category").select_option("tool")
    form.get_by_role("button", name="Save skill").click()
    expect(page.locator("#skill-list [data-id]", has_text="QGIS")).to_be_visible()
    assert Skill.objects.filter(owner=ada, name="QGIS", category="tool").exists()
