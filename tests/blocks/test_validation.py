import json

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.blocks import registry
from apps.blocks.validation import DocumentError, clean_pages, new_id

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def page(*blocks, slug="home"):
    return {"id": new_id(), "slug": slug, "title": "Home", "blocks": list(blocks)}


def block(kind, **data):
    return {"id": new_id(), "type": kind, "rev": 1, "data": data}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_arbitrary_json_is_refused_with_a_position_or_accepted(document):
    try:
        clean_pages(document)
    except DocumentError as exc:
        assert exc.position.startswith("pages")
        assert exc.messages[0].startswith(exc.position + ": ")


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(sorted(registry.BLOCK_TYPES)),
    data=st.dictionaries(st.text(max_size=12), json_values, max_size=5),
)
def test_arbitrary_block_data_never_raises_anything_but_a_positioned_error(kind, data):
    try:
        clean_pages([page(block(kind, **data))])
    except DocumentError as exc:
        assert exc.position.startswith("pages[0].blocks[0]")


@pytest.mark.parametrize("kind", sorted(registry.BLOCK_TYPES))
def test_every_block_types_defaults_round_trip_unchanged(kind):
    defaults = registry.get(kind).default_data()
    document = [page(block(kind, **defaults))]

    once = clean_pages(document)
    twice = clean_pages(json.loads(json.dumps(once)))

    assert once == twice
    assert once[0]["blocks"][0]["data"] == defaults


def test_unknown_block_types_are_refused_on_write():
    with pytest.raises(ValidationError, match=r"pages\[0\]\.blocks\[0\]\.type: Unknown block"):
        clean_pages([page(block("carousel"))])


def test_unknown_fields_are_refused_with_their_name():
    with pytest.raises(ValidationError, match=r"data: Unknown field: colour"):
        clean_pages([page(block("hero", heading="Hi", colour="red"))])


def test_rich_text_is_sanitized_on_the_way_in():
    dirty = '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:x">y</a></p>'

    cleaned = clean_pages([page(block("rich_text", body=dirty))])

    body = cleaned[0]["blocks"][0]["data"]["body"]
    assert "script" not in body and "onclick" not in body and "javascript" not in body


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("hero", {"heading": ""}, "heading: This field is required."),
        ("hero", {"heading": "x" * 121}, "at most 120 characters"),
        ("cta", {"button_url": "javascript:alert(1)"}, "starting with https://"),
        ("video", {"url": "https://evil.example/v.mp4"}, "YouTube or Vimeo"),
        (
            "links",
            {"items": [{"platform": "myspace", "url": "https://myspace.com"}]},
            "items: row 1: Choose a platform from the list.",
        ),
        (
            "links",
            {"items": [{"platform": "", "url": "ftp://x.org"}]},
            "row 1: Enter a full link",
        ),
        ("links", {"items": "github | https://x.org"}, "Expected a list of items."),
        ("stats", {"items": [{"value": "1", "label": "x", "extra": "y"}]}, "Unknown fields"),
        ("stats", {"items": [{"value": "1\x00", "label": "x"}]}, "Null characters"),
        ("stats", {"items": [{"value": "", "label": "years"}]}, "Add the number, or remove"),
        ("gallery", {"images": ["not-an-id"]}, "not a valid id"),
        ("divider", {"size": "xxl"}, "Select a valid choice"),
    ],
)
def test_invalid_block_data_gets_a_clear_message(kind, data, message):
    with pytest.raises(ValidationError, match=message):
        clean_pages([page(block(kind, **data))])


def test_page_slugs_must_be_unique_and_well_formed():
    with pytest.raises(ValidationError, match=r"pages\[1\]\.slug: “home” is used"):
        clean_pages([page(), page()])
    with pytest.raises(ValidationError, match=r"pages\[0\]\.slug: use lowercase"):
        clean_pages([page(slug="Not OK")])


def test_a_portfolio_needs_a_page():
    with pytest.raises(ValidationError, match="at least one page"):
        clean_pages([])


def test_blank_rows_are_dropped_and_values_trimmed_for_list_blocks():
    rows = [{"value": " 12 ", "label": "years"}, {"value": "", "label": " "}, {"value": "300+"}]

    cleaned = clean_pages([page(block("stats", items=rows))])

    assert cleaned[0]["blocks"][0]["data"]["items"] == [
        {"value": "12", "label": "years"},
        {"value": "300+", "label": ""},
    ]


def test_a_link_finds_its_platform_and_gets_https_when_pasted_bare():
    rows = [
        {"platform": "", "url": "github.com/ada"},
        {"platform": "", "url": "https://www.linkedin.com/in/ada"},
        {"platform": "", "url": "https://mastodon.social/@ada"},
        {"platform": "", "url": "ada@example.com"},
        {"platform": "", "url": "https://ada.example"},
        {"platform": "twitter", "url": "https://ada.example/x"},
    ]

    cleaned = clean_pages([page(block("links", items=rows))])

    items = cleaned[0]["blocks"][0]["data"]["items"]
    assert [i["platform"] for i in items] == [
        "github",
        "linkedin",
        "mastodon",
        "email",
        "website",
        "x",
    ]
    assert items[0]["url"] == "https://github.com/ada"
    assert items[3]["url"] == "mailto:ada@example.com"
