"""Editor operations on a resume's content, mixed into the Resume model.

Each runs `Resume._edit`: lock the row, change the fresh content, validate it whole, save.
Items, the contact details (`basics`) and the layout carry a `rev`; a change based on an old one
is reported as a conflict with both versions and changes nothing. Moving, hiding and renaming
sections, and reordering items, merge with whatever else happened meanwhile.
"""

import copy
from dataclasses import dataclass, field

from .content import layout, new_id
from .sections import SECTIONS


@dataclass
class EditResult:
    """What an operation did. `conflict` carries both versions when a rev was stale."""

    ok: bool = True
    message: str = ""
    item: dict | None = None
    conflict: dict | None = None
    removed: dict = field(default_factory=dict)  # what a delete took away, for undo


GONE = "This item was deleted in another tab."


class ResumeEditing:
    def update_item(
        self, section: str, item_id: str, values: dict, *, based_on: int, by=None
    ) -> EditResult:
        def change(content):
            item = _item(content, section, item_id)
            if item is None:
                return EditResult(False, GONE)
            if item["rev"] != based_on:
                theirs = copy.deepcopy(item)
                return EditResult(
                    False, CHANGED, item=item, conflict={"theirs": theirs, "mine": values}
                )
            _set_values(item, values)
            item["rev"] += 1
            return EditResult(item=item)

        return self._edit(change, by)

    def update_basics(self, values: dict, *, based_on: int, by=None) -> EditResult:
        def change(content):
            basics = content["basics"]
            if basics.get("rev", 1) != based_on:
                theirs = copy.deepcopy(basics)
                return EditResult(
                    False, CHANGED, item=basics, conflict={"theirs": theirs, "mine": values}
                )
            _set_values(basics, values)
            basics["rev"] = basics.get("rev", 1) + 1
            return EditResult(item=basics)

        return self._edit(change, by)

    def set_design(self, values: dict, by=None) -> EditResult:
        """Template, page size, accent, font, date format: the last choice wins."""

        def change(content):
            chosen = layout(content)
            chosen.update(values)
            chosen["rev"] += 1
            return EditResult(item=chosen)

        return self._edit(change, by)

    def add_item(self, section: str, *, after: str | None = None, values=None, by=None):
        def change(content):
            items = content[section]
            item = {"id": new_id(), "rev": 1, **(values or {})}
            ids = [i["id"] for i in items]
            items.insert(ids.index(after) + 1 if after in ids else len(items), item)
            _show(content, section)
            return EditResult(item=item)

        return self._edit(change, by)

    def duplicate_item(self, section: str, item_id: str, by=None) -> EditResult:
        def change(content):
            item = _item(content, section, item_id)
            if item is None:
                return EditResult(False, GONE)
            twin = {**copy.deepcopy(item), "id": new_id(), "rev": 1}
            items = content[section]
            items.insert(items.index(item) + 1, twin)
            return EditResult(item=twin)

        return self._edit(change, by)

    def delete_item(self, section: str, item_id: str, by=None) -> EditResult:
        def change(content):
            item = _item(content, section, item_id)
            if item is None:
                return EditResult(False, "This item was already deleted.")
            index = content[section].index(item)
            content[section].remove(item)
            return EditResult(removed={"section": section, "index": index, "item": item})

        return self._edit(change, by)

    def restore_item(self, section: str, index: int, item: dict, by=None) -> EditResult:
        """Undo a delete: the item goes back where it was."""

        def change(content):
            if _item(content, section, item["id"]):
                return EditResult(False, "This item is already back.")
            items = content[section]
            items.insert(max(0, min(index, len(items))), copy.deepcopy(item))
            return EditResult(item=item)

        return self._edit(change, by)

    def move_item(self, section: str, item_id: str, index: int, by=None) -> EditResult:
        def change(content):
            item = _item(content, section, item_id)
            if item is None:
                return EditResult(False, GONE)
            items = content[section]
            items.remove(item)
            items.insert(max(0, min(index, len(items))), item)
            return EditResult(item=item)

        return self._edit(change, by)

    def reorder_items(self, section: str, item_ids: list[str], by=None) -> EditResult:
        """Put a section's items in this order; items the list does not name keep their place
        after the named ones (say, added in another tab meanwhile)."""

        def change(content):
            rank = {item_id: i for i, item_id in enumerate(item_ids)}
            content[section].sort(key=lambda item: rank.get(item["id"], len(rank)))
            return EditResult()

        return self._edit(change, by)

    def move_section(self, section: str, index: int, by=None) -> EditResult:
        def change(content):
            order = layout(content)["order"]
            order.remove(section)
            order.insert(max(0, min(index, len(order))), section)
            return EditResult()

        return self._edit(change, by)

    def reorder_sections(self, keys: list[str], by=None) -> EditResult:
        """Put the sections in this order; ones the list does not name keep theirs after."""

        def change(content):
            rank = {key: i for i, key in enumerate(keys)}
            layout(content)["order"].sort(key=lambda key: rank.get(key, len(rank)))
            return EditResult()

        return self._edit(change, by)

    def set_section(
        self, section: str, *, heading: str | None = None, shown: bool | None = None, by=None
    ) -> EditResult:
        """Show or hide a section, or give it a heading of one's own ("Experience"; empty goes
        back to the standard one). Both merge with whatever else changed meanwhile."""

        def change(content):
            chosen = layout(content)
            if shown is not None:
                if shown and section in chosen["hidden"]:
                    chosen["hidden"].remove(section)
                elif not shown and section not in chosen["hidden"]:
                    chosen["hidden"].append(section)
            if heading is not None:
                if heading.strip() and heading.strip() != SECTIONS[section].label:
                    chosen["headings"][section] = heading.strip()
                else:
                    chosen["headings"].pop(section, None)
            return EditResult()

        return self._edit(change, by)


CHANGED = "This item changed in another tab."


def _item(content: dict, section: str, item_id: str) -> dict | None:
    return next((i for i in content[section] if i["id"] == item_id), None)


def _show(content: dict, section: str) -> None:
    hidden = layout(content)["hidden"]
    if section in hidden:
        hidden.remove(section)


def _set_values(target: dict, values: dict) -> None:
    """Write the form's values; empty ones are removed rather than stored as "" (JSON Resume
    leaves out what is unknown, and an absent endDate means "still going")."""
    for key, value in values.items():
        if value in ("", [], None) or value == {}:
            target.pop(key, None)
        else:
            target[key] = value
