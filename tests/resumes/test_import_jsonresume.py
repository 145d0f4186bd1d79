"""Importing JSON Resume, pasted or uploaded: the sample comes in whole; malformed JSON gets its
line and column, invalid resumes every problem by path; nothing already saved changes."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.resumes.content import export
from apps.resumes.models import Resume
from tests.resumes.conftest import SAMPLE


def upload(data: bytes, name: str = "resume.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/json")


def imported(alice) -> Resume:
    return Resume.objects.filter(owner=alice).order_by("created_at").last()


def test_pasting_the_sample_imports_it_without_loss(client, alice):
    client.force_login(alice)

    r = client.post("/resumes/import/", {"text": json.dumps(SAMPLE), "title": ""})

    resume = imported(alice)
    assert r.status_code == 302 and r.url == f"/resumes/{resume.pk}/edit/"
    exported = export(resume.content)
    del exported["meta"]["grooya"]
    assert exported == SAMPLE
    assert resume.title == "Programmer"  # the headline, when no title is given
    assert resume.slug == "richard-hendriks"  # the name on the resume


def test_uploading_a_file_with_a_byte_order_mark_works_and_keeps_the_title(client, alice):
    client.force_login(alice)
    data = "\ufeff".encode() + json.dumps(SAMPLE, indent=2, ensure_ascii=False).encode()

    client.post("/resumes/import/", {"file": upload(data), "title": "From elsewhere"})

    resume = imported(alice)
    assert resume.title == "From elsewhere"
    assert resume.content["work"][0]["name"] == "Pied Piper"


def test_properties_the_schema_allows_come_in_too(client, alice):
    doc = copy.deepcopy(SAMPLE)
    doc["x-source"] = {"tool": "elsewhere", "version": 2}
    doc["work"][0]["x-team"] = ["Gilfoyle", "Dinesh"]
    doc["basics"]["pronouns"] = "he/him"
    client.force_login(alice)

    client.post("/resumes/import/", {"text": json.dumps(doc)})

    content = imported(alice).content
    assert content["x-source"] == {"tool": "elsewhere", "version": 2}
    assert content["work"][0]["x-team"] == ["Gilfoyle", "Dinesh"]
    assert content["basics"]["pronouns"] == "he/him"


def test_malformed_json_is_reported_by_line_and_column(client, alice):
    client.force_login(alice)

    r = client.post("/resumes/import/", {"text": '{\n  "basics": {\n    "name": "Ada",\n  }\n}'})

    assert r.status_code == 200
    assert "This is not valid JSON: line 4, column 3" in r.text
    assert not Resume.objects.exists()


def test_every_problem_is_named_by_its_path(client, alice):
    doc = copy.deepcopy(SAMPLE)
    doc["work"] = [copy.deepcopy(doc["work"][0]) for _ in range(3)]
    doc["work"][2]["startDate"] = "2013-13"
    doc["education"][0]["endDate"] = "2013-13-45"
    doc["education"][0]["url"] = "ftp://example.com"
    client.force_login(alice)

    r = client.post("/resumes/import/", {"text": json.dumps(doc)})

    assert "work[2].startDate: &quot;2013-13&quot; is not a date" in r.text
    assert "education[0].endDate: &quot;2013-13-45&quot; is not a date" in r.text
    assert "education[0].url: &quot;ftp://example.com&quot; is not a link" in r.text
    assert not Resume.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "The resume must be a JSON object."),
        ('"just text"', "The resume must be a JSON object."),
        ('{"basics": {"name": 7}}', "basics.name: expected text, got 7."),
        ('{"work": {}}', "work: expected a list"),
        ('{"work": [{"highlights": "one"}]}', "work[0].highlights: expected a list"),
        ('{"x": NaN}', "a number that is not finite: NaN"),
        ('{"x": 1e999}', "a number that is not finite: 1e999"),
        ('{"x": ' + "1" * 5000 + "}", "a number thousands of digits long"),
        ("[" * 50_000, "nested too deeply"),
        ('{"x": ' + '{"y": ' * 40 + "1" + "}" * 41, "nested more than 32 levels deep"),
        ('{"x-note": "a\\u0000b"}', "x-note: has a null character"),
        ('{"x-note": "\\ud800"}', "x-note: has a broken character"),
        ("   ", "Choose a file, or paste a JSON Resume document."),
    ],
)
def test_documents_that_are_not_resumes_get_a_clear_message(client, alice, text, message):
    client.force_login(alice)

    r = client.post("/resumes/import/", {"text": text})

    assert r.status_code == 200
    assert message in r.text.replace("&quot;", '"')
    assert not Resume.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(client, alice):
    client.force_login(alice)

    r = client.post(
        "/resumes/import/", {"file": upload('{"basics": {"name": "Zoë"}}'.encode("latin-1"))}
    )

    assert "The file is not UTF-8 text" in r.text
    assert not Resume.objects.exists()


def test_a_20_mb_file_is_refused_while_it_streams_in(client, alice):
    client.force_login(alice)

    r = client.post("/resumes/import/", {"file": upload(b" " * 20 * 1024 * 1024)})

    assert r.status_code == 200
    assert "That file is larger than 10 MB" in r.text
    assert not Resume.objects.exists()


def test_a_json_file_over_2_mb_is_refused(client, alice):
    client.force_login(alice)
    padding = {"x-padding": "a" * 3_000_000}

    r = client.post("/resumes/import/", {"file": upload(json.dumps(padding).encode())})

    assert "That is larger than 2 MB; no resume is." in r.text
    assert not Resume.objects.exists()


def test_pasting_more_text_than_a_request_may_carry_gets_a_page_that_says_so(alice):
    client = Client(enforce_csrf_checks=True)  # as browsers post: the CSRF check reads it
    client.force_login(alice)
    client.get("/resumes/import/")  # the CSRF cookie

    r = client.post("/resumes/import/", {"text": "x" * 3 * 1024 * 1024})

    assert r.status_code == 400
    assert "pasted text is limited to about 2 MB" in r.text
    assert "upload it as a file instead" in r.text


def test_our_ids_in_a_document_from_elsewhere_are_replaced_and_said_so(client, alice):
    doc = copy.deepcopy(SAMPLE)
    doc["work"][0]["id"] = "job-1"
    doc["work"][0]["rev"] = "first"
    client.force_login(alice)

    r = client.post("/resumes/import/", {"text": json.dumps(doc)}, follow=True)

    work = imported(alice).content["work"][0]
    assert len(work["id"]) == 32 and work["rev"] == 1
    assert "work[0].id was replaced by an id of our own." in r.text


def test_html_in_every_field_is_kept_as_text_and_escaped(client, alice):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    doc = {"basics": {"name": payload, "label": payload}, "work": [{"name": payload}]}
    client.force_login(alice)

    client.post("/resumes/import/", {"text": json.dumps(doc)})

    resume = imported(alice)
    assert resume.content["work"][0]["name"] == payload
    page = client.get("/resumes/").text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page


def test_importing_never_changes_a_resume_already_saved(client, alice, resume):
    before = Resume.objects.get(pk=resume.pk)
    client.force_login(alice)

    client.post("/resumes/import/", {"text": json.dumps(SAMPLE)})
    client.post("/resumes/import/", {"text": "{broken"})

    after = Resume.objects.get(pk=resume.pk)
    assert (after.content, after.title, after.slug) == (before.content, before.title, before.slug)
    assert Resume.objects.filter(owner=alice).count() == 2


def test_the_import_page_offers_upload_and_paste(client, alice):
    client.force_login(alice)

    r = client.get("/resumes/import/")

    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in r.text
    assert 'name="file"' in r.text and 'name="text"' in r.text


def test_the_import_page_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.put("/resumes/import/").status_code == 405
