"""Suggested skills: only what the person's projects and experience name and their list lacks,
charged one credit, each added through the ordinary new-skill form."""

import json

from bs4 import BeautifulSoup

from apps.ai.models import AIRequest
from tests.ai.conftest import balance
from tests.ai.fakes import Reply, chat
from tests.conftest import HTMX

IDEAS = "/library/skills/ideas/"
NEW = "/library/skills/new/"


def names(response) -> list[str]:
    soup = BeautifulSoup(response.text, "html.parser")
    return [p.get_text(strip=True) for p in soup.select("#skill-ideas li p.font-medium")]


def test_ideas_come_from_projects_and_leave_out_known_skills(
    client, alice, make_skill, make_experience
):
    alice.projects.create(title="Atlas of Rivers", technologies=["QGIS", "Procreate"])
    make_experience(alice, role="Mapper", company="Ordnance", technologies=["QGIS", "Python"])
    make_skill(alice, name="procreate", category="tool")
    client.force_login(alice)

    r = client.post(IDEAS, headers=HTMX)

    assert names(r) == ["QGIS", "Python"]  # QGIS is in two places: first
    assert "Used in Atlas of Rivers and Mapper at Ordnance." in r.text
    assert "Offline suggestion" in r.text and "49 text credits left" in r.text
    assert balance(alice) == 49


def test_a_model_cannot_add_a_skill_the_person_never_mentions(client, alice, openai_server):
    alice.projects.create(title="Atlas", technologies=["QGIS"])
    ideas = [
        {"name": "Kubernetes", "reason": "Everyone needs it"},
        {"name": "qgis", "reason": "Atlas"},
        {"name": "QGIS", "reason": "again"},
        {"name": "<script>alert(1)</script>", "reason": "<b>x</b>"},
    ]
    openai_server.reply(Reply(body=chat(json.dumps({"skills": ideas}))))
    client.force_login(alice)

    r = client.post(IDEAS, headers=HTMX)

    assert names(r) == ["qgis"]
    assert "Kubernetes" not in r.text and "<script>alert" not in r.text


def test_with_nothing_to_work_from_it_says_so_and_costs_nothing(client, alice):
    client.force_login(alice)

    r = client.post(IDEAS, headers=HTMX)

    assert r.status_code == 200 and "nothing to work from" in r.text
    assert balance(alice) == 50 and not AIRequest.objects.exists()


def test_without_javascript_the_whole_page_comes_back_with_the_ideas(client, alice):
    alice.projects.create(title="Atlas", technologies=["QGIS"])
    client.force_login(alice)

    r = client.post(IDEAS)

    assert "<h1" in r.text and names(r) == ["QGIS"]


def test_add_opens_the_new_skill_form_with_the_name_filled_in(client, alice):
    client.force_login(alice)

    r = client.get(NEW, {"name": "QGIS"}, headers=HTMX)
    hostile = client.get(NEW, {"name": '"><script>x()</script>' + "a" * 200}, headers=HTMX)

    field = BeautifulSoup(r.text, "html.parser").select_one("input[name=name]")
    assert field["value"] == "QGIS"
    value = BeautifulSoup(hostile.text, "html.parser").select_one("input[name=name]")["value"]
    assert value.startswith('"><script>') and len(value) == 100
    assert "<script>x()" not in hostile.text


def test_only_a_signed_in_person_may_ask_and_only_by_post(client, alice):
    assert client.post(IDEAS)["Location"].startswith("/accounts/login/")
    client.force_login(alice)
    assert client.get(IDEAS).status_code == 405
