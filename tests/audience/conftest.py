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
