"""The resume block: added with its module, its template and one registry line."""

from bs4 import BeautifulSoup

from apps.resumes.models import Resume
from tests.conftest import HTMX
from tests.portfolios.conftest import blocks


def test_a_portfolio_links_a_published_resume_and_its_pdf(client, alice, portfolio):
    cv = Resume.objects.create(owner=alice, title="Illustration work", slug="alice-cv")
    cv.publish(by=alice)
    block = portfolio.add_block(portfolio.pages[0]["id"], "resume").block
    portfolio.update_block(block["id"], {**block["data"], "resume": cv.pk.hex}, based_on=1)
    portfolio.publish(by=alice)

    page = BeautifulSoup(client.get("/p/alice/").content, "html.parser")

    section = page.select_one(".block-resume")
    assert section.select_one('a[href="/r/alice-cv/"]').text == "Read “Illustration work”"
    assert section.select_one('a[href="/r/alice-cv/pdf/"]')


def test_an_unpublished_resume_shows_nothing_to_visitors(client, alice, portfolio):
    cv = Resume.objects.create(owner=alice, title="Draft", slug="alice-cv")
    block = portfolio.add_block(portfolio.pages[0]["id"], "resume").block
    portfolio.update_block(block["id"], {**block["data"], "resume": cv.pk.hex}, based_on=1)
    portfolio.publish(by=alice)

    page = client.get("/p/alice/").text

    assert "block-resume" not in page and "/r/alice-cv/" not in page


def test_the_picker_offers_my_resumes_only(client, alice, bob, portfolio):
    Resume.objects.create(owner=alice, title="Mine", slug="alice-cv")
    Resume.objects.create(owner=bob, title="Theirs", slug="bob-cv")
    block = portfolio.add_block(portfolio.pages[0]["id"], "resume").block
    client.force_login(alice)

    form = client.get(f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/", headers=HTMX)

    options = [o.text for o in BeautifulSoup(form.text, "html.parser").select("select option")]
    assert "Mine" in options and "Theirs" not in options
    assert blocks(portfolio)[-1]["type"] == "resume"
