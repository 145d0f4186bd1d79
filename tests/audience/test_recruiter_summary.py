"""A recruiter's AI summary of a saved portfolio: from its published page only, every point
linked to the block it comes from, paid once per published version by the recruiter."""

import json

import pytest
from bs4 import BeautifulSoup

from apps.ai.models import AIRequest
from apps.audience.models import RecruiterList, SavedItem
from tests.ai.conftest import balance
from tests.ai.fakes import Reply, chat
from tests.conftest import make_user

from .conftest import block_id, portfolio_with_chat

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(db):
    return make_user("rita@acme.test", name="Rita Recruiter", role="recruiter")


@pytest.fixture
def saved(rita, alice) -> SavedItem:
    portfolio = portfolio_with_chat(alice)
    shortlist = RecruiterList.objects.create(owner=rita, name="Mobile")
    return SavedItem.objects.create(recruiter_list=shortlist, portfolio=portfolio)


def points(response) -> list[tuple[str, list[str]]]:
    soup = BeautifulSoup(response.text, "html.parser")
    return [
        (li.p.get_text(strip=True), [a["href"] for a in li.select("a")])
        for li in soup.select("#summary-points li")
    ]


def url(item) -> str:
    return f"/saved/items/{item.pk}/summary/"


def test_every_point_comes_from_the_page_and_links_to_its_block(client, rita, saved):
    client.force_login(rita)
    portfolio = saved.portfolio

    r = client.post(url(saved))

    got = points(r)
    assert got[0] == (
        "Alice Liddell: Illustrator and developer.",
        [f"/p/alice/#b-{block_id(portfolio, 'hero')}"],
    )
    assert any("Looking Glass" in text for text, _ in got)
    assert any("Rabbit Hole" in text or "Swift" in text for text, _ in got)
    assert "Offline suggestion" in r.text and balance(rita) == 49


def test_the_same_published_version_is_not_charged_twice(client, rita, saved):
    client.force_login(rita)
    client.post(url(saved))
    again = client.post(url(saved))

    assert points(again) and balance(rita) == 49 and AIRequest.objects.count() == 1
    saved.portfolio.publish()  # a new version is a new summary
    client.post(url(saved))
    assert balance(rita) == 48


def test_a_point_without_a_source_or_with_a_claim_the_page_lacks_is_left_out(
    client, rita, saved, openai_server
):
    about = block_id(saved.portfolio, "about")
    answer = {
        "points": [
            {"text": "Alice shipped Looking Glass in 2023.", "block_ids": [about]},
            {"text": "Alice led 40 engineers at Google.", "block_ids": [about]},
            {"text": "Alice is great.", "block_ids": []},
            {"text": "Alice drew maps.", "block_ids": ["not-a-block"]},
            {"text": "<script>alert(1)</script> draws maps.", "block_ids": [about]},
        ]
    }
    openai_server.reply(Reply(body=chat(json.dumps(answer))))
    client.force_login(rita)

    r = client.post(url(saved))

    texts = [text for text, _ in points(r)]
    assert texts[0] == "Alice shipped Looking Glass in 2023."
    assert "Alice led 40 engineers at Google." not in texts
    assert "<script>alert(1)</script>" not in r.text
    assert "points left out" in r.text


def test_only_the_recruiter_who_saved_it_and_only_published_pages(client, rita, saved, alice):
    other = make_user("otto@acme.test", role="recruiter")
    client.force_login(other)
    assert client.post(url(saved)).status_code == 404
    client.force_login(alice)  # a creator has no recruiter home
    assert client.post(url(saved)).status_code == 404

    saved.portfolio.unpublish()
    client.force_login(rita)
    r = client.post(url(saved), follow=True)
    assert "Only a published portfolio can be summarised." in r.text
    assert balance(rita) == 50
    assert client.get(url(saved)).status_code == 405
