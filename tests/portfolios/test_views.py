import pytest

from apps.portfolios.models import Portfolio, PortfolioRevision, SlugRedirect
from tests.conftest import HTMX
from tests.portfolios.conftest import blocks


def test_creating_from_the_library_builds_a_complete_draft(client, alice, make_asset):
    alice.bio = "I draw rabbits.\nAnd clocks."
    alice.avatar = make_asset(alice)
    alice.save()
    client.force_login(alice)

    r = client.post(
        "/portfolios/new/",
        {
            "title": "Alice’s site",
            "goal": "freelance",
            "role": "Illustrator",
            "theme": "editorial",
            "from_library": "on",
            "show_email": "on",
        },
    )

    portfolio = Portfolio.objects.get(owner=alice)
    assert r.url == f"/portfolios/{portfolio.pk}/edit/"
    assert portfolio.slug == "alice-liddell"
    assert portfolio.design["theme"] == "editorial"
    kinds = [b["type"] for b in portfolio.pages[0]["blocks"]]
    assert kinds[0] == "hero" and "about" in kinds and kinds[-1] == "contact"
    hero = portfolio.pages[0]["blocks"][0]["data"]
    assert hero["heading"] == "Alice Liddell" and hero["image"] == alice.avatar_id.hex
    about = portfolio.pages[0]["blocks"][1]["data"]["body"]
    assert about == "<p>I draw rabbits.</p><p>And clocks.</p>"


def test_creating_without_the_library_starts_empty(client, alice):
    client.force_login(alice)

    client.post("/portfolios/new/", {"title": "Blank", "goal": "job", "theme": "bold"})

    assert Portfolio.objects.get(owner=alice).pages[0]["blocks"] == []


def test_the_create_form_reports_bad_input(client, alice):
    client.force_login(alice)

    r = client.post("/portfolios/new/", {"title": "", "goal": "fame", "theme": "geocities"})

    assert r.status_code == 200
    assert "This field is required." in r.text
    assert "Select a valid choice." in r.text
    assert not Portfolio.objects.exists()


def test_slugs_are_unique_and_avoid_reserved_words(alice, bob):
    bob.name = "Admin"
    bob.save()
    first = Portfolio.create_for(
        alice, title="A", goal="job", role="", theme="minimal", from_library=False
    )
    second = Portfolio.create_for(
        alice, title="B", goal="job", role="", theme="minimal", from_library=False
    )
    reserved = Portfolio.create_for(
        bob, title="C", goal="job", role="", theme="minimal", from_library=False
    )

    assert (first.slug, second.slug) == ("alice-liddell", "alice-liddell-2")
    assert reserved.slug == "admin-site"


def test_the_list_and_dashboard_show_status(client, alice, portfolio):
    client.force_login(alice)
    portfolio.publish(by=alice)

    assert "Published" in client.get("/portfolios/").text
    dashboard = client.get("/dashboard/").text
    assert f"/portfolios/{portfolio.pk}/edit/" in dashboard and "Published" in dashboard


def test_settings_change_the_address_and_keep_a_redirect(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/settings/",
        {
            "title": "New title",
            "slug": "alice-draws",
            "visibility": "unlisted",
            "seo_title": "Alice draws",
            "seo_description": "Illustrations",
        },
    )

    assert r.status_code == 302
    portfolio.refresh_from_db()
    assert (portfolio.slug, portfolio.visibility) == ("alice-draws", "unlisted")
    assert SlugRedirect.objects.get(old_slug="alice").portfolio == portfolio


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("admin", "That address is reserved."),
        ("A B", "Use 3–50 lowercase"),
        ("ab", "Use 3–50"),
        ("bobs", "That address is taken."),
    ],
)
def test_bad_addresses_are_refused(client, alice, bob, portfolio, slug, message):
    Portfolio.objects.create(owner=bob, title="Bob", slug="bobs")
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/settings/",
        {"title": "T", "slug": slug, "visibility": "public"},
    )

    assert message in r.text
    assert Portfolio.objects.get(pk=portfolio.pk).slug == "alice"


