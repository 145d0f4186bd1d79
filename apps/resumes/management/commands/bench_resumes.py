"""`make bench` (second part): how long resume files take. A benchmark, not a test.

Prints each file cold — a fresh print every time, no cache — for a realistic two-page resume,
a ten-page academic CV and a resume of 500 positions, and the warm (cached) PDF; the Word
file, the ATS check and a preview page image beside them; then checks the budgets of the README.
"""

import io
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from pypdf import PdfReader

from apps.resumes import ats, pdf, preview, word
from apps.resumes.rendering import resume_view

from ._bench_resume import realistic_resume

ROUNDS = 5


class Command(BaseCommand):
    help = "Benchmark resume PDFs, Word files, the ATS check and previews (README 'Performance')."

    def handle(self, *args, **options) -> None:
        two = realistic_resume(8, template="classic")
        ten = realistic_resume(44, publications=24, template="academic")
        huge = realistic_resume(500, template="classic")
        pdf.write_pdf(pdf.print_document(realistic_resume(1), "warm-up"))  # fonts, imports
        rows = [
            self.cold("PDF, two-page resume", two, ROUNDS),
            self.cold("PDF, ten-page academic CV", ten, 3),
            self.cold("PDF, 500 positions", huge, 1),
            self.timed("PDF, two-page resume, cached", lambda: pdf.pdf_for(two, "Bench"), 20),
            self.timed(
                "HTML for the PDF, 500 positions", lambda: pdf.print_document(huge, "B"), 3
            ),
            self.timed("Word file, two-page resume", lambda: word.docx_bytes(two, "Bench"), 5),
            self.timed("Word file, 500 positions", lambda: word.docx_bytes(huge, "Bench"), 1),
            self.ats("ATS check, two-page resume", two),
            self.page_image("Preview page image (PNG)", two),
        ]
        self.report(rows)

    def cold(self, label: str, content: dict, rounds: int) -> dict:
        document = pdf.print_document(content, "Bench")
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            data = pdf.write_pdf(document)
            times.append(time.perf_counter() - start)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        return _row(label, times, pages=pages, size=len(data))

    def timed(self, label: str, work, rounds: int) -> dict:
        work()
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return _row(label, times)

    def ats(self, label: str, content: dict) -> dict:
        data, _ = pdf.pdf_for(content, "Bench")
        view = resume_view(content)
        return self.timed(label, lambda: ats.check(data, view), 5)

    def page_image(self, label: str, content: dict) -> dict:
        document = pdf.print_document(content, "Bench")
        preview.pages("bench", document, [])

        def draw():
            cache.delete(f"resume-page:{document.version}:1")
            return preview.page_png("bench", document.version, 1)

        return self.timed(label, draw, 5)

    def report(self, rows: list[dict]) -> None:
        header = f"{'resume target':40} {'p50 ms':>9} {'max ms':>9} {'pages':>6} {'kB':>7}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for r in rows:
            self.stdout.write(
                f"{r['label']:40} {r['p50']:9.0f} {r['max']:9.0f} {r['pages']:>6} {r['size']:>7}"
            )
        by = {r["label"]: r for r in rows}
        two, ten = by["PDF, two-page resume"], by["PDF, ten-page academic CV"]
        checks = [
            ("a two-page resume, a ten-page CV", two["pages"] == 2 and ten["pages"] == 10),
            ("two-page resume PDF < 1 s (p50)", two["p50"] < 1000),
            ("ten-page CV PDF < 4 s (p50)", ten["p50"] < 4000),
            ("cached PDF < 50 ms", by["PDF, two-page resume, cached"]["p50"] < 50),
        ]  # fmt: skip
        self.stdout.write("")
        huge = by["PDF, 500 positions"]
        self.stdout.write(
            f"500 positions: {huge['pages']} pages in {huge['p50'] / 1000:.1f} s "
            f"({huge['p50'] / huge['pages']:.0f} ms a page)"
        )
        for name, ok in checks:
            self.stdout.write(f"{'PASS' if ok else 'FAIL'}  {name}")


def _row(label: str, times: list[float], pages="", size=0) -> dict:
    return {
        "label": label,
        "p50": statistics.median(times) * 1000,
        "max": max(times) * 1000,
        "pages": pages,
        "size": f"{size / 1000:.0f}" if size else "",
    }
