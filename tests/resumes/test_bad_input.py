"""Every URL of creating, importing, copying, downloading and pushing back, with hostile values
in every field, another person's resume, no session and the wrong method: a clear answer,
never a 500, and nothing already saved changed."""

import pytest

from apps.resumes.content import clean_content
from apps.resumes.models import Resume
from tests.conftest import HTMX

WEIRD = [
    "",
    "x" * 10_000,
    "💥 ünïcödé",
    "<script>alert(1)</script>",
    "-1",
    "99999999999999999999",
    "null",
    "[]",
    '{"basics": {"name": "<img src=x onerror=alert(1)>"}}',
    "../../etc/passwd",
    "00000000-0000-0000-0000-000000000000",
    "a\x00b",
]
FIELDS = [
    "title",
    "start",
    "profile",
    "show_email",
    "experiences",
    "educations",
    "projects",
    "skills",
    "text",
    "file",
]


def urls(resume) -> list[str]:
    base = f"/resumes/{resume.pk}"
    work, skills = resume.content["work"][0]["id"], resume.content["skills"][0]["id"]
    return [
        "/resumes/",
        "/resumes/new/",
        "/resumes/import/",
        f"{base}/duplicate/",
        f"{base}/json/",
        f"{base}/items/work/{work}/to-library/",
        f"{base}/items/skills/{skills}/to-library/",
        f"{base}/items/💥/{work}/to-library/",
        f"{base}/items/work/💥/to-library/",
        f"{base}/items/work/{'9' * 300}/to-library/",
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_hostile_values_in_every_field_never_cause_a_server_error(client, alice, resume, htmx):
    before = Resume.objects.get(pk=resume.pk)
    client.force_login(alice)
    headers = HTMX if htmx else {}
    failures = []

    for url in urls(resume):
        for value in WEIRD:
            got = client.get(url, {"start": value}, headers=headers)
            posted = client.post(url, {field: value for field in FIELDS}, headers=headers)
            failures += [
                (url, value[:12], r.status_code) for r in (got, posted) if r.status_code >= 500
            ]

    assert failures == []
    after = Resume.objects.get(pk=resume.pk)
    assert (after.content, after.title, after.slug) == (before.content, before.title, before.slug)
    for each in Resume.objects.all():  # the copies and imports are valid documents too
        clean_content(each.content)


def test_hostile_values_are_shown_escaped(client, alice):
    client.force_login(alice)

    r = client.post("/resumes/new/", {"title": "<script>alert(1)</script>", "start": "blank"})
    page = client.get("/resumes/").text

    assert r.status_code == 302
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def each_url(resume) -> list[tuple[str, str]]:
    base = f"/resumes/{resume.pk}"
    work = resume.content["work"][0]["id"]
    return [
        ("post", f"{base}/duplicate/"),
        ("get", f"{base}/json/"),
        ("post", f"{base}/items/work/{work}/to-library/"),
    ]


def test_another_persons_resume_is_not_found_at_every_url(client, bob, resume):
    client.force_login(bob)

    answers = {url: getattr(client, method)(url).status_code for method, url in each_url(resume)}

    assert set(answers.values()) == {404}
    assert Resume.objects.count() == 1 and not bob.experiences.exists()


def test_anonymous_visitors_are_sent_to_sign_in_at_every_url(client, resume):
    paths = [("get", "/resumes/"), ("get", "/resumes/new/"), ("post", "/resumes/import/")]

    for method, url in paths + each_url(resume):
        r = getattr(client, method)(url)
        assert r.status_code == 302 and r.url.startswith("/accounts/login/?next="), url


def test_wrong_methods_are_refused_at_every_url(client, alice, resume):
    client.force_login(alice)
    wrong = {"get": "post", "post": "get"}

    answers = [getattr(client, wrong[method])(url).status_code for method, url in each_url(resume)]
    answers += [client.put(url).status_code for url in ("/resumes/", "/resumes/new/")]

    assert set(answers) == {405}
