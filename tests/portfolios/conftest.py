import pytest

from apps.portfolios.models import Portfolio


@pytest.fixture
def portfolio(alice) -> Portfolio:
    portfolio = Portfolio.objects.create(owner=alice, title="Alice’s work", slug="alice")
    home = portfolio.pages[0]["id"]
    portfolio.add_block(home, "hero")
    portfolio.add_block(home, "about")
    portfolio.refresh_from_db()
    return portfolio


def blocks(portfolio: Portfolio, page: int = 0) -> list[dict]:
    portfolio.refresh_from_db()
    return portfolio.pages[page]["blocks"]
