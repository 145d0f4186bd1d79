"""The server half of the editor contract (README "how editing stays safe"), shared by the
portfolio and resume editors: which rev a save is based on, and what its answer shows.

A save is answered by components/editor/autosave.html#result: the item's status, its new rev
and its message slots — never a field — or, when another tab changed the item meanwhile, both
versions side by side.
"""

from uuid import UUID

from django import forms
from django.http import HttpRequest


def based_on(request: HttpRequest) -> int:
    """The rev a save is based on; "Keep my edit" after a conflict names the rev it overrides."""
    try:
        return int(request.POST.get("keep_rev") or request.POST.get("rev"))
    except (TypeError, ValueError):
        return 0


def answer(form: forms.Form, result, item: dict, values=lambda item: item) -> dict:
    """Context for the answer to a save. `result` is the operation's (None: the form was
    invalid); `item` is the stored item after it (ours, or theirs after a conflict), whose
    field values `values(item)` gives."""
    saved = bool(result and result.ok)
    conflict = result.conflict if result else None
    rows = _rows(form, values(conflict["theirs"]), conflict["mine"]) if conflict else None
    return {
        "item": item,
        "form": form,
        "saved": saved,
        "save_state": "saved" if saved else "conflict" if conflict else "invalid",
        "conflict": rows,
    }


def json_values(cleaned_data: dict) -> dict:
    """A form's cleaned data as JSON a document can store."""
    values = dict(cleaned_data)
    for key, value in values.items():
        if isinstance(value, UUID):
            values[key] = value.hex
        elif value is None:
            values[key] = ""
    return values


def _rows(form: forms.Form, theirs: dict, mine: dict) -> list[dict]:
    return [
        {
            "label": field.label or name.replace("_", " ").capitalize(),
            "theirs": readable(theirs.get(name)),
            "mine": readable(mine.get(name)),
        }
        for name, field in form.fields.items()
        if theirs.get(name) != mine.get(name) and (theirs.get(name) or mine.get(name))
    ]


def readable(value) -> str:
    if isinstance(value, list):
        return "; ".join(
            " – ".join(str(v) for v in item.values() if v) if isinstance(item, dict) else str(item)
            for item in value
        )
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return "" if value is None else str(value)
