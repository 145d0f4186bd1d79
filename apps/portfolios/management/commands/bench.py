"""`make bench`: how fast are public pages and the editor? A benchmark, not a test.

Seeds a person with a full library and realistic 20-, 25- and 200-block portfolios (see
_bench_site.py), measures in-process times and SQL queries per request — a cold public page
against a plain Django view of the same content — then serves the app with gunicorn and
production settings and loads it from 127.0.0.1 (wrk when installed, else a small threaded
client): directly, through nginx with deploy/nginx.conf's page cache, and beside the same page
as a static file from WhiteNoise and from nginx (the baselines).
"""

import getpass
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import User
from apps.core import published
from apps.portfolios.models import Portfolio, PortfolioRevision
from apps.portfolios.rendering import render_page
from apps.portfolios.views.public import public_page

from ._bench_site import plain_view, seed_library, seed_portfolio

DURATION = 5  # seconds of load per target
ROUNDS = 60  # in-process requests per target
COLD, PLAIN = "public page, cold (view)", "plain Django view, same content"
WARM, HTTP_WARM = "public page, warm (cache hit)", "HTTP public page, warm (gunicorn)"
STATIC, PROXY = "HTTP static file (WhiteNoise)", "HTTP public page via nginx cache"
NGINX_FILE = "HTTP same HTML file from nginx"
BEACON = "HTTP analytics beacon, counting (gunicorn)"
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"}
SAVE_25, SAVE_200 = "editor block save, 25 blocks", "editor block save, 200 blocks"


