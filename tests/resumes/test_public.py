"""Published resumes at /r/<slug>/: from the live revision, cached, never past a change."""

import pytest
from bs4 import BeautifulSoup

from apps.resumes.models import Resume
from tests.resumes.conftest import item


@pytest.fixture
def live(resume, alice) -> Resume:
    resume.publish(by=alice)
    return resume


def test_visitors_see_the_published_version_with_its_files_and_no_cookie(client, live):
    work = item(live, "work")
    live.update_item("work", work["id"], {"position": "Draft only"}, based_on=1)

    r = client.get("/r/alice-cv/")

    assert r.status_code == 200 and not r.cookies
    page = BeautifulSoup(r.content, "html.parser")
    assert "CEO/President" in page.text and "Draft only" not in page.text
    assert page.select_one('a[href="/r/alice-cv/pdf/"]') and page.select_one(
        'a[href="/r/alice-cv/docx/"]'
    )
    assert '"@type": "Person"' in r.text or '"@type":"Person"' in r.text
    assert "public" in r["Cache-Control"] and "'sha256-" in r["Content-Security-Policy"]
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver/r/alice-cv/"


def test_a_warm_page_costs_no_query_and_revalidates_with_its_etag(
    client, live, django_assert_num_queries
):
    first = client.get("/r/alice-cv/", headers={"Accept-Encoding": "gzip"})
    with django_assert_num_queries(0):
        again = client.get(
            "/r/alice-cv/", headers={"Accept-Encoding": "gzip", "If-None-Match": first["ETag"]}
        )

    assert first["Content-Encoding"] == "gzip"
    assert again.status_code == 304


def test_unpublishing_or_making_private_takes_it_down_at_once(client, alice, live):
    assert client.get("/r/alice-cv/").status_code == 200
    live.unpublish()
    assert client.get("/r/alice-cv/").status_code == 404

    live.publish(by=alice)
    assert client.get("/r/alice-cv/").status_code == 200
    live.change_settings(slug="alice-cv", title=live.title, visibility="private")
    assert client.get("/r/alice-cv/").status_code == 404
    assert client.get("/r/alice-cv/pdf/").status_code == 404
    client.force_login(alice)
    owner = client.get("/r/alice-cv/")  # the owner still sees it, never cached
    assert owner.status_code == 200 and "no-store" in owner["Cache-Control"]


def test_unlisted_resumes_are_served_but_not_indexed(client, live):
    live.change_settings(slug="alice-cv", title=live.title, visibility="unlisted")

    r = client.get("/r/alice-cv/")

    assert r.status_code == 200 and r["X-Robots-Tag"] == "noindex"
    assert "alice-cv" not in client.get("/sitemap.xml").text


def test_a_new_address_sends_visitors_on_and_the_sitemap_lists_it(client, live):
    client.get("/r/alice-cv/")
    live.change_settings(slug="alice-staff", title=live.title, visibility="public")

    moved = client.get("/r/alice-cv/")

    assert moved.status_code == 301 and moved.url == "/r/alice-staff/"
    assert "/r/alice-staff/" in client.get("/sitemap.xml").text


def test_deleting_the_account_takes_the_resume_down(client, alice, live):
    assert client.get("/r/alice-cv/").status_code == 200

    alice.delete_with_files()

    assert client.get("/r/alice-cv/").status_code == 404


def test_the_files_are_the_published_version(client, live):
    work = item(live, "work")
    live.update_item("work", work["id"], {"position": "Draft only"}, based_on=1)

    pdf = client.get("/r/alice-cv/pdf/")
    docx = client.get("/r/alice-cv/docx/")

    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "Richard-Hendriks" in pdf["Content-Disposition"]
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    from io import BytesIO

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "CEO/President" in text and "Draft only" not in text


def test_unknown_addresses_and_methods(client, live):
    assert client.get("/r/nobody-here/").status_code == 404
    assert client.post("/r/alice-cv/").status_code == 405
