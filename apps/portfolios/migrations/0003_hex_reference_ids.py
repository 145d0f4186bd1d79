"""One spelling for the ids documents store: uuid4().hex.

Block and page ids were hex already; the ids blocks store of assets and library items were
dashed (str(uuid)). This rewrites them in every draft and every revision snapshot. Backwards it
writes those references dashed again, as the code before expects; block and page ids stay hex,
which that code wrote too.
"""

import uuid

from django.db import migrations

# The data keys holding ids, per block type, as they were when this migration was written:
# later declarations (apps/blocks/types/) may differ, so they are not imported.
REFERENCES = {
    "hero": ("image",),
    "about": ("image",),
    "gallery": ("images",),
    "projects": ("items",),
    "case_study": ("project",),
    "experience": ("items",),
    "education": ("items",),
}


def hex_id(value):
    return _respell(value, lambda u: u.hex)


def dashed_id(value):
    return _respell(value, str)


def _respell(value, spelling):
    if not isinstance(value, str) or not value:
        return value
    try:
        return spelling(uuid.UUID(value))
    except ValueError:
        return value


def respell_pages(pages, spelling, *, own_ids: bool):
    """`pages` with every reference (and, when `own_ids`, every page and block id) respelled."""
    if not isinstance(pages, list):
        return pages
    out = []
    for page in pages:
        if not isinstance(page, dict):
            out.append(page)
            continue
        page = dict(page)
        if own_ids:
            page["id"] = hex_id(page.get("id"))
        blocks = page.get("blocks")
        if isinstance(blocks, list):
            page["blocks"] = [_respell_block(b, spelling, own_ids=own_ids) for b in blocks]
        out.append(page)
    return out


def _respell_block(block, spelling, *, own_ids: bool):
    if not isinstance(block, dict) or not isinstance(block.get("data"), dict):
        return block
    block, data = dict(block), dict(block["data"])
    if own_ids:
        block["id"] = hex_id(block.get("id"))
    for key in REFERENCES.get(block.get("type"), ()):
        value = data.get(key)
        data[key] = [spelling(v) for v in value] if isinstance(value, list) else spelling(value)
    block["data"] = data
    return block


def _rewrite(apps, spelling, *, own_ids: bool):
    Portfolio = apps.get_model("portfolios", "Portfolio")
    PortfolioRevision = apps.get_model("portfolios", "PortfolioRevision")
    for portfolio in in_batches(Portfolio.objects.only("pages")):
        pages = respell_pages(portfolio.pages, spelling, own_ids=own_ids)
        if pages != portfolio.pages:
            Portfolio.objects.filter(pk=portfolio.pk).update(pages=pages)
    for revision in in_batches(PortfolioRevision.objects.only("snapshot")):
        snap = revision.snapshot
        if not isinstance(snap, dict) or "pages" not in snap:
            continue
        pages = respell_pages(snap["pages"], spelling, own_ids=own_ids)
        if pages != snap["pages"]:
            PortfolioRevision.objects.filter(pk=revision.pk).update(
                snapshot={**snap, "pages": pages}
            )


def in_batches(queryset, size=200):
    """Rows by primary key, a batch at a time: no cursor stays open while rows are updated."""
    last = None
    while True:
        batch = queryset.order_by("pk")
        batch = list((batch.filter(pk__gt=last) if last else batch)[:size])
        if not batch:
            return
        yield from batch
        last = batch[-1].pk


def forwards(apps, schema_editor):
    _rewrite(apps, hex_id, own_ids=True)


def backwards(apps, schema_editor):
    _rewrite(apps, dashed_id, own_ids=False)


class Migration(migrations.Migration):
    dependencies = [
        ("portfolios", "0002_slugredirect"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=True)]
