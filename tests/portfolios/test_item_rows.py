"""List-like block fields (links, stats, testimonials) posted as rows of inputs."""

from bs4 import BeautifulSoup

from tests.conftest import HTMX
from tests.portfolios.conftest import blocks


def a_block(portfolio, kind: str) -> dict:
    return portfolio.add_block(portfolio.pages[0]["id"], kind).block


def post(client, portfolio, block, rows: dict, **extra):
    url = f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/"
    data = {"rev": block["rev"], "b-heading": "Find me", **rows, **extra}
    return client.post(url, data, headers=HTMX)


def test_rows_are_stored_in_the_order_drawn_and_blank_ones_dropped(client, alice, portfolio):
    links = a_block(portfolio, "links")
    client.force_login(alice)

    r = post(
        client,
        portfolio,
        links,
        {
            "b-items-3-platform": "",
            "b-items-3-url": "github.com/alice",
            "b-items-0-platform": "website",
            "b-items-0-url": "https://alice.example",
            "b-items-1-platform": "",
            "b-items-1-url": "  ",
        },
    )

    assert r.status_code == 200
    assert blocks(portfolio)[-1]["data"]["items"] == [
        {"platform": "website", "url": "https://alice.example"},
        {"platform": "github", "url": "https://github.com/alice"},
    ]


def test_a_half_filled_row_gets_a_message_beside_it_and_nothing_is_stored(
    client, alice, portfolio
):
    stats = a_block(portfolio, "stats")
    client.force_login(alice)

    r = post(
        client,
        portfolio,
        stats,
        {"b-items-0-value": "12", "b-items-0-label": "years", "b-items-4-label": "clients"},
    )

    html = BeautifulSoup(r.text, "html.parser")
    prefix = f"id_{stats['id']}_b-items"
    assert (
        html.select_one(f"#{prefix}_4_error").get_text(strip=True)
        == "Add the number, or remove this row."
    )
    assert html.select_one(f"#{prefix}_0_error").text == ""  # the good row's slot is cleared
    assert html.select_one(f"#{prefix}_error").text == ""  # not repeated under the field
    assert blocks(portfolio)[-1]["data"]["items"] == []


def test_without_javascript_rows_are_drawn_with_what_was_typed_and_a_blank_one(
    client, alice, portfolio
):
    testimonials = a_block(portfolio, "testimonials")
    client.force_login(alice)
    url = f"/portfolios/{portfolio.pk}/edit/blocks/{testimonials['id']}/"

    r = client.post(url, {"rev": 1, "b-heading": "Kind", "b-items-2-name": "Grace"})

    html = BeautifulSoup(r.text, "html.parser")
    assert html.select_one("[name=b-items-2-name]")["value"] == "Grace"
    assert "Add the quote, or remove this row." in html.select_one("[data-row='2']").text
    assert html.select_one("[data-blank-row] [name=b-items-3-quote]") is not None


def test_the_platform_is_a_choice_with_detection_first(client, alice, portfolio):
    links = a_block(portfolio, "links")
    client.force_login(alice)

    form = client.get(f"/portfolios/{portfolio.pk}/edit/blocks/{links['id']}/", headers=HTMX)

    select = BeautifulSoup(form.text, "html.parser").select_one("[data-blank-row] select")
    options = [o.text for o in select.select("option")]
    assert options[:3] == ["Detect from the link", "GitHub", "LinkedIn"]
    assert "one per line" not in form.text.lower()


def test_too_many_rows_are_refused_whole(client, alice, portfolio):
    stats = a_block(portfolio, "stats")
    client.force_login(alice)
    rows = {f"b-items-{n}-value": str(n) for n in range(9)}

    r = post(client, portfolio, stats, rows)

    assert "Add at most 8 items." in r.text
    assert blocks(portfolio)[-1]["data"]["items"] == []
