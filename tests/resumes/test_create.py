"""The resume list, starting a resume (blank or from the library), duplicating one, and the
dashboard and menu that lead there."""

import datetime
import re

import pytest

from apps.library.models import Skill
from apps.resumes.content import layout
from apps.resumes.models import Resume, ResumeSlugRedirect
from tests.conftest import HTMX
from tests.library.conftest import make_education, make_experience, make_project, make_skill

__all__ = ["make_education", "make_experience", "make_project", "make_skill"]  # fixtures


def test_the_list_shows_each_resume_with_its_status_and_actions(client, alice, resume):
    client.force_login(alice)

    r = client.get("/resumes/")

    assert r.status_code == 200
    assert "Backend roles" in r.text and "Classic" in r.text and "Draft" in r.text
    assert f'href="/resumes/{resume.pk}/edit/"' in r.text
    assert f'action="/resumes/{resume.pk}/duplicate/"' in r.text
    assert f'href="/resumes/{resume.pk}/json/"' in r.text


def test_a_published_resume_edited_since_says_so(client, alice, resume):
    resume.publish(by=alice)
    client.force_login(alice)
    assert "Published" in client.get("/resumes/").text

    resume.update_basics({"label": "Engineer"}, based_on=1)

    assert "Unpublished changes" in client.get("/resumes/").text


def test_with_no_resume_the_list_offers_three_ways_to_start(client, bob):
    client.force_login(bob)

    r = client.get("/resumes/")

    assert "No resume yet" in r.text
    assert 'href="/resumes/new/?start=library"' in r.text
    assert 'href="/resumes/new/?start=blank"' in r.text
    assert 'href="/resumes/import/"' in r.text


def test_the_list_shows_only_my_resumes(client, bob, resume):
    client.force_login(bob)
    assert "Backend roles" not in client.get("/resumes/").text


def test_the_menu_links_to_resumes_and_the_dashboard_shows_them(client, alice, resume):
    client.force_login(alice)

    dashboard = client.get("/dashboard/").text

    assert 'href="/resumes/"' in dashboard and "arrives soon" not in dashboard
    assert f"/resumes/{resume.pk}/edit/" in dashboard and "Draft" in dashboard
    assert "Create your resume<span" in dashboard.replace("\n", "")  # ticked: done


def test_the_dashboard_suggests_creating_a_resume(client, bob):
    client.force_login(bob)
    assert 'href="/resumes/new/">Create your resume' in client.get("/dashboard/").text


def test_starting_blank_makes_an_empty_resume_at_a_free_address(client, alice, resume):
    client.force_login(alice)

    r = client.post("/resumes/new/", {"title": "Design jobs", "start": "blank"})

    new = Resume.objects.exclude(pk=resume.pk).get(owner=alice)
    assert r.status_code == 302 and r.url == f"/resumes/{new.pk}/edit/"
    assert new.title == "Design jobs" and new.slug == "alice-liddell"
    assert new.content["work"] == [] and "name" not in new.content["basics"]
    assert layout(new.content)["template"] == new.template == "classic"


def test_addresses_skip_those_taken_and_old_ones(client, alice):
    ResumeSlugRedirect.objects.create(
        old_slug="alice-liddell-2",
        resume=Resume.objects.create(owner=alice, title="Old", slug="alice-liddell"),
    )
    client.force_login(alice)

    client.post("/resumes/new/", {"title": "Next", "start": "blank"})

    assert Resume.objects.get(title="Next").slug == "alice-liddell-3"


@pytest.mark.parametrize(
    ("name", "slug"), [("Zoë Çelik", "zoe-celik"), ("Admin", "admin-cv"), ("", "resume")]
)
def test_addresses_are_made_from_my_name_and_avoid_reserved_words(client, bob, name, slug):
    bob.name = name
    bob.save()
    client.force_login(bob)

    client.post("/resumes/new/", {"title": "Secret plans", "start": "blank"})

    assert Resume.objects.get(owner=bob).slug == slug  # the title is private


def test_the_form_lists_my_library_ticked_and_not_other_peoples(
    client, alice, bob, make_project, make_skill
):
    mine = make_project(alice, title="Rabbit hole")
    make_project(bob, title="Bob's bridge")
    make_skill(alice, name="Ink", level=Skill.Level.EXPERT)
    client.force_login(alice)

    r = client.get("/resumes/new/")

    assert "Rabbit hole" in r.text and "Ink (Expert)" in r.text
    assert "Bob&#x27;s bridge" not in r.text and "Bob's bridge" not in r.text
    assert r.text.count('type="checkbox" name="projects"') == 1
    assert re.search(rf'name="projects" value="{mine.pk}"[^>]* checked', r.text)


