"""The library and resumes both ways: starting a resume from library items, and saving a
resume item into the library ("push back")."""

import datetime

import pytest
from django.contrib.messages import get_messages

from apps.library.models import Education, Experience, Project, Skill
from apps.resumes.models import Resume
from tests.conftest import HTMX
from tests.library.conftest import make_experience, make_project, make_skill
from tests.resumes.conftest import item

__all__ = ["make_experience", "make_project", "make_skill"]  # fixtures


def to_library(client, resume, section, item_id, **kwargs):
    return client.post(f"/resumes/{resume.pk}/items/{section}/{item_id}/to-library/", **kwargs)


def start_from_library(client, **choices):
    return client.post(
        "/resumes/new/",
        {"title": "T", "start": "library", "profile": "on", **choices},
        follow=True,
    )


def test_a_project_brings_its_points_link_and_technologies(client, alice, make_project):
    project = make_project(
        alice,
        title="Rabbit hole",
        description="<p>A long <strong>fall</strong>.</p><ul><li>Jam jars</li><li>Maps</li></ul>",
        repo_url="https://code.example/rabbit",
        technologies=["Ink", "Paper"],
        start_date=datetime.date(2021, 3, 1),
    )
    client.force_login(alice)

    start_from_library(client, projects=[project.pk])

    got = Resume.objects.get(owner=alice).content["projects"][0]
    assert got["description"] == "A long fall."
    assert got["highlights"] == ["Jam jars", "Maps"]
    assert got["url"] == "https://code.example/rabbit" and got["keywords"] == ["Ink", "Paper"]
    assert got["startDate"] == "2021-03-01" and "endDate" not in got


def test_skills_are_grouped_by_category_the_strongest_first(client, alice, make_skill):
    skills = [
        make_skill(alice, name="Go", level=Skill.Level.INTERMEDIATE),
        make_skill(alice, name="Python", level=Skill.Level.EXPERT),
        make_skill(alice, name="Figma", category=Skill.Category.DESIGN),
    ]
    client.force_login(alice)

    start_from_library(client, skills=[s.pk for s in skills])

    groups = Resume.objects.get(owner=alice).content["skills"]
    assert [(g["name"], g["keywords"]) for g in groups] == [
        ("Languages", ["Python", "Go"]),
        ("Design", ["Figma"]),
    ]


def test_values_longer_than_a_resume_holds_are_shortened_and_said_so(
    client, alice, make_experience
):
    job = make_experience(alice, role="R" * 150, company="Wonderland")
    client.force_login(alice)

    r = start_from_library(client, experiences=[job.pk])

    work = Resume.objects.get(owner=alice).content["work"][0]
    assert len(work["position"]) == 120 and work["position"].endswith("…")
    assert "Position shortened to 120 characters." in r.text


def test_a_position_goes_into_the_library(client, alice, resume):
    job = item(resume, "work")
    client.force_login(alice)

    r = to_library(client, resume, "work", job["id"], headers=HTMX)

    saved = Experience.objects.get(owner=alice)
    assert (saved.company, saved.role, saved.location) == (
        "Pied Piper",
        "CEO/President",
        "Palo Alto, CA",
    )
    assert (saved.start_date, saved.end_date, saved.current) == (
        datetime.date(2013, 12, 1),
        datetime.date(2014, 12, 1),
        False,
    )
    assert saved.highlights == job["highlights"]
    assert r.status_code == 200 and "<html" not in r.text
    assert f'id="library-status-{job["id"]}"' in r.text
    assert "Saved “CEO/President · Pied Piper” to your library." in r.text
    assert 'href="/library/experience/"' in r.text


def test_saving_twice_makes_no_twin(client, alice, resume):
    job = item(resume, "work")
    client.force_login(alice)
    to_library(client, resume, "work", job["id"], headers=HTMX)

    r = to_library(client, resume, "work", job["id"], headers=HTMX)

    assert "is already in your library" in r.text
    assert Experience.objects.filter(owner=alice).count() == 1


