import re

import pytest

from apps.library.models import Project
from tests.conftest import HTMX

LIST = "/library/projects/"
NEW = "/library/projects/new/"


def edit_url(project) -> str:
    return f"/library/projects/{project.pk}/edit/"


def delete_url(project) -> str:
    return f"/library/projects/{project.pk}/delete/"


def test_htmx_add_opens_an_inline_form(client, alice, make_project):
    make_project(alice, technologies=["Django", "Figma"])
    client.force_login(alice)

    r = client.get(NEW, headers=HTMX)

    assert r.text.lstrip().startswith('<div data-new-form id="project-new"')
    assert 'hx-post="/library/projects/new/"' in r.text
    assert '<option value="Django">' in r.text  # suggestions from other projects
    assert "data-richtext" in r.text  # the description is edited as formatted text


def test_without_javascript_add_shows_the_page_with_the_form_open(client, alice):
    client.force_login(alice)

    r = client.get(NEW)

    assert "<html" in r.text
    assert 'id="project-new"' in r.text and "Add a project" in r.text


def test_adding_a_project_with_htmx_returns_the_list_with_it_first(
    client, alice, make_project, make_asset
):
    older = make_project(alice, title="Older")
    cover = make_asset(alice)
    client.force_login(alice)

    r = client.post(
        NEW,
        {
            "title": "Café ☕ — 日本語",
            "summary": "Weather, but nice",
            "description": '<p onclick="steal()">Built <a href="javascript:alert(1)">it</a></p>'
            "<script>alert(1)</script>",
            "cover": str(cover.pk),
            "images": [str(cover.pk)],
            "technologies": "Django, htmx,django ,  ,Tailwind CSS",
            "live_url": "example.com",
            "repo_url": "https://github.com/a/b",
            "start_date": "2024-01-01",
            "end_date": "2024-06-30",
            "featured": "on",
        },
        headers=HTMX,
    )

    assert r.status_code == 200
    assert r["HX-Retarget"] == "#project-list" and r["HX-Reswap"] == "outerHTML"
    project = Project.objects.get(owner=alice, featured=True)
    assert project.title == "Café ☕ — 日本語"
    assert project.technologies == ["Django", "htmx", "Tailwind CSS"]
    assert project.cover == cover and project.images == [cover.pk.hex]
    assert project.live_url == "https://example.com"
    assert project.description == '<p>Built <a rel="noopener noreferrer nofollow">it</a></p>'
    assert r.text.index(str(project.pk)) < r.text.index(str(older.pk))
    assert '<div id="project-new"></div>' in r.text  # the add form is closed


def test_adding_without_javascript_redirects_with_a_message(client, alice):
    client.force_login(alice)

    r = client.post(NEW, {"title": "Plain"}, follow=True)

    assert r.redirect_chain == [(LIST, 302)]
    assert "“Plain” is in your library." in r.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "This field is required."),
        ("title", "x" * 10_000, "at most 200 characters (it has 10000)"),
        ("summary", "s" * 10_000, "at most 300 characters"),
        ("description", "d" * 30_000, "at most 20000 characters"),
        ("live_url", "javascript:alert(1)", "Enter a web address starting with https://"),
        ("repo_url", "ftp://example.com/code", "Enter a web address starting with https://"),
        ("case_study_url", "data:text/html,hi", "Enter a web address starting with https://"),
        ("technologies", "x" * 10_000, "under 40 characters"),
        ("technologies", ",".join(f"t{n}" for n in range(25)), "20 technologies at most"),
        ("images", "not-an-id", "Choose images from your library."),
    ],
)
def test_invalid_input_re_renders_the_form_with_the_error(client, alice, field, value, message):
    client.force_login(alice)

    r = client.post(NEW, {"title": "Valid", field: value}, headers=HTMX)

    assert r.status_code == 200
    assert 'id="project-new"' in r.text
    assert message in r.text
    assert not Project.objects.exists()


