import datetime

import pytest

from apps.library.models import Education
from tests.conftest import HTMX

LIST = "/library/education/"
NEW = "/library/education/new/"


def edit_url(education) -> str:
    return f"/library/education/{education.pk}/edit/"


def delete_url(education) -> str:
    return f"/library/education/{education.pk}/delete/"


def test_the_list_shows_ongoing_then_the_most_recent(client, alice, bob, make_education):
    make_education(alice, school="Old School", end_date=datetime.date(2010, 6, 1))
    make_education(alice, school="Ongoing Academy", start_date=datetime.date(2024, 9, 1))
    make_education(
        alice, school="Uni", degree="BSc", field="Physics", end_date=datetime.date(2015, 6, 1)
    )
    make_education(bob, school="Bob's College")
    client.force_login(alice)

    r = client.get(LIST)

    assert r.text.index("Ongoing Academy") < r.text.index("Uni") < r.text.index("Old School")
    assert "BSc, Physics" in r.text and "Sep 2024" in r.text
    assert "College" not in r.text


def test_an_empty_list_invites_the_first_school(client, alice):
    client.force_login(alice)

    assert "No education yet — add your first." in client.get(LIST).text


def test_htmx_gets_just_the_list(client, alice, make_education):
    make_education(alice)
    client.force_login(alice)

    r = client.get(LIST, headers=HTMX)

    assert r.text.lstrip().startswith('<section id="education-list"')


def test_the_list_costs_the_same_queries_for_one_or_many(
    client, alice, make_education, django_assert_max_num_queries
):
    client.force_login(alice)
    make_education(alice)
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for n in range(15):
        make_education(alice, school=f"S{n}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_htmx_add_opens_an_inline_form(client, alice):
    client.force_login(alice)

    r = client.get(NEW, headers=HTMX)

    assert r.text.lstrip().startswith('<div data-new-form id="education-new"')


def test_without_javascript_add_shows_the_page_with_the_form_open(client, alice):
    client.force_login(alice)

    assert "Add education" in client.get(NEW).text


def test_adding_with_htmx_returns_the_list(client, alice):
    client.force_login(alice)

    r = client.post(
        NEW,
        {
            "school": "École Polytechnique",
            "degree": "MSc",
            "field": "Informatique",
            "start_date": "2019-09-01",
            "end_date": "2021-06-30",
            "notes": "Thesis: <i>graphs</i>",
        },
        headers=HTMX,
    )

    education = Education.objects.get(owner=alice)
    assert education.school == "École Polytechnique"
    assert r["HX-Retarget"] == "#education-list"
    assert "Sep 2019 – Jun 2021" in r.text
    assert "Thesis: &lt;i&gt;graphs&lt;/i&gt;" in r.text


def test_adding_without_javascript_redirects_with_a_message(client, alice):
    client.force_login(alice)

    r = client.post(NEW, {"school": "MIT", "degree": "PhD"}, follow=True)

    assert "“PhD, MIT” is in your library." in r.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"school": ""}, "This field is required."),
        ({"school": "s" * 10_000}, "at most 200 characters"),
        ({"school": "S", "notes": "n" * 10_000}, "at most 2000 characters"),
        ({"school": "S", "start_date": "not a date"}, "Enter a valid date."),
        (
            {"school": "S", "start_date": "2020-01-01", "end_date": "2019-01-01"},
            "The end date is before the start date.",
        ),
    ],
)
def test_invalid_input_re_renders_the_form(client, alice, data, message):
    client.force_login(alice)

    r = client.post(NEW, data, headers=HTMX)

    assert r.status_code == 200
    assert 'id="education-new"' in r.text and message in r.text
    assert not Education.objects.exists()


def test_htmx_edit_swaps_the_card_for_a_form(client, alice, make_education):
    education = make_education(alice, start_date=datetime.date(2020, 2, 3))
    client.force_login(alice)

    r = client.get(edit_url(education), headers=HTMX)

    assert r.text.lstrip().startswith(f'<li data-id="{education.pk}"')
    assert 'value="2020-02-03"' in r.text


def test_without_javascript_edit_opens_the_form_inside_the_list(client, alice, make_education):
    education = make_education(alice)
    client.force_login(alice)

    assert "Edit education" in client.get(edit_url(education)).text


def test_saving_with_htmx_swaps_the_card_back(client, alice, make_education):
    education = make_education(alice)
    client.force_login(alice)

    r = client.post(edit_url(education), {"school": "Renamed U"}, headers=HTMX)

    assert r.text.lstrip().startswith(f'<li id="education-{education.pk}"')
    education.refresh_from_db()
    assert education.school == "Renamed U"


def test_saving_without_javascript_redirects(client, alice, make_education):
    education = make_education(alice)
    client.force_login(alice)

    r = client.post(edit_url(education), {"school": "X"})

    assert r.status_code == 302 and r.url == LIST


def test_an_invalid_edit_keeps_the_stored_entry(client, alice, make_education):
    education = make_education(alice, school="Keep")
    client.force_login(alice)

    client.post(edit_url(education), {"school": ""}, headers=HTMX)

    education.refresh_from_db()
    assert education.school == "Keep"


def test_deleting_with_htmx_returns_nothing_to_swap(client, alice, make_education):
    education = make_education(alice)
    client.force_login(alice)

    r = client.post(delete_url(education), headers=HTMX)

    assert r.status_code == 200 and r.text == ""
    assert not Education.objects.exists()


def test_deleting_without_javascript_redirects(client, alice, make_education):
    education = make_education(alice)
    client.force_login(alice)

    r = client.post(delete_url(education))

    assert r.status_code == 302 and r.url == LIST
