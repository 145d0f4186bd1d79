import datetime

import pytest

from apps.library.models import Experience
from tests.conftest import HTMX

LIST = "/library/experience/"
NEW = "/library/experience/new/"
VALID = {"role": "Developer", "company": "Acme", "start_date": "2021-03-01", "current": "on"}


def edit_url(experience) -> str:
    return f"/library/experience/{experience.pk}/edit/"


def delete_url(experience) -> str:
    return f"/library/experience/{experience.pk}/delete/"


def test_the_list_shows_current_roles_first_then_the_most_recent(
    client, alice, bob, make_experience
):
    make_experience(
        alice,
        company="Old Co",
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2018, 5, 1),
    )
    make_experience(alice, company="Now Inc", location="Berlin", highlights=["Shipped <b>v2</b>"])
    make_experience(alice, company="Mid Ltd", end_date=datetime.date(2021, 2, 1))
    make_experience(bob, company="Bob Corp")
    client.force_login(alice)

    r = client.get(LIST)

    assert r.text.index("Now Inc") < r.text.index("Mid Ltd") < r.text.index("Old Co")
    assert "Jan 2020 – Present" in r.text and "Current" in r.text
    assert "Shipped &lt;b&gt;v2&lt;/b&gt;" in r.text
    assert "Bob Corp" not in r.text


def test_an_empty_list_invites_the_first_role(client, alice):
    client.force_login(alice)

    assert "No experience yet — add your first role." in client.get(LIST).text


def test_htmx_gets_just_the_list(client, alice, make_experience):
    make_experience(alice)
    client.force_login(alice)

    r = client.get(LIST, headers=HTMX)

    assert r.text.lstrip().startswith('<section id="experience-list"')


def test_the_list_costs_the_same_queries_for_one_or_many_roles(
    client, alice, make_experience, django_assert_max_num_queries
):
    client.force_login(alice)
    make_experience(alice)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for n in range(15):
        make_experience(alice, company=f"C{n}", technologies=["Go"], highlights=["x"])

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_htmx_add_opens_an_inline_form_with_technology_suggestions(client, alice, make_project):
    make_project(alice, technologies=["Elixir"])
    client.force_login(alice)

    r = client.get(NEW, headers=HTMX)

    assert r.text.lstrip().startswith('<div data-new-form id="experience-new"')
    assert '<option value="Elixir">' in r.text


def test_without_javascript_add_shows_the_page_with_the_form_open(client, alice):
    client.force_login(alice)

    assert "Add a role" in client.get(NEW).text


def test_adding_a_role_turns_lines_into_highlights(client, alice):
    client.force_login(alice)

    r = client.post(
        NEW,
        {
            **VALID,
            "location": "Zürich",
            "highlights": "Cut load time by 40%\r\n\r\n   Mentored 3 juniors  \n",
            "technologies": "Python, Django",
        },
        headers=HTMX,
    )

    experience = Experience.objects.get(owner=alice)
    assert experience.highlights == ["Cut load time by 40%", "Mentored 3 juniors"]
    assert experience.technologies == ["Python", "Django"]
    assert experience.current and experience.end_date is None
    assert r["HX-Retarget"] == "#experience-list"
    assert "Mentored 3 juniors" in r.text


def test_adding_without_javascript_redirects_with_a_message(client, alice):
    client.force_login(alice)

    r = client.post(NEW, VALID, follow=True)

    assert "“Developer at Acme” is in your library." in r.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"current": "on", "end_date": "2022-01-01"}, "You still work here"),
        ({"current": "", "end_date": ""}, "Add an end date, or tick “I work here now”."),
        ({"current": "", "end_date": "2020-01-01"}, "The end date is before the start date."),
        ({"start_date": ""}, "This field is required."),
        ({"company": "c" * 10_000}, "at most 200 characters"),
        ({"highlights": "h" * 10_000}, "under 500 characters"),
        ({"highlights": "\n".join("h" * 30)}, "20 highlights at most"),
        ({"technologies": "x" * 10_000}, "under 40 characters"),
    ],
)
def test_invalid_input_re_renders_the_form(client, alice, change, message):
    client.force_login(alice)

    r = client.post(NEW, {**VALID, **change}, headers=HTMX)

    assert r.status_code == 200
    assert 'id="experience-new"' in r.text and message in r.text
    assert not Experience.objects.exists()


def test_htmx_edit_swaps_the_card_for_a_form(client, alice, make_experience):
    experience = make_experience(alice, highlights=["One", "Two"])
    client.force_login(alice)

    r = client.get(edit_url(experience), headers=HTMX)

    assert r.text.lstrip().startswith(f'<li data-id="{experience.pk}"')
    assert "One\nTwo</textarea>" in r.text


def test_without_javascript_edit_opens_the_form_inside_the_list(client, alice, make_experience):
    experience = make_experience(alice)
    client.force_login(alice)

    assert "Edit role" in client.get(edit_url(experience)).text


def test_ending_a_role_with_htmx_swaps_the_card_back(client, alice, make_experience):
    experience = make_experience(alice)
    client.force_login(alice)

    r = client.post(
        edit_url(experience),
        {**VALID, "current": "", "start_date": "2020-01-01", "end_date": "2023-06-30"},
        headers=HTMX,
    )

    assert r.text.lstrip().startswith(f'<li id="experience-{experience.pk}"')
    assert "Jan 2020 – Jun 2023" in r.text
    experience.refresh_from_db()
    assert not experience.current and experience.end_date == datetime.date(2023, 6, 30)


def test_saving_without_javascript_redirects(client, alice, make_experience):
    experience = make_experience(alice)
    client.force_login(alice)

    r = client.post(edit_url(experience), VALID)

    assert r.status_code == 302 and r.url == LIST


def test_an_invalid_edit_keeps_the_stored_role(client, alice, make_experience):
    experience = make_experience(alice, role="Keep")
    client.force_login(alice)

    client.post(edit_url(experience), {**VALID, "role": ""}, headers=HTMX)

    experience.refresh_from_db()
    assert experience.role == "Keep"


def test_deleting_with_htmx_returns_nothing_to_swap(client, alice, make_experience):
    experience = make_experience(alice)
    client.force_login(alice)

    r = client.post(delete_url(experience), headers=HTMX)

    assert r.status_code == 200 and r.text == ""
    assert not Experience.objects.exists()


def test_deleting_without_javascript_redirects(client, alice, make_experience):
    experience = make_experience(alice)
    client.force_login(alice)

    r = client.post(delete_url(experience))

    assert r.status_code == 302 and r.url == LIST
