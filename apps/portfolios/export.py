"""The published portfolio as a static site: a zip that works from disk or any static host."""

import io
import re
import zipfile
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.templatetags.static import static

from apps.assets.models import Asset

from .rendering import render_page

BASE = "https://grooya-export.invalid/p/site/"


def static_site(portfolio) -> bytes:
    snap = portfolio.live.snapshot
    media = _media(portfolio, snap)
    buffer = io.BytesIO()
    copied: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, page in enumerate(snap["pages"]):
            html, _ = render_page(
                snap, "" if index == 0 else page["slug"], base_url=BASE, origin=""
            )
            prefix = "" if index == 0 else "../"
            html, shown = _relative_media(html, prefix, media)
            copied.update(shown)
            path = "index.html" if index == 0 else f"{page['slug']}/index.html"
            archive.writestr(path, _relative(html, prefix))
        _add_static(archive, _static_files())
        for name in sorted(copied):
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as fh:
                    archive.writestr(f"media/{name}", fh.read())
    return buffer.getvalue()


def _media(portfolio, snap: dict) -> dict[str, str]:
    """{URL: stored name} of the files (original and renditions) of the owner's assets that the
    published snapshot resolved through the block types' declarations, with the profile photo
    and the link preview. A path that page text merely mentions is never looked up."""
    ids = list(snap["library"]["assets"])
    assets = Asset.objects.filter(owner_id=portfolio.owner_id, pk__in=ids)
    media = {a.file.storage.url(name): name for a in assets for name in a.stored_names()}
    drawn = snap["seo"].get("image") or {}
    if drawn.get("file"):  # the generated link preview (apps/core/link_preview.py)
        media[drawn["url"]] = drawn["file"]
    return media


def _relative_media(html: str, prefix: str, media: dict[str, str]) -> tuple[str, set[str]]:
    """The page with links to those files made relative, and the names it links."""
    if not media:
        return html, set()
    shown: set[str] = set()

    def relative(match: re.Match) -> str:
        shown.add(media[match[0]])
        return f"{prefix}media/{media[match[0]]}"

    urls = re.compile("|".join(re.escape(url) for url in sorted(media, key=len, reverse=True)))
    return urls.sub(relative, html), shown


def _relative(html: str, prefix: str) -> str:
    html = re.sub(re.escape(BASE) + r"([a-z0-9-]+)/", lambda m: f"{prefix}{m[1]}/index.html", html)
    html = html.replace(BASE, f"{prefix}index.html")
    for name, path in _static_files().items():
        # The page's URL for it (hashed by the production storage: site.3f2a….css) → the zip's.
        html = html.replace(f'"{static(name)}"', f'"{prefix}{path}"')
    return html


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
