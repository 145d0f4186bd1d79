"""Cover letters: a list per person, drafted from a resume and a job or started blank, edited
with autosave (conflicts by rev), printed as a PDF."""

import pytest
from django.urls import reverse

from apps.ai.models import AIRequest
from apps.resumes.models import CoverLetter, Resume
from tests.conftest import HTMX

from .test_tailor_views import JOB, RESUME


@pytest.fixture
def resume(alice) -> Resume:
    return Resume.create_for(alice, title="Illustration", content=RESUME)


@pytest.fixture
def letter(alice, resume) -> CoverLetter:
    return CoverLetter.objects.create(
        owner=alice, title="For Looking Glass", resume=resume, body="Dear team,\n\nHello."
    )


def edit_url(letter):
    return reverse("letters:edit", args=[letter.pk])


def test_the_assistant_drafts_a_letter_from_a_resume_and_a_job(client, alice, resume):
    client.force_login(alice)
    data = {"resume": resume.pk, "job_description": JOB, "job_title": "Senior Illustrator"}

    r = client.post(reverse("letters:create"), {**data, "draft": "1", "nonce": "a1"})

    letter = CoverLetter.objects.get()
    assert r.status_code == 302 and r.url == edit_url(letter)
    assert letter.title == "Cover letter — Senior Illustrator"
    assert letter.resume == resume and letter.job_description == JOB
    assert "Wonderland Press" in letter.body
    for fact in ("Yale", "MFA", "10 years", "Penguin"):
        assert fact not in letter.body
    assert AIRequest.objects.get().task == "cover_letter"
    page = client.get(r.url).text
    assert "offline writer" in page and "Download PDF" in page
    assert 'data-ai="improve shorten expand grammar tone"' in page  # the body's AI menu


def test_a_blank_letter_costs_nothing_and_needs_no_job(client, alice, resume):
    client.force_login(alice)

    r = client.post(reverse("letters:create"), {"resume": resume.pk, "blank": "1"})

    assert r.status_code == 302
    assert CoverLetter.objects.get().body == ""
    assert not AIRequest.objects.exists()


def test_drafting_needs_a_job_and_ones_own_resume(client, alice, bob, resume):
    other = Resume.create_for(bob, title="Bob's", content=RESUME)
    client.force_login(alice)

    no_job = client.post(reverse("letters:create"), {"resume": resume.pk, "draft": "1"})
    not_mine = client.post(
        reverse("letters:create"), {"resume": other.pk, "draft": "1", "job_description": JOB}
    )

    assert "Paste the job description to draft a letter." in no_job.text
    assert "Select a valid choice" in not_mine.text
    assert not CoverLetter.objects.exists() and not AIRequest.objects.exists()


def test_the_list_shows_ones_own_letters_only(client, alice, bob, letter):
    CoverLetter.objects.create(owner=bob, title="Bob's letter")
    client.force_login(alice)

    r = client.get(reverse("letters:list"))

    assert "For Looking Glass" in r.text and "Bob&#x27;s letter" not in r.text
    assert 'aria-current="page"' in r.text and "Cover letters" in r.text


def test_an_autosave_saves_and_answers_with_the_new_rev(client, alice, letter):
    client.force_login(alice)
    data = {"title": "Mine", "body": "Dear team,\n\nI draw maps.", "rev": 1}

    r = client.post(edit_url(letter), data, headers=HTMX)

    assert r.status_code == 200 and "<html" not in r.text
    assert f'id="rev-{letter.pk.hex}" value="2"' in r.text
    assert 'data-state="saved"' in r.text and "<textarea" not in r.text
    letter.refresh_from_db()
    assert letter.body == "Dear team,\n\nI draw maps." and letter.rev == 2


