"""The JSON Resume download: a standard document that validates against the schema, named for
the person, and that imports back into the same resume (apart from our ids)."""

import json

from hypothesis import HealthCheck, given, settings
from jsonschema import Draft7Validator

from apps.resumes.content import SCHEMA, clean_content, export
from apps.resumes.importers import jsonresume
from apps.resumes.models import Resume
from tests.resumes.conftest import SAMPLE
from tests.resumes.strategies import resumes

VALIDATOR = Draft7Validator(
    json.loads(SCHEMA.read_text()), format_checker=Draft7Validator.FORMAT_CHECKER
)


def without_ids(content: dict) -> dict:
    """The document apart from what is ours to give: item ids and every rev."""
    doc = json.loads(json.dumps(content))
    doc["basics"].pop("rev", None)
    doc["meta"]["grooya"].pop("rev", None)
    for key, items in doc.items():
        for item in items if isinstance(items, list) and key != "basics" else []:
            if isinstance(item, dict):
                item.pop("id", None)
                item.pop("rev", None)
    return doc


def download(client, resume):
    return client.get(f"/resumes/{resume.pk}/json/")


def test_the_download_is_the_standard_document_named_for_the_person(client, alice, resume):
    client.force_login(alice)

    r = download(client, resume)

    assert r.status_code == 200
    assert r["Content-Type"] == "application/json; charset=utf-8"
    assert r["Content-Disposition"] == 'attachment; filename="Richard-Hendriks-Backend-roles.json"'
    assert r["X-Content-Type-Options"] == "nosniff"
    document = json.loads(r.content)
    assert list(VALIDATOR.iter_errors(document)) == []
    del document["meta"]["grooya"]
    assert document == SAMPLE


def test_names_in_any_script_make_a_safe_file_name(client, alice, resume):
    resume.update_basics({"name": "Zoë Çelik"}, based_on=1)
    Resume.objects.filter(pk=resume.pk).update(title='Backend/roles: "2026"\\..')
    client.force_login(alice)

    r = download(client, resume)

    assert r["Content-Disposition"] == (
        "attachment; filename*=utf-8''Zo%C3%AB-%C3%87elik-Backend-roles-2026.json"
    )


def test_the_download_imports_back_into_the_same_resume(client, alice, resume):
    first = resume.content["work"][0]
    resume.update_item("work", first["id"], {"position": "CTO"}, based_on=first["rev"])
    resume.set_section("awards", shown=False)
    resume.set_section("work", heading="Experience")
    resume.set_design({"template": "modern", "accent": "#0f766e"})
    client.force_login(alice)
    downloaded = download(client, resume).content

    r = client.post("/resumes/import/", {"text": downloaded.decode(), "title": "Again"})

    copy = Resume.objects.get(title="Again")
    assert r.status_code == 302 and copy.template == "modern"
    assert without_ids(copy.content) == without_ids(Resume.objects.get(pk=resume.pk).content)


def test_html_in_the_resume_stays_data_in_a_download_not_a_page(client, alice, resume):
    resume.update_basics({"summary": "<script>alert(1)</script>"}, based_on=1)
    client.force_login(alice)

    r = download(client, resume)

    assert r["Content-Disposition"].startswith("attachment;")
    assert json.loads(r.content)["basics"]["summary"] == "<script>alert(1)</script>"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resumes())
def test_import_of_export_is_the_same_resume_for_any_valid_document(document):
    resume = clean_content(document, assign_ids=True)

    exported = export(resume)
    assert list(VALIDATOR.iter_errors(exported)) == []
    again = jsonresume.parse(json.dumps(exported, ensure_ascii=False)).content

    assert without_ids(again) == without_ids(resume)


def test_other_peoples_resumes_cannot_be_downloaded(client, bob, resume):
    client.force_login(bob)
    assert download(client, resume).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, resume):
    r = download(client, resume)
    assert r.status_code == 302 and r.url.startswith("/accounts/login/")


def test_the_download_refuses_posts(client, alice, resume):
    client.force_login(alice)
    assert client.post(f"/resumes/{resume.pk}/json/").status_code == 405
