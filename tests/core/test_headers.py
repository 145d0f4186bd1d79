"""Permissions-Policy and Cross-Origin-Resource-Policy reach every kind of response."""

import pytest

from apps.portfolios.models import Portfolio

UNUSED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def denied_features(response) -> set[str]:
    entries = [entry.strip() for entry in response["Permissions-Policy"].split(",")]
    return {entry.removesuffix("=()") for entry in entries if entry.endswith("=()")}


@pytest.fixture
def responses(client, alice, make_asset):
    """One response of each kind a browser meets, signed out."""
    portfolio = Portfolio.objects.create(owner=alice, title="Work", slug="alice-work")
    portfolio.publish(by=alice)
    asset = make_asset(alice)
    return {
        "landing page": client.get("/"),
        "sign-in page": client.get("/accounts/login/"),
        "public portfolio": client.get("/p/alice-work/"),
        "static file": client.get("/static/js/app.js"),
        "not found": client.get("/no-such-page/"),
        "redirect": client.get("/dashboard/"),
        "health check": client.get("/healthz"),
        "uploaded image": client.get(asset.url),
    }


def test_every_response_switches_off_browser_features_nobody_uses(responses):
    statuses = {kind: response.status_code for kind, response in responses.items()}
    assert statuses == {
        **dict.fromkeys(responses, 200),
        "not found": 404,
        "redirect": 302,
    }
    for kind, response in responses.items():
        assert set(UNUSED_FEATURES) <= denied_features(response), kind


def test_only_uploaded_images_may_be_loaded_by_other_sites(responses):
    for kind, response in responses.items():
        expected = "cross-origin" if kind == "uploaded image" else "same-origin"
        assert response["Cross-Origin-Resource-Policy"] == expected, kind


def test_features_the_pages_use_stay_allowed(client, db):
    r = client.get("/")

    # The copy buttons write to the clipboard; portfolio videos may go full screen.
    assert {"clipboard-write", "fullscreen", "autoplay"}.isdisjoint(denied_features(r))
