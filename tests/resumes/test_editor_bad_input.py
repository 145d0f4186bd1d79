"""Every resume editor URL, every field, with hostile values: a message, never a 500, and the
stored resume stays a valid document."""

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
    "../../etc/passwd",
    "0" * 32,
    "a\x00b",
    "2013-13-45",
    "javascript:alert(1)",
]
FIELDS = [
    "item",
    "rev",
    "keep_rev",
    "direction",
    "after",
    "order",
    "section",
    "r-position",
    "r-name",
    "r-startDate",
    "r-endDate",
    "r-url",
    "r-email",
    "r-highlights-0-text",
    "r-highlights-99999-text",
    "r-highlights-x-text",
    "r-profiles-0-network",
    "r-profiles-0-url",
    "r-location_city",
    "r-location_countryCode",
    "r-heading",
    "r-shown",
    "r-template",
    "r-accent",
    "r-page",
    "r-font",
    "r-dateFormat",
    "title",
    "slug",
    "visibility",
    "label",
]


def urls(resume) -> list[str]:
    base = f"/resumes/{resume.pk}"
    work = resume.content["work"][0]["id"]
    return [
        f"{base}/edit/",
        f"{base}/edit/basics/",
        f"{base}/edit/design/",
        f"{base}/edit/items/{work}/",
        f"{base}/edit/items/move/",
        f"{base}/edit/items/duplicate/",
        f"{base}/edit/items/delete/",
        f"{base}/edit/items/{work}/restore/",
        f"{base}/edit/items/💥/",
        f"{base}/edit/sections/work/",
        f"{base}/edit/sections/work/add/",
        f"{base}/edit/sections/work/move/",
        f"{base}/edit/sections/work/reorder/",
        f"{base}/edit/sections/💥/",
        f"{base}/edit/sections/reorder/",
        f"{base}/settings/",
        f"{base}/history/",
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_hostile_values_in_every_field_never_cause_a_server_error(client, alice, resume, htmx):
    client.force_login(alice)
    headers = HTMX if htmx else {}
    failures = []

    for url in urls(resume):
        for value in WEIRD:
            data = {field: value for field in FIELDS}
            got = client.get(url, {"open": value}, headers=headers)
            posted = client.post(url, data, headers=headers)
            failures += [
                (url, value[:12], r.status_code) for r in (got, posted) if r.status_code >= 500
            ]

    assert failures == []
    clean_content(Resume.objects.get(pk=resume.pk).content)  # still a valid document
