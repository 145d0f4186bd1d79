"""A resume's settings, history and publishing pages."""

import pytest

from apps.resumes.models import Resume, ResumeSlugRedirect
from tests.resumes.conftest import item


def test_settings_change_title_address_and_visibility_and_keep_the_old_address(
    client, alice, resume
):
    client.force_login(alice)

    r = client.post(
        f"/resumes/{resume.pk}/settings/",
        {"title": "Staff roles", "slug": "alice-staff", "visibility": "unlisted"},
    )

    assert r.status_code == 302
    resume.refresh_from_db()
    assert (resume.title, resume.slug, resume.visibility) == (
        "Staff roles",
        "alice-staff",
        "unlisted",
    )
    assert ResumeSlugRedirect.objects.get(old_slug="alice-cv").resume == resume


@pytest.mark.parametrize(
    ("slug", "message"),
    [("Nope!", "lowercase letters"), ("admin", "reserved"), ("taken-cv", "is taken")],
)
def test_a_bad_or_taken_address_is_refused_with_a_message(
    client, alice, bob, resume, slug, message
):
    Resume.objects.create(owner=bob, title="Bob", slug="taken-cv")
    client.force_login(alice)

    r = client.post(
        f"/resumes/{resume.pk}/settings/", {"title": "x", "slug": slug, "visibility": "public"}
    )

    assert r.status_code == 200 and message in r.text
    resume.refresh_from_db()
    assert resume.slug == "alice-cv"


def test_saving_settings_keeps_an_edit_made_meanwhile(client, alice, resume):
    client.force_login(alice)
    stale = Resume.objects.get(pk=resume.pk)  # the settings request loaded this…
    work = item(resume, "work")
    resume.update_item("work", work["id"], {"position": "CTO"}, based_on=1)  # …then this committed

    from apps.resumes.forms import ResumeSettingsForm

    form = ResumeSettingsForm(
        {"title": "New", "slug": "alice-cv", "visibility": "public"}, instance=stale
    )
    assert form.is_valid()
    form.save()

    assert item(resume, "work")["position"] == "CTO"


def test_a_version_is_saved_and_restoring_keeps_the_current_draft(client, alice, resume):
    client.force_login(alice)
    client.post(f"/resumes/{resume.pk}/history/", {"label": "Before tailoring"})
    work = item(resume, "work")
    resume.update_item("work", work["id"], {"position": "CTO"}, based_on=1)
    version = resume.revisions.get(label="Before tailoring")

    r = client.post(f"/resumes/{resume.pk}/history/{version.pk}/restore/")

    assert r.status_code == 302
    assert item(resume, "work")["position"] == "CEO/President"
    assert resume.revisions.filter(kind="restore").exists()
    assert "Before tailoring" in client.get(f"/resumes/{resume.pk}/history/").text


def test_deleting_needs_the_address_typed(client, alice, resume):
    client.force_login(alice)

    kept = client.post(f"/resumes/{resume.pk}/delete/", {"confirm": "nope"})
    assert Resume.objects.filter(pk=resume.pk).exists() and kept.status_code == 302
    client.post(f"/resumes/{resume.pk}/delete/", {"confirm": "alice-cv"})
    assert not Resume.objects.filter(pk=resume.pk).exists()


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("get", "settings/"),
        ("get", "history/"),
        ("post", "publish/"),
        ("post", "unpublish/"),
        ("post", "delete/"),
    ],
)
def test_other_people_get_404_and_nothing_changes(client, bob, resume, method, suffix):
    client.force_login(bob)

    r = getattr(client, method)(f"/resumes/{resume.pk}/{suffix}", {"confirm": "alice-cv"})

    assert r.status_code == 404
    assert Resume.objects.filter(pk=resume.pk, live__isnull=True).exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_wrong_methods_refused(client, alice, resume):
    assert client.get(f"/resumes/{resume.pk}/settings/").url.startswith("/accounts/login/")
    client.force_login(alice)
    assert client.get(f"/resumes/{resume.pk}/publish/").status_code == 405


def test_publishing_puts_it_online_and_says_where(client, alice, resume):
    client.force_login(alice)

    r = client.post(f"/resumes/{resume.pk}/publish/", follow=True)

    assert "Your resume is online at http://testserver/r/alice-cv/" in r.text
    resume.refresh_from_db()
    assert resume.status == "published"
    client.logout()
    assert client.get("/r/alice-cv/").status_code == 200
