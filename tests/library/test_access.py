"""Every library URL: sign-in first, other people's items are 404, methods are strict."""

import pytest

from apps.library.models import Education, Experience, Project, Skill

LISTS = ["projects", "skills", "experience", "education"]
ITEM_URLS = [
    ("projects", "edit", ["GET", "POST"]),
    ("projects", "delete", ["POST"]),
    ("projects", "move", ["POST"]),
    ("skills", "edit", ["GET", "POST"]),
    ("skills", "delete", ["POST"]),
    ("experience", "edit", ["GET", "POST"]),
    ("experience", "delete", ["POST"]),
    ("education", "edit", ["GET", "POST"]),
    ("education", "delete", ["POST"]),
]


@pytest.fixture
def alices(alice, make_project, make_skill, make_experience, make_education) -> dict:
    return {
        "projects": make_project(alice, title="Alice's project"),
        "skills": make_skill(alice, name="Alice's skill"),
        "experience": make_experience(alice, role="Alice's role"),
        "education": make_education(alice, school="Alice's school"),
    }


def snapshot() -> list:
    return [
        list(model.objects.order_by("pk").values())
        for model in (Project, Skill, Experience, Education)
    ]


def every_url(alices: dict) -> list[str]:
    urls = [f"/library/{kind}/" for kind in LISTS] + [f"/library/{kind}/new/" for kind in LISTS]
    urls += ["/library/projects/reorder/"]
    urls += [f"/library/{kind}/{alices[kind].pk}/{action}/" for kind, action, _ in ITEM_URLS]
    return urls


def test_signed_out_people_are_sent_to_sign_in_everywhere(client, alices):
    for url in every_url(alices):
        for method in ("get", "post"):
            r = getattr(client, method)(url)
            assert r.status_code == 302, (method, url)
            assert r.url.startswith(f"/accounts/login/?next={url}"), url


@pytest.mark.parametrize(("kind", "action", "methods"), ITEM_URLS)
def test_bob_gets_404_for_alices_items_and_changes_nothing(
    client, bob, alices, kind, action, methods
):
    before = snapshot()
    client.force_login(bob)
    url = f"/library/{kind}/{alices[kind].pk}/{action}/"

    for method in methods:
        if method == "POST":
            r = client.post(url, {"title": "Hacked", "name": "Hacked", "direction": "down"})
        else:
            r = client.get(url)
        assert r.status_code == 404, (method, url)

    assert snapshot() == before


def test_bobs_lists_never_show_alices_items(client, bob, alices):
    client.force_login(bob)

    for kind in LISTS:
        r = client.get(f"/library/{kind}/")
        assert "Alice&#x27;s" not in r.text and str(alices[kind].pk) not in r.text


@pytest.mark.parametrize("kind", LISTS)
def test_lists_only_answer_get_and_head(client, alice, kind):
    client.force_login(alice)

    assert client.post(f"/library/{kind}/").status_code == 405
    assert client.head(f"/library/{kind}/").status_code == 200


@pytest.mark.parametrize("kind", LISTS)
def test_forms_answer_get_and_post_only(client, alice, alices, kind):
    client.force_login(alice)

    assert client.put(f"/library/{kind}/new/").status_code == 405
    assert client.delete(f"/library/{kind}/{alices[kind].pk}/edit/").status_code == 405


@pytest.mark.parametrize("kind", LISTS)
def test_deleting_needs_a_post(client, alice, alices, kind):
    client.force_login(alice)

    assert client.get(f"/library/{kind}/{alices[kind].pk}/delete/").status_code == 405
    assert len(snapshot()[LISTS.index(kind)]) == 1


def test_reordering_and_moving_need_a_post(client, alice, alices):
    client.force_login(alice)

    assert client.get("/library/projects/reorder/").status_code == 405
    assert client.get(f"/library/projects/{alices['projects'].pk}/move/").status_code == 405
