"""Resumes in Django Admin: searchable, filterable, and unpublished with an action."""

import pytest

from apps.accounts.models import User


@pytest.fixture
def admin_client(client, db):
    admin = User.objects.create_superuser(email="root@example.com", password="x-very-long-1")
    client.force_login(admin)
    return client


def test_the_list_searches_and_filters(admin_client, resume):
    found = admin_client.get("/admin/resumes/resume/", {"q": "alice@example.com"})
    filtered = admin_client.get("/admin/resumes/resume/", {"template": "modern"})

    assert found.status_code == 200 and "Backend roles" in found.text
    assert "Backend roles" not in filtered.text


def test_unpublishing_from_the_admin_takes_the_page_down_and_records_who(
    admin_client, client, alice, resume
):
    resume.publish(by=alice)

    r = admin_client.post(
        "/admin/resumes/resume/",
        {"action": "unpublish", "_selected_action": [resume.pk]},
        follow=True,
    )

    assert "Unpublished 1 resume(s)." in r.text
    resume.refresh_from_db()
    assert resume.live_id is None
    assert resume.revisions.filter(label__startswith="Unpublished by root@example.com").exists()
    assert admin_client.get(f"/admin/resumes/resume/{resume.pk}/change/").status_code == 200