def test_publish_and_unpublish(client, alice, portfolio):
    client.force_login(alice)

    client.post(f"/portfolios/{portfolio.pk}/publish/")
    assert client.get("/p/alice/").status_code == 200
    assert PortfolioRevision.objects.filter(portfolio=portfolio, kind="publish").count() == 1

    client.post(f"/portfolios/{portfolio.pk}/unpublish/")
    client.logout()
    assert client.get("/p/alice/").status_code == 404


def test_the_private_preview_renders_the_draft_for_the_owner_only(client, alice, bob, portfolio):
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {**hero["data"], "heading": "Draft heading"}, based_on=1)
    client.force_login(alice)

    r = client.get(f"/portfolios/{portfolio.pk}/preview/")

    assert "Draft heading" in r.text
    assert r["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in r["Content-Security-Policy"]
    client.force_login(bob)
    assert client.get(f"/portfolios/{portfolio.pk}/preview/").status_code == 404


def test_history_saves_previews_and_restores_versions(client, alice, portfolio):
    client.force_login(alice)
    client.post(f"/portfolios/{portfolio.pk}/history/", {"label": "Good one"})
    version = PortfolioRevision.objects.get(label="Good one")
    hero = blocks(portfolio)[0]
    portfolio.update_block(hero["id"], {**hero["data"], "heading": "Worse"}, based_on=1)

    page = client.get(f"/portfolios/{portfolio.pk}/history/")
    preview = client.get(f"/portfolios/{portfolio.pk}/history/{version.pk}/preview/")
    client.post(f"/portfolios/{portfolio.pk}/history/{version.pk}/restore/")

    assert "Good one" in page.text
    assert preview.status_code == 200 and "Worse" not in preview.text
    assert blocks(portfolio)[0]["data"]["heading"] != "Worse"


def test_design_changes_save_and_warn_about_contrast(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/design/",
        {
            "theme": "bold",
            "mode": "light",
            "text": "#fefefe",
            "background": "#ffffff",
            "width": "wide",
            "density": "airy",
        },
        headers=HTMX,
    )

    portfolio.refresh_from_db()
    assert portfolio.design["theme"] == "bold"
    assert portfolio.design["colors"] == {"text": "#fefefe", "background": "#ffffff"}
    assert "WCAG AA asks for 4.5:1" in r.text
    assert "preview-refresh" in r["HX-Trigger"]


def test_design_refuses_css_injection(client, alice, portfolio):
    client.force_login(alice)

    r = client.post(
        f"/portfolios/{portfolio.pk}/design/",
        {
            "theme": "bold",
            "mode": "light",
            "primary": "red;}a{",
            "width": "wide",
            "density": "airy",
            "font_body": "</style><script>",
        },
    )

    assert "Use a colour like #7c3aed." in r.text
    portfolio.refresh_from_db()
    assert portfolio.design["theme"] == "minimal"


@pytest.mark.parametrize("suffix", ["settings/", "design/", "history/", "preview/"])
def test_other_people_get_404_on_every_portfolio_page(client, bob, portfolio, suffix):
    client.force_login(bob)

    assert client.get(f"/portfolios/{portfolio.pk}/{suffix}").status_code == 404
    assert client.post(f"/portfolios/{portfolio.pk}/publish/").status_code == 404


def test_deleting_needs_the_address_typed(client, alice, portfolio):
    client.force_login(alice)

    client.post(f"/portfolios/{portfolio.pk}/delete/", {"confirm": "nope"})
    assert Portfolio.objects.filter(pk=portfolio.pk).exists()

    client.post(f"/portfolios/{portfolio.pk}/delete/", {"confirm": "alice"})
    assert not Portfolio.objects.filter(pk=portfolio.pk).exists()
