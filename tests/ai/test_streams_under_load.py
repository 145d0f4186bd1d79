"""While several AI suggestions are streaming, the site still answers: each stream holds one
worker thread (README, "Production": gunicorn's gthread workers), not the process."""

import re
import threading
import time
from http.client import HTTPConnection
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.test import Client

from apps.portfolios.models import Portfolio
from tests.conftest import make_user

STREAMS = 6


@pytest.fixture
def site(live_server, transactional_db, settings):
    settings.AI_OFFLINE_STREAM_DELAY = 0.05  # a few seconds a stream
    settings.AI_RATE_LIMITS = {"user": [(100, 60)], "ip": [(100, 60)]}
    ada = make_user("ada@example.com", name="Ada Lovelace", title="Cartographer")
    portfolio = Portfolio.objects.create(owner=ada, title="Maps", slug="ada-maps")
    portfolio.add_block(portfolio.pages[0]["id"], "hero")
    portfolio.refresh_from_db()
    portfolio.publish()
    client = Client()
    client.force_login(ada)
    name = django_settings.SESSION_COOKIE_NAME
    browser = Browser(live_server.url, f"{name}={client.cookies[name].value}")
    editor = browser.request("GET", f"/portfolios/{portfolio.pk}/edit/")
    csrf = re.search(r"csrftoken=([^;]+)", editor.getheader("Set-Cookie")).group(1)
    browser.cookie += f"; csrftoken={csrf}"
    browser.token = re.search(r'"x-csrftoken": "([^"]+)"', editor.read().decode()).group(1)
    return browser, portfolio


class Browser:
    """Requests as a signed-in browser sends them, each on its own connection."""

    def __init__(self, url: str, cookie: str):
        self.netloc, self.cookie, self.token = urlsplit(url).netloc, cookie, ""

    def request(self, method: str, path: str, data: dict | None = None, cookie=True):
        connection = HTTPConnection(self.netloc, timeout=20)
        headers = {"HX-Request": "true", "X-CSRFToken": self.token}
        if cookie:
            headers["Cookie"] = self.cookie
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        return connection.getresponse()


def test_public_pages_and_editor_saves_answer_promptly_while_streams_are_open(site):
    session, portfolio = site
    text = " ".join(["I drew maps of rivers for the atlas and checked every bend."] * 6)
    started, finished = threading.Barrier(STREAMS + 1), []

    def stream():
        response = session.request("POST", "/ai/suggest/", {"task": "grammar", "text": text})
        while not response.readline().startswith(b"event: chunk"):
            pass
        started.wait()
        while response.readline():
            pass
        finished.append(time.monotonic())

    threads = [threading.Thread(target=stream) for _ in range(STREAMS)]
    for thread in threads:
        thread.start()
    started.wait(timeout=20)  # every stream is open and writing

    t0 = time.monotonic()
    public = session.request("GET", "/p/ada-maps/", cookie=False)
    public_html = public.read().decode()
    public_took = time.monotonic() - t0
    block = portfolio.pages[0]["blocks"][0]
    t0 = time.monotonic()
    saved = session.request(
        "POST",
        f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/",
        {"rev": block["rev"], "b-heading": "Maps of rivers"},
    )
    saved_html = saved.read().decode()
    save_took = time.monotonic() - t0
    still_streaming = len(finished)

    for thread in threads:
        thread.join(timeout=30)
    assert public.status == 200 and "Ada Lovelace" in public_html
    assert saved.status == 200 and 'data-state="saved"' in saved_html
    assert still_streaming == 0, "the streams were over before the site was asked"
    assert public_took < 1.0 and save_took < 1.0, (public_took, save_took)
    assert len(finished) == STREAMS
    portfolio.refresh_from_db()
    assert portfolio.find_block(block["id"])[1]["data"]["heading"] == "Maps of rivers"
