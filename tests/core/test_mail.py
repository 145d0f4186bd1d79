"""Development email goes to the terminal; a person copies the link from there."""

import re

import pytest
from allauth.account.models import EmailAddress

from project.env import mailers_from_url
from tests.conftest import PASSWORD


@pytest.fixture
def console_mail(settings):
    # pytest-django swaps in the in-memory mailer; put back what `make run` uses.
    settings.MAILERS = mailers_from_url("console://")


@pytest.mark.django_db
def test_the_verification_link_printed_on_the_console_is_whole_and_works(
    client, console_mail, capsys
):
    client.post(
        "/accounts/signup/",
        {"name": "Zoë Washburne", "email": "zoe@example.com", "password1": PASSWORD},
    )
    printed = capsys.readouterr().out

    assert "quoted-printable" not in printed
    assert "=\n" not in printed  # no soft line break anywhere, so no link is split
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)$", printed, re.M)[1]
    r = client.post(link)

    assert r.status_code == 302
    assert r.url == "/dashboard/"
    assert EmailAddress.objects.get(email="zoe@example.com").verified


def test_a_long_line_and_non_ascii_text_print_as_written(console_mail, capsys):
    from django.core.mail import send_mail

    url = "https://grooya.example/accounts/password/reset/key/" + "k3y" * 40 + "/"
    send_mail("Réinitialiser", f"Bonjour Zoë,\n{url}\n", None, ["zoe@example.com"])

    printed = capsys.readouterr().out
    assert f"\n{url}\n" in printed
    assert "Bonjour Zoë," in printed
    assert "Subject: Réinitialiser" in printed
