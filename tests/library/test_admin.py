import pytest

from tests.conftest import make_user


@pytest.fixture
def admin_client(client, db):
    client.force_login(make_user("root@example.com", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def everything(alice, bob, make_project, make_skill, make_experience, make_education):
    for owner, word in ((alice, "Alpha"), (bob, "Bravo")):
        make_project(owner, title=f"{word} project")
        make_skill(owner, name=f"{word} skill")
        make_experience(owner, company=f"{word} company")
        make_education(owner, school=f"{word} school")


@pytest.mark.parametrize("model", ["project", "skill", "experience", "education"])
def test_admins_search_library_items_by_owner_email(admin_client, everything, model):
    r = admin_client.get(f"/admin/library/{model}/", {"q": "alice@"})

    assert r.status_code == 200
    assert "Alpha" in r.text and "Bravo" not in r.text


@pytest.mark.parametrize(
    ("model", "query"),
    [
        ("project", "Bravo project"),
        ("skill", "Bravo skill"),
        ("experience", "Bravo company"),
        ("education", "Bravo school"),
    ],
)
def test_admins_search_by_title_name_company_or_school(admin_client, everything, model, query):
    r = admin_client.get(f"/admin/library/{model}/", {"q": query})

    assert "Bravo" in r.text and "Alpha" not in r.text


@pytest.mark.parametrize("model", ["project", "skill", "experience", "education"])
def test_admins_open_the_change_form(admin_client, everything, model):
    from django.apps import apps

    item = apps.get_model("library", model).objects.first()

    r = admin_client.get(f"/admin/library/{model}/{item.pk}/change/")

    assert r.status_code == 200
