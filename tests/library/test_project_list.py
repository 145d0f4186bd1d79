from apps.library.models import Project
from tests.conftest import HTMX

LIST = "/library/projects/"
NEW = "/library/projects/new/"


def test_the_list_shows_my_projects_as_cards_and_not_others(client, alice, bob, make_project):
    mine = make_project(alice, title="Weather app", technologies=["Django", "htmx"])
    theirs = make_project(bob, title="Bob's secret")
    client.force_login(alice)

    r = client.get(LIST)

    assert r.status_code == 200
    assert f'id="project-{mine.pk}"' in r.text
    assert "Weather app" in r.text and "htmx" in r.text
    assert str(theirs.pk) not in r.text and "secret" not in r.text
    assert 'aria-current="page">Projects</a>' in r.text  # the library tabs


def test_an_empty_list_invites_the_first_project(client, alice):
    client.force_login(alice)

    r = client.get(LIST)

    assert "No projects yet — add your first." in r.text
    assert f'href="{NEW}"' in r.text


def test_htmx_gets_just_the_list(client, alice, make_project):
    make_project(alice)
    client.force_login(alice)

    r = client.get(LIST, headers=HTMX)

    assert "<html" not in r.text
    assert r.text.lstrip().startswith('<section id="project-list"')


def test_the_list_costs_the_same_queries_for_one_or_many_projects(
    client, alice, make_project, make_asset, django_assert_max_num_queries
):
    cover = make_asset(alice)
    client.force_login(alice)
    make_project(alice, cover=cover, images=[str(cover.pk)])
    with django_assert_max_num_queries(12) as few:
        client.get(LIST)
    for n in range(20):
        make_project(alice, title=f"P{n}", cover=cover, images=[str(cover.pk)])

    with django_assert_max_num_queries(len(few.captured_queries)):
        r = client.get(LIST)

    assert r.text.count('data-id="') == 21


def test_titles_and_summaries_are_escaped(client, alice, make_project):
    make_project(alice, title="<script>alert(1)</script>", summary="<img src=x onerror=alert(2)>")
    client.force_login(alice)

    r = client.get(LIST)

    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<img src=x" not in r.text


def test_the_description_is_shown_as_sanitised_html(client, alice, make_project):
    project = make_project(alice, description="<p>Hi <strong>there</strong></p>")
    Project.objects.filter(pk=project.pk).update(description='<p onclick="x()">Hey</p><script>')
    client.force_login(alice)

    r = client.get(LIST)

    assert "<p>Hey</p>" in r.text
    assert "onclick" not in r.text and "<script>" not in r.text
