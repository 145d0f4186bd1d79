from django.core.management import call_command

from apps.accounts.models import User
from apps.portfolios.models import Portfolio
from apps.resumes.models import Resume


def test_seed_demo_is_idempotent_and_publishes_a_portfolio_and_a_resume(db, client, capsys):
    call_command("seed_demo")
    call_command("seed_demo")

    assert User.objects.filter(email="demo@grooya.test").count() == 1
    portfolio = Portfolio.objects.get(owner__email="demo@grooya.test")
    assert portfolio.live_id and portfolio.slug == "ada-lovelace"
    out = capsys.readouterr().out
    assert "password: grooya-demo-2026" in out
    assert (
        client.post(
            "/accounts/login/", {"login": "demo@grooya.test", "password": "grooya-demo-2026"}
        ).url
        == "/dashboard/"
    )
    page = client.get("/p/ada-lovelace/")
    assert page.status_code == 200 and "Analytical Engine notes" in page.text
    resume = Resume.objects.get(owner__email="demo@grooya.test")
    assert resume.live_id and f"/r/{resume.slug}/" in out
    published = client.get(f"/r/{resume.slug}/")
    assert published.status_code == 200
    assert "Analytical Society" in published.text and "Analytical Engine notes" in published.text
    assert "demo@grooya.test" not in published.text  # the email stays off, as on portfolios
