"""Generating an image into the asset library: the form (cost shown), the job polled until its
image is there, failures refunded, the picker's variant."""

from unittest import mock

import pytest
from django.urls import reverse

from apps.ai.models import AIRequest
from apps.ai.providers import AIError
from apps.ai.providers.offline import OfflineProvider
from apps.assets.models import Asset
from tests.conftest import HTMX

# No test transaction around the test: the task queued on commit runs as it does in a request
# (the immediate task backend), so the answer already shows the image.
runs_the_task = pytest.mark.django_db(transaction=True)

URL = "/assets/generate/"
DATA = {"prompt": "A lighthouse at dusk", "aspect": "16:9", "style": "illustration"}


def images(user) -> int:
    user.refresh_from_db()
    return user.ai_image_credits


def test_the_library_and_the_picker_offer_generation_with_its_cost(client, alice):
    client.force_login(alice)

    for url in (reverse("assets:list"), reverse("assets:picker")):
        assert 'hx-get="/assets/generate/' in client.get(url).text
    page = client.get(URL)
    in_picker = client.get(URL + "?picker=1", headers=HTMX)

    for r in (page, in_picker):
        assert r.status_code == 200
        assert "Generate image" in r.text and "Costs 1 image credit; you have 10." in r.text
    assert "<html" not in in_picker.text
    assert 'action="/assets/generate/?picker=1"' in in_picker.text


@runs_the_task
def test_an_image_is_generated_into_the_library_with_its_prompt(client, alice):
    client.force_login(alice)

    r = client.post(URL, {**DATA, "nonce": "n1"}, headers=HTMX)

    assert r.status_code == 200 and "<html" not in r.text
    asset = Asset.objects.get(owner=alice)
    assert asset.kind == "ai" and asset.prompt == "A lighthouse at dusk"
    assert asset.width * 9 == asset.height * 16  # 16:9
    assert 'data-job-status="succeeded"' in r.text and "every 1s" not in r.text
    assert f'id="asset-{asset.pk}"' in r.text
    assert images(alice) == 9 and "you have 9." in r.text
    # The same click sent twice makes one image.
    client.post(URL, {**DATA, "nonce": "n1"}, headers=HTMX)
    assert Asset.objects.count() == 1 and images(alice) == 9


@runs_the_task
def test_in_the_picker_the_new_image_can_be_chosen(client, alice):
    client.force_login(alice)

    r = client.post(URL + "?picker=1", DATA, headers=HTMX)

    asset = Asset.objects.get()
    assert f'data-asset-choose data-asset-id="{asset.pk}"' in r.text


def test_a_running_job_is_polled_until_it_is_done(client, alice):
    job = AIRequest.reserve(alice, task="image", kind="image", credits=1, provider="offline",
                            model="offline-shapes")  # fmt: skip
    client.force_login(alice)
    url = reverse("assets:generation", args=[job.pk])

    running = client.get(url, headers=HTMX)

    assert 'hx-trigger="every 1s"' in running.text and "Making your image" in running.text
    job.refund(AIRequest.Status.FAILED, "safety")
    failed = client.get(url, headers=HTMX)
    assert "every 1s" not in failed.text
    assert "safety filter" in failed.text and "Your image credit was refunded." in failed.text
    assert client.get(url).status_code == 200  # without htmx: the whole page


@runs_the_task
def test_a_failure_refunds_the_credit_and_says_so(client, alice):
    client.force_login(alice)
    failing = mock.patch.object(
        OfflineProvider, "generate_image", autospec=True, side_effect=AIError("timeout")
    )

    with failing:
        r = client.post(URL, DATA, headers=HTMX)

    assert "The image could not be made." in r.text and "took too long" in r.text
    assert "Your image credit was refunded." in r.text
    assert images(alice) == 10 and not Asset.objects.exists()


@runs_the_task
def test_without_javascript_the_job_has_its_own_page(client, alice):
    client.force_login(alice)

    r = client.post(URL, DATA)

    job = AIRequest.objects.get()
    assert r.status_code == 302 and r.url == reverse("assets:generation", args=[job.pk])
    assert "Your image is ready" in client.get(r.url).text


def test_bad_input_is_refused_without_a_charge(client, alice):
    client.force_login(alice)

    empty = client.post(URL, {**DATA, "prompt": " "}, headers=HTMX)
    shape = client.post(URL, {**DATA, "aspect": "5:1"}, headers=HTMX)
    style = client.post(URL, {**DATA, "style": "oil"}, headers=HTMX)

    assert "Describe the image you want." in empty.text
    assert "Select a valid choice" in shape.text and "Select a valid choice" in style.text
    assert not AIRequest.objects.exists() and images(alice) == 10


def test_out_of_image_credits_is_said_plainly(client, alice):
    from apps.ai.models import CreditEntry, this_month

    CreditEntry.objects.top_up(alice, this_month())
    alice.__class__.objects.filter(pk=alice.pk).update(ai_image_credits=0)
    client.force_login(alice)

    r = client.post(URL, DATA, headers=HTMX)

    assert "out of image credits" in r.text and not Asset.objects.exists()


def test_other_peoples_jobs_are_not_found(client, alice, bob):
    job = AIRequest.reserve(alice, task="image", kind="image", credits=1, provider="offline",
                            model="offline-shapes")  # fmt: skip
    client.force_login(bob)

    assert client.get(reverse("assets:generation", args=[job.pk]), headers=HTMX).status_code == 404


def test_anonymous_people_are_sent_to_sign_in(client):
    r = client.post(URL, DATA)
    assert r.status_code == 302 and "/accounts/login/" in r.url


def test_wrong_methods_are_refused(client, alice):
    client.force_login(alice)
    assert client.put(URL).status_code == 405