def test_a_save_based_on_an_old_rev_overwrites_nothing(client, alice, letter):
    client.force_login(alice)
    client.post(edit_url(letter), {"title": "T", "body": "From tab one", "rev": 1}, headers=HTMX)

    r = client.post(
        edit_url(letter), {"title": "T", "body": "From tab two", "rev": 1}, headers=HTMX
    )

    assert 'data-state="conflict"' in r.text
    assert "From tab one" in r.text and "From tab two" in r.text
    letter.refresh_from_db()
    assert letter.body == "From tab one"
    kept = client.post(
        edit_url(letter), {"title": "T", "body": "From tab two", "keep_rev": 2}, headers=HTMX
    )
    assert 'data-state="saved"' in kept.text
    letter.refresh_from_db()
    assert letter.body == "From tab two" and letter.rev == 3


def test_an_invalid_save_says_why_and_saves_nothing(client, alice, letter):
    client.force_login(alice)

    r = client.post(edit_url(letter), {"title": "", "body": "x", "rev": 1}, headers=HTMX)

    assert 'data-state="invalid"' in r.text and "This field is required." in r.text
    letter.refresh_from_db()
    assert letter.body == "Dear team,\n\nHello."


def test_without_javascript_a_save_redirects_back(client, alice, letter):
    client.force_login(alice)

    r = client.post(edit_url(letter), {"title": "T", "body": "Plain", "rev": 1})

    assert r.status_code == 302 and r.url == edit_url(letter)


def test_the_pdf_holds_the_letter(client, alice, letter):
    import io

    from pypdf import PdfReader  # noqa: PLC0415

    client.force_login(alice)

    r = client.get(reverse("letters:pdf", args=[letter.pk]))

    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert "attachment" in r["Content-Disposition"]
    text = PdfReader(io.BytesIO(r.content)).pages[0].extract_text()
    assert "Alice Liddell" in text and "Hello." in text


def test_deleting_a_letter(client, alice, letter):
    client.force_login(alice)

    r = client.post(reverse("letters:delete", args=[letter.pk]))

    assert r.status_code == 302 and not CoverLetter.objects.exists()


def test_other_peoples_letters_are_not_found(client, bob, letter):
    client.force_login(bob)

    assert client.get(edit_url(letter)).status_code == 404
    assert client.post(edit_url(letter), {"title": "x", "rev": 1}).status_code == 404
    assert client.get(reverse("letters:pdf", args=[letter.pk])).status_code == 404
    assert client.post(reverse("letters:delete", args=[letter.pk])).status_code == 404
    assert CoverLetter.objects.get().title == "For Looking Glass"


def test_anonymous_people_are_sent_to_sign_in(client, letter):
    for url in (reverse("letters:list"), reverse("letters:create"), edit_url(letter)):
        r = client.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r.url


def test_wrong_methods_are_refused(client, alice, letter):
    client.force_login(alice)
    assert client.get(reverse("letters:delete", args=[letter.pk])).status_code == 405
    assert client.post(reverse("letters:list")).status_code == 405


def test_the_admin_lists_and_opens_cover_letters(admin_client, letter):
    assert "For Looking Glass" in admin_client.get("/admin/resumes/coverletter/").text
    r = admin_client.get(f"/admin/resumes/coverletter/{letter.pk}/change/")
    assert r.status_code == 200 and "Dear team," in r.text
    tailored = admin_client.get(f"/admin/resumes/resume/{letter.resume.pk}/change/")
    assert tailored.status_code == 200 and 'name="tailored_from"' in tailored.text


def test_a_tailored_resume_brings_its_job_to_a_new_letter(client, alice, bob, resume):
    Resume.objects.filter(pk=resume.pk).update(job_title="Cartographer", job_description=JOB)
    client.force_login(alice)

    r = client.get(reverse("letters:create") + f"?resume={resume.pk}")
    odd = client.get(reverse("letters:create") + "?resume=not-an-id")
    client.force_login(bob)
    theirs = client.get(reverse("letters:create") + f"?resume={resume.pk}")

    assert 'value="Cartographer"' in r.text and "Looking Glass Books" in r.text
    assert odd.status_code == 200
    assert "Cartographer" not in theirs.text