class Command(BaseCommand):
    help = "Benchmark public pages and the editor (see README 'Performance')."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=DURATION)

    def handle(self, *args, duration: int, **options) -> None:
        user, _ = User.objects.get_or_create(
            email="bench@grooya.test", defaults={"name": "Maya Lindqvist", "title": "Designer"}
        )
        seed_library(user)
        page = seed_portfolio(user, "bench-20", 20)
        small, large = seed_portfolio(user, "bench-25", 25), seed_portfolio(user, "bench-200", 200)
        _vacuum()
        rows = [
            *self.cold_against_plain(page),
            self.request("public page, cold (whole request)", page, cold=True),
            self.request(WARM, page),
            self.view("200-block page, cold (view)", large),
            self.editor_save(SAVE_25, small),
            self.editor_save(SAVE_200, large),
        ]
        rows += self.over_http(page, large, duration)
        self.report(rows)

    # --- in-process -------------------------------------------------------------------------

    def cold_against_plain(self, portfolio: Portfolio) -> list[dict]:
        """The public view, cold (a fresh render each time), and the plain Django view of the
        same page, called in turn so that both meet the same load on the machine."""
        views = {COLD: public_page, PLAIN: plain_view}
        times: dict = {label: [] for label in views}
        queries: dict = {label: [] for label in views}
        sizes: dict = {}
        request = RequestFactory().get(f"/p/{portfolio.slug}/")
        for _ in range(ROUNDS):
            for label, view in views.items():
                published.forget(f"p/{portfolio.slug}")
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as captured:
                    response = view(request, portfolio.slug)
                times[label].append(time.perf_counter() - start)
                queries[label].append(len(captured))
                sizes[label] = len(response.content)
                assert response.status_code == 200, response.status_code
        render = self.render_time(portfolio)
        # Each cold request over the plain one made just after it: steady under a busy machine.
        ratio = statistics.median(c / p for c, p in zip(times[COLD], times[PLAIN], strict=True))
        cold = _row(COLD, times[COLD], queries[COLD], render=render)
        return [
            {**cold, "size": sizes[COLD], "ratio": ratio},
            {**_row(PLAIN, times[PLAIN], queries[PLAIN]), "size": sizes[PLAIN]},
        ]

    def view(self, label: str, portfolio: Portfolio) -> dict:
        """The public view alone (no middleware), cold: a fresh render every time."""
        request = RequestFactory().get(f"/p/{portfolio.slug}/")
        times, queries = [], []
        for _ in range(ROUNDS // 3):
            published.forget(f"p/{portfolio.slug}")
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = public_page(request, portfolio.slug)
            times.append(time.perf_counter() - start)
            queries.append(len(captured))
            assert response.status_code == 200, response.status_code
        return _row(label, times, queries, render=self.render_time(portfolio))

    def render_time(self, portfolio: Portfolio) -> float:
        snap, times = portfolio.live.snapshot, []
        for _ in range(20):
            start = time.perf_counter()
            render_page(snap, "", base_url="http://bench/p/x/")
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def request(self, label: str, portfolio: Portfolio, cold: bool = False) -> dict:
        """A whole request through every middleware, as a visitor's browser makes it."""
        client, url = Client(), f"/p/{portfolio.slug}/"
        client.get(url)
        times, queries = [], []
        for _ in range(ROUNDS):
            if cold:
                published.forget(f"p/{portfolio.slug}")
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, headers={"Accept-Encoding": "gzip"})
            times.append(time.perf_counter() - start)
            queries.append(len(captured))
            assert response.status_code == 200, response.status_code
        return _row(label, times, queries)

    def editor_save(self, label: str, portfolio: Portfolio) -> dict:
        client = Client()
        client.force_login(portfolio.owner)
        block = portfolio.pages[0]["blocks"][0]
        url = f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/"
        times, queries = [], []
        rev = block["rev"]
        for n in range(ROUNDS):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.post(
                    url, {"rev": rev, "b-heading": f"Heading {n}"}, headers={"HX-Request": "true"}
                )
            times.append(time.perf_counter() - start)
            queries.append(len(captured))
            assert response.status_code == 200
            rev += 1
        return _row(label, times[1:], queries[1:])  # the first one also records the session

    # --- over HTTP --------------------------------------------------------------------------

    def over_http(self, page: Portfolio, large: Portfolio, duration: int) -> list[dict]:
        with tempfile.TemporaryDirectory() as tmp, _gunicorn(tmp) as base:
            html = urllib.request.urlopen(f"{base}/p/{page.slug}/").read()
            Path(tmp, "page.html").write_bytes(html)
            rows = [
                _load(HTTP_WARM, f"{base}/p/{page.slug}/", duration),
                _load("HTTP 200-block page, warm", f"{base}/p/{large.slug}/", duration),
                _load(STATIC, f"{base}/static/site/site.css", duration),
                # What a view costs besides the page (which counts nothing itself): the beacon,
                # one Redis round trip. Information, not a check: a shared machine's Redis
                # latency decides it.
                _load(BEACON, base + _beacon(html), duration, headers=BROWSER),
            ]
            with _nginx(tmp, upstream=base) as nginx:
                if nginx:
                    url = f"{nginx['proxy']}/p/{page.slug}/"
                    _assert_cached(url)
                    rows.append(_load(PROXY, url, duration))
                    rows.append(_load(NGINX_FILE, nginx["file"], duration))
        return rows

    def report(self, rows: list[dict]) -> None:
        columns = ["req/s", "p50 ms", "p99 ms", "queries", "render ms"]
        header = f"{'target':44} " + " ".join(f"{c:>9}" for c in columns)
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for r in rows:
            self.stdout.write(
                f"{r['label']:44} {r['rps']:9.0f} {r['p50']:9.2f} {r['p99']:9.2f} "
                f"{r['queries']:>9} {r['render']:>9}"
            )
        by = {r["label"]: r for r in rows}
        cold, plain, warm = by[COLD], by[PLAIN], by[WARM]
        ratios = {
            "cold page / plain Django view (time)": cold["ratio"],
            "cached page / static file (req/s)": _ratio(by, HTTP_WARM, STATIC),
            "counting beacon / static file (req/s)": _ratio(by, BEACON, STATIC),
            "nginx-cached page / nginx file (req/s)": _ratio(by, PROXY, NGINX_FILE),
        }
        self.stdout.write("")
        self.stdout.write(
            f"HTML of the page: {cold['size'] / 1000:.1f} kB from the app's templates, "
            f"{plain['size'] / 1000:.1f} kB from the plain view (the same markup)"
        )
        for name, value in ratios.items():
            self.stdout.write(f"{name}: {value:.2f}×" if value else f"{name}: not measured")
        big = by["200-block page, cold (view)"]
        saves = by[SAVE_25], by[SAVE_200]
        cold_ratio, static_ratio, _, proxy_ratio = ratios.values()
        queries_ok = cold["max_queries"] <= 3 and warm["max_queries"] == 0
        checks = [
            ("public page ≤ 3 queries cold, 0 warm", queries_ok),
            ("cold page ≤ 1.5× the plain Django view", cold_ratio <= 1.5),
            ("20-block render < 15 ms", float(cold["render"]) < 15),
            ("200-block render < 100 ms", float(big["render"]) < 100),
            ("editor save ≤ 8 queries", all(s["max_queries"] <= 8 for s in saves)),
            ("editor save ≤ 15 ms at 200 blocks (p50)", saves[1]["p50"] <= 15),
            ("cached page ≥ 0.5× static file", (static_ratio or 0) >= 0.5),
            ("nginx-cached page ≥ 0.9× nginx file", (proxy_ratio or 0) >= 0.9),
        ]  # fmt: skip
        for name, ok in checks:
            self.stdout.write(f"{'PASS' if ok else 'FAIL'}  {name}")


def _vacuum() -> None:
    """On PostgreSQL, VACUUM what seeding rewrote, as autovacuum does in production: a
    development server may run without it, and then every run leaves the rows slower to read."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in (Portfolio, PortfolioRevision):
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def _ratio(by: dict, label: str, baseline: str) -> float | None:
    if label in by and baseline in by:
        return by[label]["rps"] / by[baseline]["rps"]
    return None


def _assert_cached(url: str) -> None:
    """The page comes from nginx's cache (after the first request filled it)."""
    for _ in range(3):
        with urllib.request.urlopen(url) as response:
            status = response.headers.get("X-Cache")
    assert status == "HIT", f"nginx did not cache {url}: X-Cache {status}"


