import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from apps.library.models import Education, Experience, Project, Skill, format_period

D = datetime.date


def test_descriptions_are_sanitised_when_saved(alice):
    project = Project.objects.create(
        owner=alice,
        title="T",
        description='<p onclick="x()" hx-get="/steal">Hi <a href="javascript:alert(1)">me</a>'
        '</p><script>alert(1)</script><img src=x onerror=alert(1)><strong style="c">ok</strong>',
    )

    project.refresh_from_db()
    assert project.description == (
        '<p>Hi <a rel="noopener noreferrer nofollow">me</a></p><strong>ok</strong>'
    )


def test_the_database_refuses_an_end_before_the_start(alice):
    with pytest.raises(IntegrityError):
        Project.objects.create(
            owner=alice, title="T", start_date=D(2024, 1, 2), end_date=D(2024, 1, 1)
        )


def test_the_database_refuses_a_current_role_with_an_end_date(alice):
    with pytest.raises(IntegrityError):
        Experience.objects.create(
            owner=alice,
            company="C",
            role="R",
            start_date=D(2020, 1, 1),
            end_date=D(2021, 1, 1),
            current=True,
        )


def test_the_database_refuses_the_same_skill_twice_in_any_case(alice):
    Skill.objects.create(owner=alice, name="Python", category="language")

    with pytest.raises(IntegrityError):
        Skill.objects.create(owner=alice, name="PYTHON", category="tool")


def test_model_validation_explains_the_date_problem_on_the_end_date(alice):
    education = Education(
        owner=alice, school="S", start_date=D(2020, 1, 1), end_date=D(2019, 1, 1)
    )

    with pytest.raises(ValidationError) as error:
        education.full_clean()

    assert error.value.message_dict["end_date"] == [
        "The end date is before the start date. Check the years."
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Django", "Enter a list of technologies."),
        ([1, 2], "Enter a list of technologies."),
        (["ok", " "], "Remove the empty technologies."),
        (["x" * 41], "Keep each of the technologies under 40 characters."),
    ],
)
def test_technologies_must_be_a_short_list_of_names(alice, value, message):
    project = Project(owner=alice, title="T", technologies=value)

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert error.value.message_dict["technologies"] == [message]


def test_image_ids_must_be_ids(alice):
    project = Project(owner=alice, title="T", images=["../../etc/passwd"])

    with pytest.raises(ValidationError) as error:
        project.full_clean()

    assert error.value.message_dict["images"] == ["Choose images from your library."]


def test_only_web_links_are_offered_even_if_validation_was_skipped(alice):
    project = Project(live_url="javascript:alert(1)", repo_url="HTTPS://x.dev", case_study_url="")

    assert project.links == [("Code", "HTTPS://x.dev")]


def test_galleries_load_in_one_query_and_skip_missing_or_foreign_images(
    alice, bob, make_asset, make_project, django_assert_num_queries
):
    mine, theirs = make_asset(alice), make_asset(bob)
    gone = "00000000-0000-0000-0000-000000000000"
    a = make_project(alice, images=[str(mine.pk), gone, str(theirs.pk)])
    b = make_project(alice, images=[])
    Project.objects.filter(pk=b.pk).update(images=["not-an-id"])
    b.refresh_from_db()

    with django_assert_num_queries(1):
        Project.attach_galleries([a, b])

    assert a.gallery == [mine] and b.gallery == []


def test_technologies_are_counted_across_rows_most_used_first_in_the_first_spelling(
    alice, make_project
):
    make_project(alice, technologies=["django", "htmx"])
    make_project(alice, technologies=["Go", "Django"])  # added last, so listed first

    assert Project.objects.owned_by(alice).technologies() == ["Django", "Go", "htmx"]


def test_skills_group_in_category_order():
    skills = [Skill(name="Figma", category="design"), Skill(name="Go", category="language")]

    groups = Skill.grouped(skills)

    assert [(c, h) for c, h, _ in groups] == [("language", "Languages"), ("design", "Design")]


@pytest.mark.parametrize(
    ("start", "end", "current", "text"),
    [
        (D(2021, 3, 1), None, True, "Mar 2021 – Present"),
        (D(2019, 1, 1), D(2022, 6, 1), False, "Jan 2019 – Jun 2022"),
        (None, D(2022, 6, 1), False, "Jun 2022"),
        (None, None, False, ""),
    ],
)
def test_periods_read_naturally(start, end, current, text):
    assert format_period(start, end, current) == text


def test_everything_has_a_readable_name(alice):
    assert str(Project(title="Site")) == "Site"
    assert str(Skill(name="Go")) == "Go"
    assert str(Experience(role="Dev", company="Acme")) == "Dev at Acme"
    assert str(Education(school="MIT", degree="PhD")) == "PhD, MIT"
    assert str(Education(school="MIT")) == "MIT"


def test_deleting_the_cover_asset_keeps_the_project(alice, make_asset, make_project):
    cover = make_asset(alice)
    project = make_project(alice, cover=cover)

    cover.delete()

    project.refresh_from_db()
    assert project.cover is None
