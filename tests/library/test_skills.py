import pytest

from apps.library.models import Skill
from tests.conftest import HTMX

LIST = "/library/skills/"
NEW = "/library/skills/new/"


def edit_url(skill) -> str:
    return f"/library/skills/{skill.pk}/edit/"


def delete_url(skill) -> str:
    return f"/library/skills/{skill.pk}/delete/"


def test_skills_are_grouped_by_category_in_a_fixed_order(client, alice, bob, make_skill):
    make_skill(alice, name="Figma", category="tool", level=3)
    make_skill(alice, name="Python", category="language", level=4)
    make_skill(alice, name="Mentoring", category="soft")
    make_skill(bob, name="Cobol", category="language")
    client.force_login(alice)

    r = client.get(LIST)

    text = r.text
    assert text.index(">Languages<") < text.index(">Tools<") < text.index(">Soft skills<")
    assert text.index("Python") < text.index("Figma") < text.index("Mentoring")
    assert ">Frameworks<" not in text  # empty categories are left out
    assert "Expert" in text and "Advanced" in text
    assert "Cobol" not in text


def test_an_empty_list_invites_the_first_skill(client, alice):
    client.force_login(alice)

    assert "No skills yet — add your first." in client.get(LIST).text


def test_htmx_gets_just_the_list(client, alice, make_skill):
    make_skill(alice)
    client.force_login(alice)

    r = client.get(LIST, headers=HTMX)

    assert r.text.lstrip().startswith('<section id="skill-list"')


def test_the_list_costs_the_same_queries_for_one_or_many_skills(
    client, alice, make_skill, django_assert_max_num_queries
):
    client.force_login(alice)
    make_skill(alice, name="S")
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for n, category in enumerate(Skill.Category.values * 3):
        make_skill(alice, name=f"S{n}", category=category)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(LIST)


def test_htmx_add_opens_an_inline_form(client, alice):
    client.force_login(alice)

    r = client.get(NEW, headers=HTMX)

    assert r.text.lstrip().startswith('<div data-new-form id="skill-new"')
    assert "Choose a category" in r.text and "No level" in r.text


def test_without_javascript_add_shows_the_page_with_the_form_open(client, alice):
    client.force_login(alice)

    r = client.get(NEW)

    assert "<html" in r.text and "Add a skill" in r.text


def test_adding_a_skill_with_htmx_returns_the_regrouped_list(client, alice):
    client.force_login(alice)

    r = client.post(NEW, {"name": "Rust 🦀", "category": "language", "level": "2"}, headers=HTMX)

    skill = Skill.objects.get(owner=alice)
    assert (skill.name, skill.category, skill.level) == ("Rust 🦀", "language", 2)
    assert r["HX-Retarget"] == "#skill-list"
    assert f'id="skill-{skill.pk}"' in r.text and "Intermediate" in r.text


def test_adding_without_javascript_redirects_with_a_message(client, alice):
    client.force_login(alice)

    r = client.post(NEW, {"name": "Go", "category": "language"}, follow=True)

    assert "“Go” is in your skills." in r.text
    assert Skill.objects.get().level is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "category": "tool"}, "This field is required."),
        ({"name": "n" * 10_000, "category": "tool"}, "at most 100 characters"),
        ({"name": "Go", "category": "magic"}, "Select a valid choice."),
        ({"name": "Go", "category": "tool", "level": "9"}, "Select a valid choice."),
        ({"name": "python", "category": "tool"}, "You already have “python” as a skill."),
    ],
)
def test_invalid_input_re_renders_the_form(client, alice, make_skill, data, message):
    make_skill(alice, name="Python")
    client.force_login(alice)

    r = client.post(NEW, data, headers=HTMX)

    assert r.status_code == 200
    assert 'id="skill-new"' in r.text and message in r.text
    assert Skill.objects.count() == 1


def test_the_same_name_is_fine_for_someone_else(client, alice, bob, make_skill):
    make_skill(bob, name="Python")
    client.force_login(alice)

    client.post(NEW, {"name": "Python", "category": "language"})

    assert Skill.objects.filter(owner=alice).exists()


def test_names_are_escaped(client, alice, make_skill):
    make_skill(alice, name="<script>alert(1)</script>")
    client.force_login(alice)

    r = client.get(LIST)

    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_htmx_edit_swaps_the_card_for_a_form(client, alice, make_skill):
    skill = make_skill(alice, name="Go")
    client.force_login(alice)

    r = client.get(edit_url(skill), headers=HTMX)

    assert r.text.lstrip().startswith(f'<li data-id="{skill.pk}" id="skill-{skill.pk}"')
    assert 'value="Go"' in r.text


def test_without_javascript_edit_opens_the_form_inside_the_list(client, alice, make_skill):
    skill = make_skill(alice, name="Go")
    client.force_login(alice)

    r = client.get(edit_url(skill))

    assert "<html" in r.text and "Edit skill" in r.text


def test_saving_in_the_same_category_swaps_the_card_back(client, alice, make_skill):
    skill = make_skill(alice, name="Go", category="language")
    client.force_login(alice)

    r = client.post(
        edit_url(skill), {"name": "Golang", "category": "language", "level": "4"}, headers=HTMX
    )

    assert r.text.lstrip().startswith(f'<li id="skill-{skill.pk}"')
    assert "HX-Retarget" not in r
    skill.refresh_from_db()
    assert (skill.name, skill.level) == ("Golang", 4)


def test_keeping_the_name_in_another_case_is_not_a_duplicate(client, alice, make_skill):
    skill = make_skill(alice, name="go")
    client.force_login(alice)

    client.post(edit_url(skill), {"name": "Go", "category": "language"})

    skill.refresh_from_db()
    assert skill.name == "Go"


def test_changing_the_category_returns_the_regrouped_list(client, alice, make_skill):
    skill = make_skill(alice, name="Figma", category="tool")
    client.force_login(alice)

    r = client.post(edit_url(skill), {"name": "Figma", "category": "design"}, headers=HTMX)

    assert r["HX-Retarget"] == "#skill-list"
    assert ">Design<" in r.text and ">Tools<" not in r.text


def test_saving_without_javascript_redirects(client, alice, make_skill):
    skill = make_skill(alice)
    client.force_login(alice)

    r = client.post(edit_url(skill), {"name": "Py", "category": "language"})

    assert r.status_code == 302 and r.url == LIST


def test_an_invalid_edit_keeps_the_stored_skill(client, alice, make_skill):
    skill = make_skill(alice, name="Go")
    client.force_login(alice)

    r = client.post(edit_url(skill), {"name": "", "category": "language"}, headers=HTMX)

    assert "This field is required." in r.text
    skill.refresh_from_db()
    assert skill.name == "Go"


def test_deleting_with_htmx_returns_nothing_to_swap(client, alice, make_skill):
    skill = make_skill(alice)
    client.force_login(alice)

    r = client.post(delete_url(skill), headers=HTMX)

    assert r.status_code == 200 and r.text == ""
    assert not Skill.objects.exists()


def test_deleting_without_javascript_redirects(client, alice, make_skill):
    skill = make_skill(alice, name="Go")
    client.force_login(alice)

    r = client.post(delete_url(skill), follow=True)

    assert "“Go” is deleted." in r.text
