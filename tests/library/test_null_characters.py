"""Text with a NUL character gets a message, never a 500 (PostgreSQL's jsonb refuses NUL).

Run these on PostgreSQL too: DATABASE_URL=postgres://… pytest tests/library.
"""

import json

import pytest

from apps.library.models import Experience, Project
from tests.library.test_experience import VALID as VALID_EXPERIENCE

NULL = "Null characters are not allowed."


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/library/projects/new/", {"title": "App", "technologies": "Django, ht\x00mx"}),
        ("/library/projects/new/", {"title": "App", "images": ["\x00"]}),
        ("/library/experience/new/", {**VALID_EXPERIENCE, "highlights": "Led\x00 it"}),
        ("/library/experience/new/", {**VALID_EXPERIENCE, "technologies": "Go\x00"}),
    ],
)
def test_a_null_character_in_list_text_is_refused_with_a_message(client, alice, url, data):
    client.force_login(alice)

    r = client.post(url, data)

    assert r.status_code == 200
    assert NULL in r.text
    assert not Project.objects.exists() and not Experience.objects.exists()


def test_editing_keeps_the_stored_list_when_the_new_one_has_a_null_character(
    client, alice, make_experience
):
    experience = make_experience(alice, highlights=["Shipped v2"])
    client.force_login(alice)

    r = client.post(
        f"/library/experience/{experience.pk}/edit/",
        {**VALID_EXPERIENCE, "highlights": "Shipped v3\nBroke \x00 things"},
    )

    assert NULL in r.text
    experience.refresh_from_db()
    assert experience.highlights == ["Shipped v2"]


def test_the_admin_refuses_a_null_character_in_json_lists(admin_client, alice):
    r = admin_client.post(
        "/admin/library/project/add/",
        {
            "owner": alice.pk,
            "title": "App",
            "images": "[]",
            "technologies": json.dumps(["Dja\x00ngo"]),
            "position": 0,
        },
    )

    assert r.status_code == 200
    assert NULL in r.text
    assert not Project.objects.exists()
