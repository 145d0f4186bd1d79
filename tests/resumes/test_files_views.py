"""The file views: PDF, Word, ATS check, preview fragment and page images."""

import io
import re
from urllib.parse import unquote

import pytest
from django.urls import reverse
from docx import Document
from PIL import Image

from tests.conftest import HTMX

from .reading import pdf_text

VIEWS = ("pdf", "docx", "ats", "preview")


def url(resume, name: str) -> str:
    return reverse(f"resumes:{name}", args=[resume.pk])


def page_urls(html: str) -> list[str]:
    return re.findall(r'src="(/resumes/[^"]+\.png)"', html)


def test_the_pdf_downloads_under_the_persons_name(client, alice, resume):
    client.force_login(alice)

    r = client.get(url(resume, "pdf"))

    assert r.status_code == 200
    assert r["Content-Type"] == "application/pdf"
    disposition = r["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Richard-Hendriks-Backend-roles.pdf"')
    assert "filename*=UTF-8''Richard-Hendriks-Backend-roles.pdf" in disposition
    assert "Pied Piper" in pdf_text(r.content)
    assert r["Cache-Control"] == "private, no-cache"


def test_a_name_beyond_ascii_gets_both_file_names(client, alice, resume):
    resume.content["basics"]["name"] = "Zoë Łukasz"
    resume.save()
    client.force_login(alice)
    disposition = client.get(url(resume, "docx"))["Content-Disposition"]
    assert 'filename="Zoe-Lukasz-Backend-roles.docx"' in disposition
    assert unquote(disposition.split("UTF-8''")[1]) == "Zoë-Łukasz-Backend-roles.docx"


def test_an_unchanged_pdf_is_not_sent_again(client, alice, resume):
    client.force_login(alice)
    etag = client.get(url(resume, "pdf"))["ETag"]
    assert client.get(url(resume, "pdf"), headers={"If-None-Match": etag}).status_code == 304


def test_an_edit_shows_in_the_next_pdf_at_once(client, alice, resume):
    client.force_login(alice)
    before = client.get(url(resume, "pdf"))
    work = resume.content["work"][0]

    resume.update_item("work", work["id"], {"position": "Chief Architect"}, based_on=work["rev"])
    after = client.get(url(resume, "pdf"), headers={"If-None-Match": before["ETag"]})

    assert after.status_code == 200
    assert "Chief Architect" in pdf_text(after.content)
    assert after["ETag"] != before["ETag"]


def test_the_word_file_downloads(client, alice, resume):
    client.force_login(alice)
    r = client.get(url(resume, "docx"))
    assert r.status_code == 200
    assert r["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(r.content))
    assert document.paragraphs[0].text == "Richard Hendriks"
    assert client.get(url(resume, "docx"), headers={"If-None-Match": r["ETag"]}).status_code == 304


def test_the_ats_check_shows_what_a_parser_reads(client, alice, resume):
    resume.content["basics"]["email"] = ""
    resume.save()
    client.force_login(alice)

    r = client.get(url(resume, "ats"))

    assert r.status_code == 200
    assert "<html" in r.text
    assert "No email address was found" in r.text
    assert "CEO/President, Pied Piper Dec 2013 – Dec 2014" in r.text
    assert "(912) 555-4321" in r.text


def test_the_preview_is_a_fragment_for_htmx_and_a_page_otherwise(client, alice, resume):
    client.force_login(alice)

    fragment = client.get(url(resume, "preview"), headers=HTMX)
    page = client.get(url(resume, "preview"))

    assert fragment.status_code == page.status_code == 200
    assert "<html" not in fragment.text and "<html" in page.text
    assert fragment.text.lstrip().startswith('<section id="resume-preview"')
    assert (
        'alt="Page 1 of 2 of Richard Hendriks’s resume: Summary, Work experience' in fragment.text
    )
    assert page_urls(fragment.text) == page_urls(page.text) and len(page_urls(page.text)) == 2


def test_page_images_are_pngs_cached_for_good(client, alice, resume):
    client.force_login(alice)
    first = page_urls(client.get(url(resume, "preview"), headers=HTMX).text)[0]

    r = client.get(first)

    assert r.status_code == 200
    assert r["Content-Type"] == "image/png"
    assert r["Cache-Control"] == "private, max-age=31536000, immutable"
    assert Image.open(io.BytesIO(r.content)).size == (893, 1263)  # A4 at 1.5 px per point


def test_a_page_image_of_the_current_version_is_drawn_even_when_not_cached(client, alice, resume):
    from django.core.cache import cache

    client.force_login(alice)
    first = page_urls(client.get(url(resume, "preview"), headers=HTMX).text)[0]
    cache.clear()
    assert client.get(first).status_code == 200


def test_page_images_of_other_versions_or_resumes_are_not_found(client, alice, bob, resume):
    from apps.resumes.models import Resume

    client.force_login(alice)
    first = page_urls(client.get(url(resume, "preview"), headers=HTMX).text)[0]
    other = Resume.objects.create(owner=alice, title="Other", slug="other", content=resume.content)
    assert client.get(first.replace(str(resume.pk), str(other.pk))).status_code == 404
    assert client.get(first.replace("/1.png", "/9.png")).status_code == 404
    assert client.get(re.sub(r"/[0-9a-f]{24}/", "/" + "0" * 24 + "/", first)).status_code == 404
    assert client.get(re.sub(r"/[0-9a-f]{24}/", "/not-a-version/", first)).status_code == 404
    client.force_login(bob)
    assert client.get(first).status_code == 404


@pytest.mark.parametrize("name", VIEWS)
def test_other_peoples_resumes_are_not_found(client, bob, resume, name):
    client.force_login(bob)
    assert client.get(url(resume, name)).status_code == 404


@pytest.mark.parametrize("name", VIEWS)
def test_anonymous_visitors_are_sent_to_sign_in(client, resume, name):
    r = client.get(url(resume, name))
    assert r.status_code == 302
    assert r["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("name", VIEWS)
def test_they_only_answer_get(client, alice, resume, name):
    client.force_login(alice)
    assert client.post(url(resume, name)).status_code == 405
