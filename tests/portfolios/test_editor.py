import pytest
from bs4 import BeautifulSoup

from tests.conftest import HTMX
from tests.portfolios.conftest import blocks


def edit_url(portfolio, suffix=""):
    return f"/portfolios/{portfolio.pk}/edit/{suffix}"


def block_url(portfolio, block, action=""):
    return edit_url(portfolio, f"blocks/{block['id']}/{action + '/' if action else ''}")


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_the_editor_shows_outline_form_and_preview(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]

    r = client.get(edit_url(portfolio), {"block": hero["id"]})

    assert r.status_code == 200
    assert 'id="outline"' in r.text and f'id="block-form-{hero["id"]}"' in r.text
    assert f'src="/portfolios/{portfolio.pk}/preview/"' in r.text
    assert 'name="b-heading"' in r.text
    assert "frame-src 'self'" in r["Content-Security-Policy"]
    assert "no-store" in r["Cache-Control"]  # Back/Forward reload it, never a stale copy


def test_every_id_in_a_block_form_carries_the_block_id(client, alice, portfolio):
    client.force_login(alice)
    hero, about = blocks(portfolio)

    form = client.get(block_url(portfolio, about), headers=HTMX).text

    assert f'id="rev-{about["id"]}"' in form and f'id="save-state-{about["id"]}"' in form
    assert f'id="id_{about["id"]}_b-heading"' in form
    assert f'id="id_{about["id"]}_b-heading_error"' in form
    assert hero["id"] not in form


def test_a_save_answers_with_the_blocks_own_status_rev_and_empty_message_slots(
    client, alice, portfolio
):
    client.force_login(alice)
    hero = blocks(portfolio)[0]

    r = client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "Hello ✨"}, headers=HTMX)

    assert r.status_code == 200
    html = parse(r.text)
    assert html.select_one(f"#rev-{hero['id']}")["value"] == "2"
    assert html.select_one(f"#save-state-{hero['id']}")["data-state"] == "saved"
    assert html.select_one(f"#id_{hero['id']}_b-heading_error").text == ""
    assert html.select_one(f"#row-summary-{hero['id']}").text == "Hello ✨"
    assert all(
        el.get("hx-swap-oob") in {"true", "innerHTML"} for el in html.find_all(recursive=False)
    )
    assert not html.select("input:not([type=hidden]), textarea, select")  # never a field
    assert "preview-refresh" in r["HX-Trigger-After-Swap"]
    assert blocks(portfolio)[0]["data"]["heading"] == "Hello ✨"


def test_an_invalid_edit_fills_the_fields_message_slot_and_keeps_the_rev(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]

    r = client.post(
        block_url(portfolio, hero),
        {"rev": 1, "b-heading": "x" * 10_000, "b-cta_url": "javascript:alert(1)"},
        headers=HTMX,
    )

    html = parse(r.text)
    assert "at most 120 characters" in html.select_one(f"#id_{hero['id']}_b-heading_error").text
    assert "starting with https://" in html.select_one(f"#id_{hero['id']}_b-cta_url_error").text
    assert html.select_one(f"#save-state-{hero['id']}")["data-state"] == "invalid"
    assert not html.select(f"#rev-{hero['id']}")  # another tab's save must still conflict
    assert "HX-Retarget" not in r
    assert blocks(portfolio)[0] == hero


def test_without_javascript_an_invalid_edit_shows_the_editor_with_what_was_typed(
    client, alice, portfolio
):
    client.force_login(alice)
    hero = blocks(portfolio)[0]

    r = client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "", "b-cta_label": "Go"})

    assert r.status_code == 200 and "<html" in r.text
    assert "This field is required." in r.text
    assert parse(r.text).select_one("[name=b-cta_label]")["value"] == "Go"


def test_adding_moving_duplicating_and_deleting_blocks(client, alice, portfolio):
    client.force_login(alice)
    hero, about = blocks(portfolio)
    page = portfolio.pages[0]["id"]

    client.post(
        edit_url(portfolio, "blocks/add/"),
        {"page": page, "type": "stats", "after": hero["id"]},
        headers=HTMX,
    )
    client.post(block_url(portfolio, about, "move"), {"direction": "up"}, headers=HTMX)
    client.post(block_url(portfolio, hero, "duplicate"), headers=HTMX)
    r = client.post(block_url(portfolio, about, "delete"), headers=HTMX)

    assert [b["type"] for b in blocks(portfolio)] == ["hero", "hero", "stats"]
    assert "About deleted." in r.text and "Undo" in r.text


def test_undo_puts_a_deleted_block_back_where_it_was(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]
    client.post(block_url(portfolio, hero, "delete"), headers=HTMX)

    client.post(block_url(portfolio, hero, "restore"), headers=HTMX)

    assert [b["id"] for b in blocks(portfolio)][0] == hero["id"]


def test_reordering_by_drag_posts_the_new_order(client, alice, portfolio):
    client.force_login(alice)
    hero, about = blocks(portfolio)

    client.post(
        edit_url(portfolio, "blocks/reorder/"),
        {"page": portfolio.pages[0]["id"], "order": [about["id"], hero["id"]]},
        headers=HTMX,
    )

    assert [b["id"] for b in blocks(portfolio)] == [about["id"], hero["id"]]


