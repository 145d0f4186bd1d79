"""The published portfolio as a static site: a zip that works from disk or any static host."""

import io
import re
import zipfile
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.templatetags.static import static

from .rendering import render_page

BASE = "https://grooya-export.invalid/p/site/"
MEDIA_URL = re.compile(r"/media/([\w./-]+)")


def static_site(portfolio) -> bytes:
    snap = portfolio.live.snapshot
    buffer = io.BytesIO()
    media: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, page in enumerate(snap["pages"]):
            html, _ = render_page(
                snap, "" if index == 0 else page["slug"], base_url=BASE, origin=""
            )
            prefix = "" if index == 0 else "../"
            media.update(MEDIA_URL.findall(html))
            path = "index.html" if index == 0 else f"{page['slug']}/index.html"
            archive.writestr(path, _relative(html, prefix))
        _add_static(archive, _static_files())
        for name in sorted(media):
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as fh:
                    archive.writestr(f"media/{name}", fh.read())
    return buffer.getvalue()


def _relative(html: str, prefix: str) -> str:
    html = re.sub(re.escape(BASE) + r"([a-z0-9-]+)/", lambda m: f"{prefix}{m[1]}/index.html", html)
    html = html.replace(BASE, f"{prefix}index.html")
    for name, path in _static_files().items():
        # The page's URL for it (hashed by the production storage: site.3f2a….css) → the zip's.
        html = html.replace(f'"{static(name)}"', f'"{prefix}{path}"')
    return MEDIA_URL.sub(lambda m: f"{prefix}media/{m[1]}", html)


def _static_files() -> dict[str, str]:
    """Static files a page links to → where they go in the zip. The stylesheet goes as written
    (its fonts under their own names, beside it), not as the production storage renamed it."""
    fonts = Path(finders.find("site/site.css")).parent.glob("fonts/*.woff2")
    return {
        "site/site.css": "assets/site.css",
        "img/favicon.svg": "assets/favicon.svg",
        **{f"site/fonts/{font.name}": f"assets/fonts/{font.name}" for font in sorted(fonts)},
    }


def _add_static(archive: zipfile.ZipFile, files: dict[str, str]) -> None:
    for name, path in files.items():
        archive.write(finders.find(name), path)