def test_an_end_before_the_start_is_refused_with_a_clear_message(client, alice):
    client.force_login(alice)

    r = client.post(
        NEW,
        {"title": "Time travel", "start_date": "2024-05-01", "end_date": "2023-01-01"},
        headers=HTMX,
    )

    assert "The end date is before the start date." in r.text
    assert 'value="Time travel"' in r.text
    assert not Project.objects.exists()


def test_someone_elses_images_cannot_be_used(client, alice, bob, make_asset):
    bobs = make_asset(bob)
    client.force_login(alice)

    r = client.post(NEW, {"title": "T", "cover": str(bobs.pk), "images": [str(bobs.pk)]})

    assert "Choose an image from your library." in r.text
    assert "Choose images from your library." in r.text
    assert bobs.thumb_url not in r.text
    assert not Project.objects.exists()


# --- edit -----------------------------------------------------------------------------------


def test_htmx_edit_swaps_the_card_for_a_form(client, alice, make_project):
    project = make_project(alice, title="Old", technologies=["Go"])
    client.force_login(alice)

    r = client.get(edit_url(project), headers=HTMX)

    assert r.text.lstrip().startswith(f'<li data-id="{project.pk}" id="project-{project.pk}"')
    assert 'value="Old"' in r.text and 'value="Go"' in r.text


def test_the_edit_form_shows_the_chosen_images_ticked(client, alice, make_project, make_asset):
    chosen, other = make_asset(alice), make_asset(alice, color=(4, 4, 4))
    project = make_project(alice, images=[str(chosen.pk)])
    client.force_login(alice)

    r = client.get(edit_url(project), headers=HTMX)

    assert project.images == [chosen.pk.hex]  # stored in the one spelling of ids
    assert re.search(rf'value="{chosen.pk}"[^>]*\bchecked\b', r.text)
    assert not re.search(rf'value="{other.pk}"[^>]*\bchecked\b', r.text)


def test_without_javascript_edit_opens_the_form_inside_the_list(client, alice, make_project):
    project = make_project(alice, title="Old")
    other = make_project(alice, title="Other")
    client.force_login(alice)

    r = client.get(edit_url(project))

    assert "<html" in r.text and "Edit project" in r.text
    assert f'id="project-{other.pk}"' in r.text


def test_saving_with_htmx_swaps_the_card_back(client, alice, make_project):
    project = make_project(alice, title="Old")
    client.force_login(alice)

    r = client.post(edit_url(project), {"title": "New <b>name</b>"}, headers=HTMX)

    assert r.text.lstrip().startswith(f'<li id="project-{project.pk}"')
    assert "New &lt;b&gt;name&lt;/b&gt;" in r.text
    project.refresh_from_db()
    assert project.title == "New <b>name</b>"


def test_saving_without_javascript_redirects(client, alice, make_project):
    project = make_project(alice)
    client.force_login(alice)

    r = client.post(edit_url(project), {"title": "Renamed"})

    assert r.status_code == 302 and r.url == LIST


def test_an_invalid_edit_keeps_the_stored_project(client, alice, make_project):
    project = make_project(alice, title="Keep me")
    client.force_login(alice)

    r = client.post(edit_url(project), {"title": "", "live_url": "javascript:x"}, headers=HTMX)

    assert r.status_code == 200
    assert "This field is required." in r.text
    project.refresh_from_db()
    assert project.title == "Keep me"


# --- delete ---------------------------------------------------------------------------------


def test_deleting_with_htmx_returns_nothing_to_swap(client, alice, make_project):
    project = make_project(alice)
    client.force_login(alice)

    r = client.post(delete_url(project), headers=HTMX)

    assert r.status_code == 200 and r.text == ""
    assert not Project.objects.exists()


def test_deleting_without_javascript_redirects_with_a_message(client, alice, make_project):
    make_project(alice, title="Gone")
    project = Project.objects.get()
    client.force_login(alice)

    r = client.post(delete_url(project), follow=True)

    assert "“Gone” is deleted." in r.text


def test_the_card_asks_before_deleting_without_a_dialog(client, alice, make_project):
    project = make_project(alice)
    client.force_login(alice)

    r = client.get(LIST)

    assert "<details" in r.text
    assert f'hx-post="{delete_url(project)}" hx-target="#project-{project.pk}"' in r.text
