"""Editor operations on a portfolio's pages and blocks, mixed into the Portfolio model.

Each operation runs `Portfolio._edit`: lock the row, change a fresh copy of the document,
validate the whole of it, save. A block update names the `rev` it was based on; a stale one is
reported as a conflict with both versions and changes nothing.
"""

import copy
from dataclasses import dataclass, field

from apps.blocks import registry
from apps.blocks.validation import clean_block, new_id
from apps.core.slugs import slugify, unique_slug


@dataclass
class EditResult:
    """What an editor operation did. `conflict` carries both versions when a rev was stale."""

    ok: bool = True
    message: str = ""
    block: dict | None = None
    page: dict | None = None
    conflict: dict | None = None
    removed: dict = field(default_factory=dict)  # what a delete took away, for undo


class DocumentEditing:
    def add_block(
        self, page_id: str, block_type: str, *, after: str | None = None, by=None
    ) -> EditResult:
        kind = registry.get(block_type)

        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "This page was deleted in another tab.")
            block = {"id": new_id(), "type": kind.name, "rev": 1, "data": kind.default_data()}
            ids = [b["id"] for b in page["blocks"]]
            index = ids.index(after) + 1 if after in ids else len(ids)
            page["blocks"].insert(index, block)
            return EditResult(block=block, page=page)

        return self._edit(change, by)

    def update_block(self, block_id: str, data: dict, *, based_on: int, by=None) -> EditResult:
        def change(pages):
            found = find_block(pages, block_id)
            if found is None:
                return EditResult(False, "This block was deleted in another tab.")
            page, block, _ = found
            if block["rev"] != based_on:
                return EditResult(
                    False,
                    "This block changed in another tab.",
                    block=block,
                    conflict={"theirs": block, "mine": data},
                )
            block["data"] = clean_block({**block, "data": data})["data"]
            block["rev"] += 1
            return EditResult(block=block, page=page)

        return self._edit(change, by)

    def move_block(self, block_id: str, *, page_id: str, index: int, by=None) -> EditResult:
        def change(pages):
            found = find_block(pages, block_id)
            target = _page(pages, page_id)
            if found is None or target is None:
                return EditResult(False, "This block was deleted in another tab.")
            source, block, old = found
            source["blocks"].pop(old)
            target["blocks"].insert(max(0, min(index, len(target["blocks"]))), block)
            return EditResult(block=block, page=target)

        return self._edit(change, by)

    def reorder_blocks(self, page_id: str, block_ids: list[str], by=None) -> EditResult:
        """Put a page's blocks in the given order. Blocks the list does not name (say, added in
        another tab meanwhile) keep their relative order after the named ones."""

        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "This page was deleted in another tab.")
            rank = {block_id: i for i, block_id in enumerate(block_ids)}
            page["blocks"].sort(key=lambda b: rank.get(b["id"], len(rank)))
            return EditResult(page=page)

        return self._edit(change, by)

    def duplicate_block(self, block_id: str, by=None) -> EditResult:
        def change(pages):
            found = find_block(pages, block_id)
            if found is None:
                return EditResult(False, "This block was deleted in another tab.")
            page, block, index = found
            twin = {**copy.deepcopy(block), "id": new_id(), "rev": 1}
            page["blocks"].insert(index + 1, twin)
            return EditResult(block=twin, page=page)

        return self._edit(change, by)

    def delete_block(self, block_id: str, by=None) -> EditResult:
        def change(pages):
            found = find_block(pages, block_id)
            if found is None:
                return EditResult(False, "This block was already deleted.")
            page, block, index = found
            page["blocks"].pop(index)
            return EditResult(page=page, removed={"block": block, "index": index})

        return self._edit(change, by)

    def restore_block(self, page_id: str, index: int, block: dict, by=None) -> EditResult:
        """Undo a delete: put the block back where it was (if its page still exists)."""
        block = clean_block(block)

        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "The page this block was on has been deleted.")
            if find_block(pages, block["id"]):
                return EditResult(False, "This block is already back.")
            page["blocks"].insert(max(0, min(index, len(page["blocks"]))), block)
            return EditResult(block=block, page=page)

        return self._edit(change, by)

    def add_page(self, title: str, by=None) -> EditResult:
        def change(pages):
            slug = unique_slug(slugify(title, 40) or "page", {p["slug"] for p in pages})
            page = {"id": new_id(), "slug": slug, "title": title, "rev": 1, "blocks": []}
            pages.append(page)
            return EditResult(page=page)

        return self._edit(change, by)

    def update_page(
        self, page_id: str, *, title: str, slug: str, based_on: int, by=None
    ) -> EditResult:
        """Rename a page or change its address. Like blocks, a page carries a `rev`: a change
        based on an old one is not applied, and the result carries the saved page."""

        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "This page was deleted in another tab.")
            if page.get("rev", 1) != based_on:
                return EditResult(False, "This page changed in another tab.", conflict=page)
            if any(p["slug"] == slug and p["id"] != page_id for p in pages):
                return EditResult(False, f"Another page already uses “{slug}”.")
            page.update(title=title, slug=slug, rev=page.get("rev", 1) + 1)
            return EditResult(page=page)

        return self._edit(change, by)

    def move_page(self, page_id: str, index: int, by=None) -> EditResult:
        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "This page was deleted in another tab.")
            pages.remove(page)
            pages.insert(max(0, min(index, len(pages))), page)
            return EditResult(page=page)

        return self._edit(change, by)

    def delete_page(self, page_id: str, by=None) -> EditResult:
        def change(pages):
            page = _page(pages, page_id)
            if page is None:
                return EditResult(False, "This page was already deleted.")
            if len(pages) == 1:
                return EditResult(False, "A portfolio needs at least one page.")
            pages.remove(page)
            return EditResult(removed={"page": page})

        return self._edit(change, by)


def _page(pages: list[dict], page_id: str) -> dict | None:
    return next((p for p in pages if p["id"] == page_id), None)


def find_block(pages: list[dict], block_id: str) -> tuple[dict, dict, int] | None:
    for page in pages:
        for index, block in enumerate(page["blocks"]):
            if block["id"] == block_id:
                return page, block, index
    return None
