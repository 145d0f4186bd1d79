"""The production stack (gunicorn + WhiteNoise + production settings) answers with safe headers."""

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.core.test_settings import BASE_ENV, PRODUCTION_ENV, ROOT

SIGN_IN_PASSWORD = "hunter2-should-never-be-logged"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, timeout=20):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        return opener.open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prod")
    env = {
        **BASE_ENV,
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_PROXY_SSL_HEADER": "true",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
    }
    env.pop("REDIS_URL", None)
    for args in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    port = free_port()
    log = open(tmp / "server.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "project.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    fetch(base + "/healthz", timeout=60)  # the worker loads the app on its first request
    yield base, log, env
    process.terminate()
    process.wait(timeout=10)
    log.close()


HTTPS = {"X-Forwarded-Proto": "https"}


def test_plain_http_is_redirected_to_https(server):
    base, _, _ = server

    r = fetch(base + "/")

    assert r.status == 301
    assert r.headers["Location"] == "https://127.0.0.1" + base.split("127.0.0.1")[1] + "/"


def test_pages_carry_a_strict_csp_and_the_security_headers(server):
    base, _, _ = server

    r = fetch(base + "/accounts/login/", headers=HTTPS)

    assert r.status == 200
    csp = dict(
        part.strip().split(" ", 1) for part in r.headers["Content-Security-Policy"].split(";")
    )
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in r.headers["Content-Security-Policy"]
    assert r.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert r.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert r.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in r.headers["Permissions-Policy"]
    assert r.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_cookies_are_host_prefixed_and_secure(server):
    base, _, _ = server

    r = fetch(base + "/accounts/login/", headers=HTTPS)

    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("__Host-csrftoken=")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie


def test_static_files_are_served_compressed_with_long_cache(server):
    base, _, _ = server
    page = fetch(base + "/", headers=HTTPS).read().decode()
    css_url = page.split('href="/static/css/app.')[1].split('"')[0]

    r = fetch(f"{base}/static/css/app.{css_url}", headers={**HTTPS, "Accept-Encoding": "gzip"})

    assert r.status == 200
    assert r.headers["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in r.headers["Cache-Control"]
    assert r.headers["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in r.headers["Permissions-Policy"]


def test_no_secret_reaches_the_logs(server):
    base, log, env = server
    fetch(
        base + "/accounts/login/",
        data=f"login=a@b.c&password={SIGN_IN_PASSWORD}".encode(),
        headers=HTTPS,
    )
    fetch(base + "/no-such-page/", headers=HTTPS)

    log.flush()
    log.seek(0)
    output = log.read()
    assert "Not Found: /no-such-page/" in output  # the log is really being written
    for secret in (SIGN_IN_PASSWORD, env["SECRET_KEY"], "sm7p-p4ss"):
        assert secret not in output
