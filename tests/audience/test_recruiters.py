import pytest

from apps.audience.models import Notification, RecruiterList, SavedItem, SaveOptOut
from apps.portfolios.models import Portfolio
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def rita(db):
    return make_user("rita@acme.test", name="Rita Recruiter", role="recruiter")


@pytest.fixture
def shortlist(rita) -> RecruiterList:
    return RecruiterList.objects.create(owner=rita, name="Backend, Berlin")


def save(client, shortlist, address: str):
    return client.post("/saved/add/", {"address": address, "list": shortlist.pk}, follow=True)


def test_a_recruiter_saves_a_published_portfolio_by_its_address(
    client, rita, shortlist, published, alice
):
    client.force_login(rita)

    r = save(client, shortlist, "https://grooya.example/p/alice/work/?utm_source=x")

    assert "Saved “Alice’s work” to “Backend, Berlin”." in r.text
    item = SavedItem.objects.get()
    assert (item.recruiter_list, item.portfolio) == (shortlist, published)
    assert 'href="/p/alice/"' in r.text
    note = Notification.objects.get(recipient=alice)
    assert note.kind == Notification.Kind.RECRUITER_SAVED
    assert "Rita" not in note.message  # the recruiter is not named


def test_and_a_published_resume(client, rita, shortlist, resume):
    client.force_login(rita)
    save(client, shortlist, "/r/alice-cv/")
    assert SavedItem.objects.get().resume == resume


def test_saving_twice_keeps_one(client, rita, shortlist, published):
    client.force_login(rita)
    save(client, shortlist, "/p/alice/")
    r = save(client, shortlist, "/p/alice/")
    assert "is already on" in r.text
    assert SavedItem.objects.count() == 1


def test_nothing_unpublished_or_private_can_be_saved(client, rita, shortlist, alice, resume):
    Portfolio.objects.create(owner=alice, title="Draft", slug="draft")
    resume.visibility = resume.Visibility.PRIVATE
    resume.save()
    client.force_login(rita)
    for address in ("/p/draft/", "/r/alice-cv/", "/p/nobody/", "https://evil.example/", "/r/"):
        r = save(client, shortlist, address)
        assert "not the address of a published portfolio or resume" in r.text
    assert not SavedItem.objects.exists()


def test_a_saved_portfolio_made_private_shows_no_link(client, rita, shortlist, published):
    SavedItem.objects.create(recruiter_list=shortlist, portfolio=published)
    published.visibility = Portfolio.Visibility.PRIVATE
    published.save()
    client.force_login(rita)
    r = client.get("/saved/")
    assert "No longer published" in r.text and 'href="/p/alice/"' not in r.text


def test_creators_may_opt_out_of_being_saved(client, rita, shortlist, published, alice):
    client.force_login(alice)
    client.post("/settings/notifications/", {"new_message": "on"})
    assert SaveOptOut.objects.filter(user=alice).exists()
    client.force_login(rita)
    r = save(client, shortlist, "/p/alice/")
    assert "This person has chosen not to be saved to lists." in r.text
    assert not SavedItem.objects.exists()


def test_lists_notes_and_tags(client, rita, shortlist, published):
    client.force_login(rita)
    r = client.post("/saved/lists/new/", {"name": "  Design  leads "}, follow=True)
    assert "List “Design leads” created." in r.text
    r = client.post("/saved/lists/new/", {"name": "Backend, Berlin"})
    assert "You already have a list with that name." in r.text
    item = SavedItem.objects.create(recruiter_list=shortlist, portfolio=published)

    assert client.get(f"/saved/items/{item.pk}/").status_code == 200
    client.post(f"/saved/items/{item.pk}/", {"note": "<b>Strong</b>", "tags": "python, Berlin, "})

    item.refresh_from_db()
    assert (item.note, item.tags) == ("<b>Strong</b>", ["python", "Berlin"])
    page = client.get("/saved/").text
    assert "&lt;b&gt;Strong&lt;/b&gt;" in page
    client.post(f"/saved/items/{item.pk}/delete/")
    client.post(f"/saved/lists/{shortlist.pk}/delete/")
    assert not SavedItem.objects.exists()
    assert list(RecruiterList.objects.values_list("name", flat=True)) == ["Design leads"]


def test_only_recruiters_have_a_home(client, alice):
    client.force_login(alice)
    assert client.get("/saved/").status_code == 404
    assert client.post("/saved/lists/new/", {"name": "x"}).status_code == 404
    assert "Saved" not in client.get("/dashboard/").text.split("Credits")[0].split("Analytics")[1]


def test_other_recruiters_lists_are_404(client, shortlist, published):
    item = SavedItem.objects.create(recruiter_list=shortlist, portfolio=published)
    sam = make_user("sam@other.test", role="recruiter")
    RecruiterList.objects.create(owner=sam, name="Sam’s")
    client.force_login(sam)
    assert client.get(f"/saved/items/{item.pk}/").status_code == 404
    assert client.post(f"/saved/items/{item.pk}/delete/").status_code == 404
    assert client.post(f"/saved/lists/{shortlist.pk}/delete/").status_code == 404
    r = client.post("/saved/add/", {"address": "/p/alice/", "list": shortlist.pk})
    assert "Select a valid choice" in r.text
    assert SavedItem.objects.count() == 1


def test_anonymous_people_are_sent_to_sign_in(client, db):
    assert client.get("/saved/")["Location"].startswith("/accounts/login/")


def test_wrong_methods(client, rita):
    client.force_login(rita)
    assert client.get("/saved/add/").status_code == 405
    assert client.post("/saved/").status_code == 405
