import pytest

from apps.library.models import Project
from tests.conftest import HTMX

REORDER = "/library/projects/reorder/"


def move_url(project) -> str:
    return f"/library/projects/{project.pk}/move/"


def titles(owner) -> list[str]:
    return list(Project.objects.owned_by(owner).values_list("title", flat=True))


@pytest.fixture
def abc(alice, make_project) -> list[Project]:
    """Alice's projects A, B, C, in that order (each new project is added first)."""
    return [make_project(alice, title=t) for t in "CBA"][::-1]


def test_new_projects_come_first(alice, abc):
    assert titles(alice) == ["A", "B", "C"]


def test_dragging_saves_the_new_order(client, alice, abc):
    a, b, c = abc
    client.force_login(alice)

    r = client.post(REORDER, {"order": [str(c.pk), str(a.pk), str(b.pk)]}, headers=HTMX)

    assert r.status_code == 204
    assert titles(alice) == ["C", "A", "B"]


def test_reordering_without_javascript_redirects_to_the_list(client, alice, abc):
    client.force_login(alice)

    r = client.post(REORDER, {"order": [str(abc[2].pk)]})

    assert r.status_code == 302 and r.url == "/library/projects/"
    assert titles(alice) == ["C", "A", "B"]  # the rest keep their order after it


def test_unknown_duplicate_and_malformed_ids_are_ignored(client, alice, abc):
    a, b, c = abc
    client.force_login(alice)

    client.post(REORDER, {"order": ["nope", str(b.pk), str(b.pk), "", str(c.pk)]}, headers=HTMX)

    assert titles(alice) == ["B", "C", "A"]


def test_bob_cannot_reorder_alices_projects(client, alice, bob, abc, make_project):
    a, b, c = abc
    bobs = make_project(bob, title="Bob's")
    client.force_login(bob)

    client.post(REORDER, {"order": [str(c.pk), str(b.pk), str(a.pk), str(bobs.pk)]})

    assert titles(alice) == ["A", "B", "C"]
    assert list(Project.objects.owned_by(alice).values_list("position", flat=True)) == [-2, -1, 0]


def test_moving_down_with_htmx_returns_the_reordered_list(client, alice, abc):
    a, b, c = abc
    client.force_login(alice)

    r = client.post(move_url(a), {"direction": "down"}, headers=HTMX)

    assert titles(alice) == ["B", "A", "C"]
    assert r.text.lstrip().startswith('<section id="project-list"')
    assert r.text.index(f'id="project-{b.pk}"') < r.text.index(f'id="project-{a.pk}"')


def test_moving_up_without_javascript_redirects_back_to_the_project(client, alice, abc):
    a, b, c = abc
    client.force_login(alice)

    r = client.post(move_url(c), {"direction": "up"})

    assert r.status_code == 302 and r.url == f"/library/projects/#project-{c.pk}"
    assert titles(alice) == ["A", "C", "B"]


def test_moving_past_either_end_changes_nothing(client, alice, abc):
    a, b, c = abc
    client.force_login(alice)

    client.post(move_url(a), {"direction": "up"}, headers=HTMX)
    client.post(move_url(c), {"direction": "down"}, headers=HTMX)

    assert titles(alice) == ["A", "B", "C"]


def test_a_move_needs_a_direction(client, alice, abc):
    client.force_login(alice)

    r = client.post(move_url(abc[0]), {"direction": "sideways"}, headers=HTMX)

    assert r.status_code == 400
    assert titles(alice) == ["A", "B", "C"]


def test_the_cards_offer_keyboard_move_buttons_and_a_drag_handle(client, alice, abc):
    client.force_login(alice)

    r = client.get("/library/projects/")

    assert r.text.count('name="direction" value="up"') == 3
    assert r.text.count("data-drag-handle") == 3
    assert 'data-sortable="project-reorder"' in r.text
    assert "vendor/Sortable.min.js" in r.text
    assert f'name="order" value="{abc[0].pk}" form="project-reorder"' in r.text


def test_bob_cannot_move_alices_projects(client, alice, bob, abc):
    client.force_login(bob)

    r = client.post(move_url(abc[0]), {"direction": "down"})

    assert r.status_code == 404
    assert titles(alice) == ["A", "B", "C"]