def test_editing_a_block_deleted_elsewhere_says_so(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]
    portfolio.delete_block(hero["id"])

    r = client.post(block_url(portfolio, hero), {"rev": 1, "b-heading": "x"}, headers=HTMX)

    assert "This block was deleted in another tab." in r.text


def test_pages_can_be_added_renamed_and_the_last_one_is_kept(client, alice, portfolio):
    client.force_login(alice)
    page = portfolio.pages[0]["id"]

    client.post(edit_url(portfolio, "pages/add/"), {"title": "Case studies"}, headers=HTMX)
    bad = client.post(
        edit_url(portfolio, f"pages/{page}/"),
        {"title": "Home", "slug": "No!", "rev": 1},
        headers=HTMX,
    )
    portfolio.refresh_from_db()
    other = portfolio.pages[1]["id"]
    client.post(edit_url(portfolio, f"pages/{other}/delete/"), headers=HTMX)
    last = client.post(edit_url(portfolio, f"pages/{page}/delete/"), headers=HTMX)

    assert "Use lowercase letters, digits and hyphens" in bad.text
    assert "A portfolio needs at least one page." in last.text
    portfolio.refresh_from_db()
    assert [p["slug"] for p in portfolio.pages] == ["home"]


def test_the_editor_uses_a_constant_number_of_queries(
    client, alice, portfolio, make_asset, django_assert_max_num_queries
):
    client.force_login(alice)
    page = portfolio.pages[0]["id"]
    hero = blocks(portfolio)[0]
    client.get(edit_url(portfolio), {"block": hero["id"]})
    with django_assert_max_num_queries(12) as small:
        client.get(edit_url(portfolio), {"block": hero["id"]})
    for _ in range(40):
        portfolio.add_block(page, "rich_text")
        make_asset(alice, size=(20, 20), color=(_, _, _))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(edit_url(portfolio), {"block": hero["id"]})


@pytest.mark.parametrize(
    ("method", "suffix"),
    [("get", ""), ("post", "blocks/add/"), ("post", "blocks/reorder/"), ("post", "pages/add/")],
)
def test_other_people_get_404_everywhere(client, bob, portfolio, method, suffix):
    client.force_login(bob)
    before = portfolio.pages

    r = getattr(client, method)(
        edit_url(portfolio, suffix),
        {"page": portfolio.pages[0]["id"], "type": "hero", "title": "x"},
    )

    assert r.status_code == 404
    portfolio.refresh_from_db()
    assert portfolio.pages == before


def test_other_peoples_blocks_are_404(client, bob, portfolio):
    client.force_login(bob)
    hero = blocks(portfolio)[0]

    for action in ("", "move", "duplicate", "delete"):
        assert client.post(block_url(portfolio, hero, action), {"rev": 1}).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, portfolio):
    r = client.get(edit_url(portfolio))

    assert r.status_code == 302 and r.url.startswith("/accounts/login/")


def test_wrong_methods_are_refused(client, alice, portfolio):
    client.force_login(alice)
    hero = blocks(portfolio)[0]

    assert client.get(block_url(portfolio, hero, "delete")).status_code == 405
    assert client.post(edit_url(portfolio)).status_code == 405


def test_unknown_block_types_are_a_404_not_a_500(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(
        edit_url(portfolio, "blocks/add/"),
        {"page": portfolio.pages[0]["id"], "type": "<script>"},
        headers=HTMX,
    )

    assert r.status_code == 404


@pytest.mark.parametrize("kind", ["case_study", "video"])
def test_blocks_that_need_a_choice_can_still_be_added_empty(client, alice, portfolio, kind):
    client.force_login(alice)

    r = client.post(
        edit_url(portfolio, "blocks/add/"),
        {"page": portfolio.pages[0]["id"], "type": kind},
        headers=HTMX,
    )

    assert r.status_code == 200
    assert blocks(portfolio)[-1]["type"] == kind
    assert client.get(f"/portfolios/{portfolio.pk}/preview/").status_code == 200


def test_opening_a_block_answers_with_its_form_only(client, alice, portfolio):
    client.force_login(alice)
    about = blocks(portfolio)[1]

    r = client.get(block_url(portfolio, about), headers=HTMX)

    assert f'id="block-form-{about["id"]}"' in r.text
    assert 'id="outline"' not in r.text  # the outline (and its queued clicks) stay put


def test_gallery_images_are_picked_from_my_own_thumbnails(
    client, alice, bob, portfolio, make_asset
):
    mine, theirs = make_asset(alice), make_asset(bob, color=(9, 9, 9))
    gallery = portfolio.add_block(portfolio.pages[0]["id"], "gallery").block
    client.force_login(alice)

    form = client.get(block_url(portfolio, gallery), headers=HTMX).text
    r = client.post(
        block_url(portfolio, gallery),
        {"rev": 1, "b-images": [str(mine.pk)], "b-columns": 3},
        headers=HTMX,
    )

    assert mine.thumb_url in form and theirs.thumb_url not in form
    assert r.status_code == 200
    assert blocks(portfolio)[-1]["data"]["images"] == [mine.pk.hex]
