import json
from pathlib import Path

import pytest

from apps.portfolios.models import Portfolio
from apps.resumes.content import clean_content
from apps.resumes.models import Resume

SAMPLE = json.loads(
    (Path(__file__).parents[1] / "resumes" / "data" / "sample.resume.json").read_text()
)


def portfolio_with_contact_form(owner, slug: str = "alice", **fields) -> Portfolio:
    """A published portfolio whose contact block shows a form."""
    portfolio = Portfolio.objects.create(owner=owner, title="Alice’s work", slug=slug, **fields)
    home = portfolio.pages[0]["id"]
    portfolio.add_block(home, "hero")
    block = portfolio.add_block(home, "contact").block
    portfolio.update_block(
        block["id"],
        {**block["data"], "show_form": True, "email": "alice@example.com"},
        based_on=block["rev"],
    )
    portfolio.refresh_from_db()
    portfolio.publish()
    return portfolio


@pytest.fixture
def published(alice) -> Portfolio:
    return portfolio_with_contact_form(alice)


@pytest.fixture
def resume(alice) -> Resume:
    resume = Resume.objects.create(
        owner=alice,
        title="Backend roles",
        slug="alice-cv",
        content=clean_content(json.loads(json.dumps(SAMPLE)), assign_ids=True),
    )
    resume.publish()
    return resume


ABOUT = (
    "<p>I shipped Looking Glass, an iOS app for reading old maps, in 2023. "
    "I draw maps for children’s books.</p><p>Before that I taught geometry in Oxford.</p>"
)


def portfolio_with_chat(owner, slug: str = "alice", about: str = ABOUT, **fields) -> Portfolio:
    """A published portfolio with "Ask my portfolio" on: a hero, an About text and a
    projects block showing one library project."""
    from apps.library.models import Project

    Project.objects.create(
        owner=owner,
        title="Rabbit Hole",
        summary="A puzzle game for phones.",
        description="<p>Written in Swift with SpriteKit; 40,000 downloads.</p>",
        technologies=["Swift", "SpriteKit"],
        featured=True,
    )
    portfolio = Portfolio.objects.create(
        owner=owner, title="Alice’s work", slug=slug, chat_enabled=True, **fields
    )
    home = portfolio.pages[0]["id"]
    for kind, data in (
        ("hero", {"heading": "Alice Liddell", "subheading": "Illustrator and developer."}),
        ("about", {"body": about}),
        ("projects", {}),
    ):
        block = portfolio.add_block(home, kind).block
        portfolio.update_block(block["id"], {**block["data"], **data}, based_on=block["rev"])
    portfolio.refresh_from_db()
    portfolio.publish()
    return portfolio


def block_id(portfolio: Portfolio, kind: str) -> str:
    blocks = portfolio.live.snapshot["pages"][0]["blocks"]
    return next(b["id"] for b in blocks if b["type"] == kind)


from tests.ai.conftest import fake_server, openai_server  # noqa: E402, F401 (AI fixtures)
