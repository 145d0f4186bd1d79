"""`make bench`: how fast are public pages and the editor? A benchmark, not a test.

Seeds a realistic 25-block and a 200-block portfolio, measures in-process render times and SQL
queries per request, then serves the app with gunicorn and production settings and loads it
from 127.0.0.1 (wrk when installed, else a small threaded client), with a static file from the
same stack (and nginx serving the same HTML, when installed) as the baseline.
"""

import os
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
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.accounts.models import User
from apps.portfolios import cache as page_cache
from apps.portfolios.models import Portfolio
from apps.portfolios.rendering import render_page

BLOCK_MIX = [
    "hero",
    "about",
    "rich_text",
    "projects",
    "skills",
    "experience",
    "education",
    "testimonials",
    "stats",
    "links",
    "cta",
    "gallery",
    "divider",
    "contact",
]
DURATION = 5  # seconds of load per target


class Command(BaseCommand):
    help = "Benchmark public pages and the editor (see README 'Performance')."

    def add_arguments(self, parser):
        parser.add_argument("--duration", type=int, default=DURATION)

    def handle(self, *args, duration: int, **options) -> None:
        small, large = self.seed(25), self.seed(200)
        rows = [
            self.in_process("public page, cold (render + cache fill)", small, cold=True),
            self.in_process("public page, warm (cache hit)", small),
            self.in_process("200-block page, cold", large, cold=True),
            self.editor_save(small),
            self.editor_save(large),
        ]
        rows += self.over_http(small, large, duration)
        self.report(rows)

    # --- data -----------------------------------------------------------------------------

    def seed(self, size: int) -> Portfolio:
        user, _ = User.objects.get_or_create(
            email="bench@grooya.test", defaults={"name": "Bench Marker"}
        )
        Portfolio.objects.filter(slug=f"bench-{size}").delete()
        portfolio = Portfolio.objects.create(
            owner=user, title=f"Bench {size}", slug=f"bench-{size}"
        )
        page = portfolio.pages[0]["id"]
        for i in range(size):
            portfolio.add_block(page, BLOCK_MIX[i % len(BLOCK_MIX)])
        portfolio.publish(by=user)
        return portfolio

    # --- in-process -------------------------------------------------------------------------

    def in_process(self, label: str, portfolio: Portfolio, cold: bool = False) -> dict:
        client, url = Client(), f"/p/{portfolio.slug}/"
        client.get(url)
        snap = portfolio.live.snapshot
        renders, times, queries = [], [], []
        for _ in range(50):
            if cold:
                page_cache.forget(portfolio.slug)
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            times.append(time.perf_counter() - start)
            queries.append(len(captured))
            assert response.status_code == 200, response.status_code
            start = time.perf_counter()
            render_page(snap, "", base_url="http://bench/p/x/")
            renders.append(time.perf_counter() - start)
        return _row(label, times, queries, render=statistics.median(renders))

    def editor_save(self, portfolio: Portfolio) -> dict:
        client = Client()
        client.force_login(portfolio.owner)
        block = portfolio.pages[0]["blocks"][0]
        url = f"/portfolios/{portfolio.pk}/edit/blocks/{block['id']}/"
        times, queries = [], []
        rev = block["rev"]
        for n in range(30):
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.post(
                    url, {"rev": rev, "b-heading": f"Heading {n}"}, headers={"HX-Request": "true"}
                )
            times.append(time.perf_counter() - start)
            queries.append(len(captured))
            assert response.status_code == 200
            rev += 1
        size = len(portfolio.pages[0]["blocks"])
        return _row(f"editor block save ({size} blocks)", times, queries)

    # --- over HTTP --------------------------------------------------------------------------

    def over_http(self, small: Portfolio, large: Portfolio, duration: int) -> list[dict]:
        with tempfile.TemporaryDirectory() as tmp, _gunicorn(tmp) as base:
            Path(tmp, "page.html").write_text(
                urllib.request.urlopen(f"{base}/p/bench-25/").read().decode()
            )
            static = f"{base}/static/site/site.css"
            rows = [
                _load("HTTP public page, warm (gunicorn)", f"{base}/p/{small.slug}/", duration),
                _load("HTTP 200-block page, warm", f"{base}/p/{large.slug}/", duration),
                _load("HTTP static file (WhiteNoise, baseline)", static, duration),
            ]
            with _nginx(tmp) as nginx:
                if nginx:
                    rows.append(_load("HTTP same HTML from nginx", nginx, duration))
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
        warm = by.get("HTTP public page, warm (gunicorn)")
        static = by.get("HTTP static file (WhiteNoise, baseline)")
        self.stdout.write("")
        if warm and static:
            self.stdout.write(f"cached page / static file: {warm['rps'] / static['rps']:.2f}×")
        nginx = by.get("HTTP same HTML from nginx")
        if warm and nginx:
            self.stdout.write(f"cached page / nginx: {warm['rps'] / nginx['rps']:.2f}×")
        cold, hot = (
            by["public page, cold (render + cache fill)"],
            by["public page, warm (cache hit)"],
        )
        big = by["200-block page, cold"]
        checks = [
            ("public page ≤ 3 queries cold", cold["max_queries"] <= 3),
            ("public page 0 queries warm", hot["max_queries"] == 0),
            (
                "editor save: same queries for 25 and 200 blocks",
                by["editor block save (25 blocks)"]["max_queries"]
                == by["editor block save (200 blocks)"]["max_queries"],
            ),
            ("25-block render < 15 ms", float(cold["render"]) < 15),
            ("200-block render < 100 ms", float(big["render"]) < 100),
            (
                "cached page ≥ 0.5× static rps",
                bool(warm and static and warm["rps"] >= 0.5 * static["rps"]),
            ),
        ]
        for name, ok in checks:
            self.stdout.write(f"{'PASS' if ok else 'FAIL'}  {name}")


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
    def __init__(self, tmp: str):
        self.tmp, self.port = tmp, _free_port()
        self.binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )

    def __enter__(self) -> str | None:
        if not self.binary:
            return None
        conf = Path(self.tmp, "nginx.conf")
        conf.write_text(
            f"daemon off; worker_processes auto; pid {self.tmp}/nginx.pid; error_log stderr;"
            f"events {{}} http {{ access_log off; server {{ listen 127.0.0.1:{self.port};"
            f" root {self.tmp}; location / {{ try_files /page.html =404; }} }} }}"
        )
        self.process = subprocess.Popen(
            [self.binary, "-c", str(conf), "-p", self.tmp], stderr=subprocess.DEVNULL
        )
        time.sleep(0.5)
        return f"http://127.0.0.1:{self.port}/"

    def __exit__(self, *exc) -> None:
        if self.binary:
            self.process.terminate()
            self.process.wait(timeout=10)


def _load(label: str, url: str, duration: int) -> dict:
    if shutil.which("wrk"):
        return _wrk(label, url, duration)
    return _threaded(label, url, duration)


def _wrk(label: str, url: str, duration: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", url],
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


def _threaded(label: str, url: str, duration: int, threads: int = 8) -> dict:
    times: list[float] = []
    stop = time.perf_counter() + duration

    def worker():
        while time.perf_counter() < stop:
            start = time.perf_counter()
            urllib.request.urlopen(url).read()
            times.append(time.perf_counter() - start)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    row = _row(label, times, [0])
    row.update(rps=len(times) / duration, queries="")
    return row
