"""Every editor and portfolio URL, every field, with hostile values: a message, never a 500."""

import pytest

from apps.blocks.validation import MAX_PAGES, clean_pages
from apps.portfolios.models import Portfolio
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
    "00000000-0000-0000-0000-000000000000",
    "a\x00b",
]
FIELDS = [
    "rev",
    "index",
    "direction",
    "page",
    "type",
    "after",
    "order",
    "title",
    "slug",
    "b-heading",
    "b-subheading",
    "b-image",
    "b-cta_url",
    "theme",
    "mode",
    "primary",
    "width",
    "density",
    "label",
    "visibility",
    "seo_title",
    "og_image",
    "goal",
    "keep_rev",
    "b-items-0-platform",
    "b-items-0-url",
    "b-items-7-value",
    "b-items-7-label",
    "b-items-99999-quote",
    "b-items-x-name",
]


def urls(portfolio) -> list[str]:
    base = f"/portfolios/{portfolio.pk}"
    block, page = portfolio.pages[0]["blocks"][0]["id"], portfolio.pages[0]["id"]
    for kind in ("links", "stats", "testimonials"):
        portfolio.add_block(page, kind)
    lists = [f"{base}/edit/blocks/{b['id']}/" for b in portfolio.pages[0]["blocks"][2:]]
    return [
        *lists,
        f"{base}/edit/",
        f"{base}/edit/blocks/add/",
        f"{base}/edit/blocks/reorder/",
        f"{base}/edit/blocks/{block}/",
        f"{base}/edit/blocks/{block}/move/",
        f"{base}/edit/blocks/{block}/duplicate/",
        f"{base}/edit/blocks/{block}/restore/",
        f"{base}/edit/pages/add/",
        f"{base}/edit/pages/{page}/",
        f"{base}/edit/pages/{page}/move/",
        f"{base}/design/",
        f"{base}/settings/",
        f"{base}/history/",
        "/portfolios/new/",
        f"{base}/edit/blocks/💥/",
        f"{base}/edit/pages/💥/delete/",
        f"{base}/preview/nope/",
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_hostile_values_in_every_field_never_cause_a_server_error(client, alice, portfolio, htmx):
    client.force_login(alice)
    headers = HTMX if htmx else {}
    failures = []

    for url in urls(portfolio):
        for value in WEIRD:
            data = {field: value for field in FIELDS}
            got = client.get(url, {"block": value, "page": value}, headers=headers)
            posted = client.post(url, data, headers=headers)
            failures += [
                (url, value[:12], r.status_code) for r in (got, posted) if r.status_code >= 500
            ]

    assert failures == []
    clean_pages(Portfolio.objects.get(pk=portfolio.pk).pages)  # still a valid document


def test_one_page_too_many_gets_a_message(client, alice, portfolio):
    for n in range(MAX_PAGES - 1):
        portfolio.add_page(f"Page {n}")
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/edit/pages/add/", {"title": "One more"}, headers=HTMX
    )

    assert "Not saved: At most 20 pages." in r.text
    assert len(Portfolio.objects.get(pk=portfolio.pk).pages) == MAX_PAGES