def test_without_javascript_it_goes_back_to_the_editor_with_a_message(client, alice, resume):
    client.force_login(alice)

    r = to_library(client, resume, "education", item(resume, "education")["id"])

    assert r.status_code == 302 and r.url == f"/resumes/{resume.pk}/edit/"
    assert [str(m) for m in get_messages(r.wsgi_request)] == [
        "Saved “Bachelor · Information Technology · University of Oklahoma” to your library."
    ]
    school = Education.objects.get(owner=alice)
    assert (school.degree, school.field) == ("Bachelor", "Information Technology")
    assert school.notes == "Grade: 4.0\nCourses: DB1101 - Basic SQL, CS2011 - Java Introduction"


def test_a_project_keeps_its_text_escaped_and_its_points(client, alice, resume):
    project = item(resume, "projects")
    resume.update_item(
        "projects",
        project["id"],
        {"description": "<script>alert(1)</script>\nSecond line"},
        based_on=1,
    )
    client.force_login(alice)

    to_library(client, resume, "projects", project["id"], headers=HTMX)

    saved = Project.objects.get(owner=alice)
    assert saved.title == "Miss Direction" and saved.live_url == "http://missdirection.example.com"
    assert saved.description.startswith("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert "<li>Won award at AIHacks 2016</li>" in saved.description
    assert saved.technologies == ["GoogleMaps", "Chrome Extension", "Javascript"]
    assert saved.summary == "<script>alert(1)</script> Second line"  # text; escaped when shown


def test_a_skill_group_adds_each_skill_once(client, alice, resume, make_skill):
    make_skill(alice, name="css")
    group = item(resume, "skills")  # Web Development (Master): HTML, CSS, Javascript
    client.force_login(alice)

    r = to_library(client, resume, "skills", group["id"], headers=HTMX)

    assert "Added 2 skills to your library: HTML, Javascript. Already there: CSS." in r.text
    html = Skill.objects.get(owner=alice, name="HTML")
    assert (html.level, html.category) == (Skill.Level.EXPERT, Skill.Category.OTHER)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"startDate": ""}, "Add a start date first: the library needs one."),
        ({"name": ""}, "Add the position and the company first"),
        ({"startDate": "2015", "endDate": "2014-06"}, "The end date is before the start date."),
    ],
)
def test_what_the_library_cannot_take_gets_a_message(client, alice, resume, change, message):
    job = item(resume, "work")
    resume.update_item("work", job["id"], change, based_on=1)
    client.force_login(alice)

    r = to_library(client, resume, "work", job["id"], headers=HTMX)

    assert message in r.text and "text-red-700" in r.text
    assert not Experience.objects.exists()


def test_more_highlights_than_the_library_keeps_are_cut_with_a_word(client, alice, resume):
    job = item(resume, "work")
    resume.update_item("work", job["id"], {"highlights": [f"H{i}" for i in range(25)]}, based_on=1)
    client.force_login(alice)

    r = to_library(client, resume, "work", job["id"], headers=HTMX)

    assert len(Experience.objects.get(owner=alice).highlights) == 20
    assert "The library keeps 20 highlights" in r.text


@pytest.mark.parametrize("section", ["languages", "basics", "meta", "nope"])
def test_sections_the_library_has_no_place_for_are_not_found(client, alice, resume, section):
    client.force_login(alice)
    item_id = resume.content["languages"][0]["id"] if section == "languages" else "x"
    assert to_library(client, resume, section, item_id).status_code == 404


def test_unknown_items_and_other_peoples_resumes_are_not_found(client, alice, bob, resume):
    job = item(resume, "work")
    client.force_login(bob)
    assert to_library(client, resume, "work", job["id"]).status_code == 404
    client.force_login(alice)
    assert to_library(client, resume, "work", "0" * 32).status_code == 404
    assert not Experience.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_gets_are_refused(client, alice, resume):
    url = f"/resumes/{resume.pk}/items/work/{item(resume, 'work')['id']}/to-library/"
    assert client.post(url).url.startswith("/accounts/login/")
    client.force_login(alice)
    assert client.get(url).status_code == 405