def test_starting_from_the_library_maps_the_chosen_items(
    client, alice, make_project, make_experience, make_education, make_skill
):
    alice.bio = "I draw rabbits."
    alice.save()
    chosen = make_project(alice, title="Rabbit hole", technologies=["Ink"])
    make_project(alice, title="Left out")
    job = make_experience(alice, company="Wonderland", role="Illustrator", highlights=["Tea"])
    make_education(alice, school="Oxford", degree="BA", field="Art")
    make_skill(alice, name="Ink")
    client.force_login(alice)

    r = client.post(
        "/resumes/new/",
        {
            "title": "Illustration",
            "start": "library",
            "profile": "on",
            "projects": [chosen.pk],
            "experiences": [job.pk],
        },
    )

    content = Resume.objects.get(owner=alice).content
    assert r.status_code == 302
    basics = content["basics"]
    assert (basics["name"], basics["label"], basics["summary"]) == (
        "Alice Liddell",
        "Illustrator",
        "I draw rabbits.",
    )
    assert "email" not in basics  # the sign-in address only when asked for
    assert [p["name"] for p in content["projects"]] == ["Rabbit hole"]
    assert content["projects"][0]["keywords"] == ["Ink"]
    work = content["work"][0]
    assert (work["name"], work["position"], work["highlights"]) == (
        "Wonderland",
        "Illustrator",
        ["Tea"],
    )
    assert work["startDate"] == "2020-01-01" and "endDate" not in work  # current
    assert content["education"] == [] and content["skills"] == []  # not ticked


def test_the_email_address_is_added_when_asked_for(client, alice):
    client.force_login(alice)

    client.post("/resumes/new/", {"title": "T", "start": "library", "show_email": "on"})

    assert Resume.objects.get(owner=alice).content["basics"]["email"] == "alice@example.com"


def test_someone_elses_library_item_cannot_be_chosen(client, alice, bob, make_project):
    theirs = make_project(bob, title="Bob's secret")
    client.force_login(alice)

    r = client.post("/resumes/new/", {"title": "T", "start": "library", "projects": [theirs.pk]})

    assert r.status_code == 200 and "Select a valid choice" in r.text
    assert not Resume.objects.filter(owner=alice).exists()


def test_the_create_form_reports_bad_input(client, alice):
    client.force_login(alice)

    r = client.post("/resumes/new/", {"title": "", "start": "magic", "skills": ["nope"]})

    assert r.status_code == 200
    assert "This field is required." in r.text and "Select a valid choice" in r.text
    assert not Resume.objects.exists()


def test_duplicating_makes_an_unpublished_copy_at_a_new_address(client, alice, resume):
    resume.publish(by=alice)
    client.force_login(alice)

    r = client.post(f"/resumes/{resume.pk}/duplicate/")

    copy = Resume.objects.get(title="Copy of Backend roles")
    assert r.url == f"/resumes/{copy.pk}/edit/"
    assert copy.content == Resume.objects.get(pk=resume.pk).content
    assert copy.slug != resume.slug and copy.live is None and copy.owner == alice
    assert Resume.objects.get(pk=resume.pk).live is not None  # the original is untouched


def test_duplicating_with_htmx_sends_the_browser_to_the_copy(client, alice, resume):
    client.force_login(alice)

    r = client.post(f"/resumes/{resume.pk}/duplicate/", headers=HTMX)

    copy = Resume.objects.exclude(pk=resume.pk).get()
    assert r.headers["HX-Redirect"] == f"/resumes/{copy.pk}/edit/"


def test_a_long_title_still_duplicates(client, alice, resume):
    Resume.objects.filter(pk=resume.pk).update(title="x" * 120)
    client.force_login(alice)

    client.post(f"/resumes/{resume.pk}/duplicate/")

    assert Resume.objects.get(title__startswith="Copy of").title == ("Copy of " + "x" * 120)[:120]


@pytest.mark.parametrize("path", ["/resumes/", "/resumes/new/", "/resumes/import/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, path):
    r = client.get(path)
    assert r.status_code == 302 and r.url.startswith("/accounts/login/?next=")


def test_other_peoples_resumes_cannot_be_duplicated(client, bob, resume):
    client.force_login(bob)
    assert client.post(f"/resumes/{resume.pk}/duplicate/").status_code == 404
    assert Resume.objects.count() == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "/resumes/"), ("get", "/resumes/{pk}/duplicate/"), ("delete", "/resumes/new/")],
)
def test_wrong_methods_are_refused(client, alice, resume, method, path):
    client.force_login(alice)
    assert getattr(client, method)(path.format(pk=resume.pk)).status_code == 405


def test_library_dates_become_full_dates(client, alice, make_education):
    make_education(
        alice, start_date=datetime.date(2010, 9, 1), end_date=datetime.date(2013, 6, 30)
    )
    client.force_login(alice)

    client.post(
        "/resumes/new/",
        {"title": "T", "start": "library", "educations": [e.pk for e in alice.educations.all()]},
    )

    school = Resume.objects.get(owner=alice).content["education"][0]
    assert (school["startDate"], school["endDate"]) == ("2010-09-01", "2013-06-30")