def _row(label: str, times: list[float], queries: list[int], render: float | None = None):
    ordered = sorted(times)
    return {
        "label": label,
        "rps": len(times) / sum(times),
        "p50": statistics.median(ordered) * 1000,
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "queries": f"{statistics.median(queries):.0f}",
        "max_queries": max(queries),
        "render": f"{render * 1000:.2f}" if render is not None else "",
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _gunicorn:
    def __init__(self, tmp: str):
        self.tmp, self.port = tmp, _free_port()

    def __enter__(self) -> str:
        # The same production settings as this process (see the Makefile's bench target).
        env = {**os.environ, "LOG_LEVEL": "WARNING", "DATABASE_URL": _database_url()}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "project.wsgi",
                "-b",
                f"127.0.0.1:{self.port}",
                "-w",
                str(os.cpu_count() or 2),
                "--log-level",
                "warning",
                # Its own control socket: the default (~/.gunicorn/gunicorn.ctl) is shared by
                # every gunicorn on the machine, so a second server would take it over.
                "--control-socket",
                f"{self.tmp}/gunicorn.ctl",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        return base

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return os.environ["DATABASE_URL"]


class _nginx:
    """nginx with deploy/nginx.conf (TLS off, local ports and folders) in front of gunicorn,
    and a second server that sends the same page as a plain file."""

    def __init__(self, tmp: str, upstream: str):
        self.tmp, self.upstream = tmp, upstream
        self.binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )

    def __enter__(self) -> dict | None:
        if not self.binary:
            return None
        proxy, redirect, file = _free_port(), _free_port(), _free_port()
        site = Path(self.tmp, "grooya.conf")
        site.write_text(_local_site(self.tmp, self.upstream, proxy, redirect))
        conf = Path(self.tmp, "nginx.conf")
        # Workers run as this user (not nobody), so they can use the private temporary folder.
        user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
        conf.write_text(
            f"{user} daemon off; worker_processes auto; pid {self.tmp}/nginx.pid;"
            " error_log stderr;"
            f"events {{}} http {{ access_log off; include {site};"
            f" server {{ listen 127.0.0.1:{file}; root {self.tmp};"
            f" location / {{ try_files /page.html =404; }} }} }}"
        )
        self.process = subprocess.Popen([self.binary, "-c", str(conf), "-p", self.tmp])
        time.sleep(0.5)
        assert self.process.poll() is None, "nginx did not start: see the message above"
        return {"proxy": f"http://127.0.0.1:{proxy}", "file": f"http://127.0.0.1:{file}/"}

    def __exit__(self, *exc) -> None:
        if self.binary:
            self.process.terminate()
            self.process.wait(timeout=10)


def _local_site(tmp: str, upstream: str, port: int, redirect_port: int) -> str:
    """deploy/nginx.conf as shipped, on local ports and folders and without TLS."""
    text = Path(settings.BASE_DIR, "deploy", "nginx.conf").read_text()
    changes = [
        ("/var/cache/nginx/grooya", f"{tmp}/nginx-cache"),
        ("server 127.0.0.1:8000;", f"server {upstream.removeprefix('http://')};"),
        ("listen 80;", f"listen 127.0.0.1:{redirect_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{port};"),
        ("/srv/grooya/staticfiles/", f"{settings.STATIC_ROOT}/"),
    ]
    for old, new in changes:
        assert old in text, f"deploy/nginx.conf no longer has {old!r}: update the bench"
        text = text.replace(old, new)
    return re.sub(r"^\s*ssl_certificate.*$", "", text, flags=re.MULTILINE)


def _beacon(html: bytes) -> str:
    """The analytics beacon of a public page (its <noscript> image)."""
    found = re.search(rb'<noscript><img src="([^"]+)"', html)
    return found[1].decode().replace("&amp;", "&")


def _load(label: str, url: str, duration: int, headers: dict | None = None) -> dict:
    if shutil.which("wrk"):
        return _wrk(label, url, duration, headers or {})
    return _threaded(label, url, duration, headers=headers or {})


def _wrk(label: str, url: str, duration: int, headers: dict) -> dict:
    options = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", *options, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(percentile: str) -> float:
        value = next(
            line.split()[-1] for line in out.splitlines() if line.strip().startswith(percentile)
        )
        for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
            if value.endswith(unit):
                return float(value.removesuffix(unit)) * factor
        return float(value)

    assert "Non-2xx" not in out, f"{url} answered errors under load:\n{out}"
    rps = float(next(line.split()[-1] for line in out.splitlines() if "Requests/sec" in line))
    return {
        "label": label,
        "rps": rps,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "queries": "",
        "max_queries": 0,
        "render": "",
    }


def _threaded(
    label: str, url: str, duration: int, threads: int = 8, headers: dict | None = None
) -> dict:
    times: list[float] = []
    stop = time.perf_counter() + duration

    def worker():
        while time.perf_counter() < stop:
            start = time.perf_counter()
            urllib.request.urlopen(urllib.request.Request(url, headers=headers or {})).read()
            times.append(time.perf_counter() - start)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    row = _row(label, times, [0])
    row.update(rps=len(times) / duration, queries="")
    return row
