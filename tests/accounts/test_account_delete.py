import os

from django.test import Client

from apps.accounts.models import User
from apps.portfolios.models import Portfolio

URL = "/settings/delete/"


def test_the_page_asks_for_the_email_address(client, alice):
    client.force_login(alice)

    r = client.get(URL)

    assert r.status_code == 200
    assert 'data-confirm-text="alice@example.com"' in r.text


def test_a_wrong_confirmation_deletes_nothing(client, alice):
    client.force_login(alice)

    r = client.post(URL, {"confirm": "bob@example.com"})

    assert r.status_code == 200
    assert "That is not your email address; nothing was deleted." in r.text
    assert User.objects.filter(pk=alice.pk).exists()


def test_an_empty_confirmation_deletes_nothing(client, alice):
    client.force_login(alice)

    r = client.post(URL, {})

    assert "This field is required." in r.text
    assert User.objects.filter(pk=alice.pk).exists()


def test_the_right_confirmation_deletes_the_person_their_files_and_signs_out(
    client, alice, bob, make_asset, settings
):
    alice.avatar = make_asset(alice)
    alice.save()
    bobs = make_asset(bob)
    client.force_login(alice)

    r = client.post(URL, {"confirm": " Alice@Example.com "}, follow=True)

    assert r.redirect_chain[0] == ("/", 302)
    assert "Your account and everything in it has been deleted." in r.text
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not any(
        p.is_file() for p in (settings.MEDIA_ROOT / "assets" / str(alice.pk)).rglob("*")
    )
    assert User.objects.filter(pk=bob.pk).exists()
    assert all(os.path.exists(bobs.file.storage.path(n)) for n in bobs.stored_names())
    assert client.get("/dashboard/").status_code == 302


def test_deleting_is_not_possible_for_anonymous_visitors(client, alice):
    r = client.post(URL, {"confirm": "alice@example.com"})

    assert r.status_code == 302
    assert User.objects.filter(pk=alice.pk).exists()


def test_delete_refuses_other_methods(client, alice):
    client.force_login(alice)
    assert client.delete(URL).status_code == 405


def test_a_deleted_accounts_portfolio_is_gone_at_once(client, alice):
    portfolio = Portfolio.objects.create(owner=alice, title="Alice", slug="alice")
    portfolio.publish(by=alice)
    visitor = Client()
    assert visitor.get("/p/alice/").status_code == 200  # cached now
    client.force_login(alice)

    client.post(URL, {"confirm": "alice@example.com"})

    assert visitor.get("/p/alice/").status_code == 404
