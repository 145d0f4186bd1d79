"""The portfolio mentor: checks that name their block, and suggestions about real blocks."""

import json

import pytest

from apps.ai import assistant
from apps.portfolios.models import Portfolio

from .conftest import balance
from .fakes import Reply, gemini_text


@pytest.fixture
def portfolio(alice, make_asset):
    portfolio = Portfolio.objects.create(owner=alice, title="Alice’s work", slug="alice")
    home = portfolio.pages[0]["id"]
    for kind in ("hero", "about", "gallery", "projects"):
        portfolio.add_block(home, kind)
    portfolio.refresh_from_db()
    return portfolio


def block_id(portfolio, kind: str) -> str:
    return next(b["id"] for b in portfolio.pages[0]["blocks"] if b["type"] == kind)


def update(portfolio, kind: str, **data) -> None:
    block = next(b for b in portfolio.pages[0]["blocks"] if b["type"] == kind)
    portfolio.update_block(block["id"], {**block["data"], **data}, based_on=block["rev"])
    portfolio.refresh_from_db()


def codes(review) -> dict[str, str]:
    return {f.code: f.block_id for f in review.findings}


def test_a_fresh_portfolio_gets_findings_that_link_to_their_blocks(alice, portfolio):
    review = assistant.mentor(alice, portfolio, with_ai=False)

    found = codes(review)
    assert found["placeholder"] == block_id(portfolio, "hero")  # "Hello, I’m …"
    assert found["hero_subheading"] == block_id(portfolio, "hero")
    assert found["empty_text"] == block_id(portfolio, "about")
    assert found["empty_block"] == block_id(portfolio, "gallery")
    assert found["no_projects"] == block_id(portfolio, "projects")
    assert found["no_contact"] == ""  # about the whole portfolio
    assert "missing_hero" not in found and "missing_work" not in found
    assert review.findings[0].severity == "fix"  # what to fix comes first
    assert balance(alice) == 50  # the checks are free


def test_images_without_alt_text_and_thin_projects_are_pointed_out(alice, portfolio, make_asset):
    picture = make_asset(alice)
    project = alice.projects.create(title="Atlas", summary="Maps.", featured=True)
    update(portfolio, "gallery", images=[picture.pk.hex])
    update(portfolio, "projects", items=[project.pk.hex])

    found = codes(assistant.mentor(alice, portfolio, with_ai=False))

    assert found["alt_text"] == block_id(portfolio, "gallery")
    assert found["weak_project"] == block_id(portfolio, "projects")
    picture.alt_text = "A hand-drawn map"
    picture.save()
    assert "alt_text" not in codes(assistant.mentor(alice, portfolio, with_ai=False))


def test_low_contrast_and_missing_sections_are_flagged(alice):
    portfolio = Portfolio.objects.create(owner=alice, title="Bare", slug="bare")
    portfolio.set_design({"colors": {"text": "#bbbbbb", "background": "#ffffff"}})

    found = codes(assistant.mentor(alice, portfolio, with_ai=False))

    assert {"missing_hero", "missing_about", "missing_work", "no_contact", "contrast"} <= set(
        found
    )


def test_a_contact_way_clears_the_contact_finding(alice, portfolio):
    portfolio.add_block(portfolio.pages[0]["id"], "contact")
    portfolio.refresh_from_db()
    update(portfolio, "contact", email="alice@example.com")

    assert "no_contact" not in codes(assistant.mentor(alice, portfolio, with_ai=False))


def test_offline_suggestions_name_real_blocks_and_cost_a_credit(alice, portfolio):
    update(portfolio, "about", body="<p>I really basically just draw maps, very quickly.</p>")

    review = assistant.mentor(alice, portfolio)

    about = block_id(portfolio, "about")
    assert review.suggestions == [
        {
            "block_id": about,
            "suggestion": "Cut filler words (basically, just, really, very): "
            "the text reads stronger without them.",
        }
    ]
    assert review.offline and balance(alice) == 49


def test_a_models_suggestions_about_unknown_blocks_are_dropped(gemini, alice, portfolio):
    hero = block_id(portfolio, "hero")
    answer = {
        "suggestions": [
            {"block_id": hero, "suggestion": "Say what you draw."},
            {"block_id": "made-up", "suggestion": "Add a blog."},
        ]
    }
    gemini.reply(Reply(body=gemini_text(json.dumps(answer))))

    review = assistant.mentor(alice, portfolio)

    assert review.suggestions == [{"block_id": hero, "suggestion": "Say what you draw."}]
    sent = gemini.requests[0].body["contents"][0]["parts"][0]["text"]
    assert hero in sent and "placeholder" in sent  # the blocks and the findings go as data
