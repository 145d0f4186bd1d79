import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from playwright.sync_api import Page, expect

from apps.accounts.models import User
from tests.conftest import PASSWORD, make_user
from tests.e2e.conftest import last_mail_code, last_mail_link, shot, sign_in, submit


def sign_out(page: Page) -> None:
    page.goto("/accounts/logout/")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url("/")


def test_sign_up_verify_by_mail_and_land_on_the_dashboard(page: Page):
    page.goto("/")
    shot(page, "landing")
    page.get_by_role("link", name="Create your free portfolio").click()
    page.fill("input[name=name]", "Grace Hopper")
    page.fill("input[name=email]", "grace@example.com")
    page.fill("input[name=password1]", PASSWORD)
    shot(page, "signup")
    submit(page, "input[name=password1]")

    expect(page.locator("main")).to_contain_text("grace@example.com")
    shot(page, "verification-sent")
    page.goto(last_mail_link("/accounts/confirm-email/"))
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi, Grace")
    shot(page, "dashboard")


def test_sign_in_with_an_emailed_code(page: Page):
    make_user("ada@example.com", name="Ada Lovelace")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="code").click()
    page.fill("input[name=email]", "ada@example.com")
    submit(page, "input[name=email]")

    page.fill("input[name=code]", last_mail_code())
    shot(page, "login-code")
    submit(page, "input[name=code]")

    expect(page).to_have_url("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi, Ada")


def current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_turn_on_two_factor_then_sign_in_with_password_and_code(page: Page):
    make_user("ada@example.com", name="Ada Lovelace")
    sign_in(page, "ada@example.com")

    page.goto("/accounts/2fa/totp/activate/")
    # allauth asks for the password again before security changes.
    expect(page).to_have_url(
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    )
    page.fill("input[name=password]", PASSWORD)
    submit(page, "input[name=password]")
    secret = page.locator("#authenticator_secret").input_value()
    page.fill("input[name=code]", current_totp(secret))
    shot(page, "totp-activate")
    submit(page, "input[name=code]")
    expect(page.locator("main")).to_contain_text("recovery", ignore_case=True)
    shot(page, "recovery-codes")

    sign_out(page)
    sign_in(page, "ada@example.com", lands_on="/accounts/2fa/authenticate/")
    shot(page, "totp-authenticate")
    if time.time() % 30 > 28:  # the code just used is spent: wait for the next one
        time.sleep(30 - time.time() % 30)
    page.fill("input[name=code]", current_totp(secret))
    submit(page, "input[name=code]")

    expect(page).to_have_url("/dashboard/")
    assert User.objects.get(email="ada@example.com").has_mfa


def test_reset_a_forgotten_password_end_to_end(page: Page):
    make_user("ada@example.com", name="Ada Lovelace")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot").click()
    page.fill("input[name=email]", "ada@example.com")
    submit(page, "input[name=email]")
    expect(page.locator("main")).to_contain_text("sent", ignore_case=True)

    page.goto(last_mail_link("/accounts/password/reset/key/"))
    page.fill("input[name=password1]", "brand-new-passphrase-77")
    page.fill("input[name=password2]", "brand-new-passphrase-77")
    shot(page, "password-reset-new")
    submit(page, "input[name=password2]")
    expect(page.locator("main")).to_contain_text("changed", ignore_case=True)

    sign_in(page, "ada@example.com", "brand-new-passphrase-77")
    assert len(mail.outbox) >= 1


def test_dark_mode_toggles_and_is_remembered(page: Page):
    page.emulate_media(color_scheme="light")
    page.goto("/")
    html = page.locator("html")
    expect(html).not_to_contain_class("dark")

    page.locator("[data-theme-toggle]").first.click()
    expect(html).to_contain_class("dark")
    shot(page, "landing-dark")

    page.reload()
    expect(html).to_contain_class("dark")
    page.locator("[data-theme-toggle]").first.click()
    expect(html).not_to_contain_class("dark")


def test_dark_mode_follows_the_system_until_chosen(page: Page):
    page.emulate_media(color_scheme="dark")
    page.goto("/accounts/login/")

    expect(page.locator("html")).to_contain_class("dark")
    shot(page, "login-dark-system")
