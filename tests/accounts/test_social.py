import pytest

SOCIAL_URLS = [
    "/accounts/google/login/",
    "/accounts/google/login/callback/?code=abc&state=xyz",
    "/accounts/github/login/",
    "/accounts/github/login/callback/?code=abc&state=xyz",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", SOCIAL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_social_sign_in_that_is_not_configured_is_not_found(client, url, method):
    r = getattr(client, method)(url)

    assert r.status_code == 404


@pytest.mark.django_db
def test_the_sign_in_page_offers_no_social_buttons_when_none_is_configured(client):
    r = client.get("/accounts/login/")

    assert "Continue with Google" not in r.text
    assert "Continue with GitHub" not in r.text
