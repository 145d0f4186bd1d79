"""Importing a JSON Resume document (https://jsonresume.org/schema), pasted or uploaded.

Malformed JSON is reported by line and column; a document that is JSON but not a valid resume
gets every problem by path (`work[2].startDate: "2013-13" is not a date …`). Everything the
schema allows is kept, extra properties included. What the database or the page could not hold
— null characters, broken UTF-16 halves, infinite numbers, absurd nesting — is refused with
its path, before anything is stored.
"""

import json
import math

from ..content import MAX_BYTES, ContentError, clean_content
from ..sections import SECTIONS
from . import Imported, ImportProblem

MAX_DEPTH = 32  # a resume is 5 levels deep; extra properties may nest a little more


def read(data: bytes) -> Imported:
    """A document from an uploaded file's bytes (UTF-8, with or without a BOM)."""
    if len(data) > MAX_BYTES:
        raise ImportProblem([too_large()])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            [f"The file is not UTF-8 text (byte {exc.start + 1} is not). Save it as UTF-8."]
        ) from None
    return parse(text)


def parse(text: str) -> Imported:
    if not text.strip():
        raise ImportProblem(["Paste a JSON Resume document, or choose its file."])
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ImportProblem([too_large()])
    try:
        doc = json.loads(text.lstrip("\ufeff"), parse_constant=_refuse, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            [f"This is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}."]
        ) from None
    except RecursionError:
        raise ImportProblem(["The JSON is nested too deeply to be a resume."]) from None
    except NotFinite as exc:
        raise ImportProblem([f"This JSON has a number that is not finite: {exc}."]) from None
    except ValueError:  # Python refuses to read integers of thousands of digits
        raise ImportProblem(["This JSON has a number thousands of digits long."]) from None
    if problems := list(_unstorable(doc)):
        raise ImportProblem(problems)
    notes = _take_out_our_fields(doc)
    try:
        content = clean_content(doc, assign_ids=True)
    except ContentError as exc:
        raise ImportProblem(exc.problems) from None
    title = content["basics"].get("label") or content["basics"].get("name") or "Imported resume"
    return Imported(content, title, notes)


def too_large() -> str:
    return f"That is larger than {MAX_BYTES // 1_000_000} MB; no resume is. Is it the right file?"


class NotFinite(ValueError):
    """NaN, Infinity or 1e999: Python reads them, but JSON columns and JSON Resume do not."""


def _refuse(constant: str):
    raise NotFinite(constant)


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise NotFinite(text[:20])
    return number


def _unstorable(doc):
    """Paths of values no database column or web page could hold, at most 20."""
    found = 0
    stack = [("resume", doc, 0)]
    while stack and found < 20:
        path, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            found += 1
            yield f"{path}: nested more than {MAX_DEPTH} levels deep."
            continue
        if isinstance(value, dict):
            for key, child in value.items():
                if problem := _bad_text(key):
                    found += 1
                    yield f"{path}: a property name {problem}"
                stack.append((f"{path}.{key}" if path != "resume" else key, child, depth + 1))
        elif isinstance(value, list):
            stack += [(f"{path}[{i}]", child, depth + 1) for i, child in enumerate(value)]
        elif isinstance(value, str) and (problem := _bad_text(value)):
            found += 1
            yield f"{path}: {problem}"


def _bad_text(text: str) -> str:
    if "\x00" in text:
        return "has a null character, which is not allowed."
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "has a broken character (half of a UTF-16 pair)."
    return ""


def _take_out_our_fields(doc) -> list[str]:
    """Our own `id` and `rev` (and the layout's `rev`) are ours to give: a document from
    elsewhere may use those names for something else, so they are replaced, and said so."""
    notes = []
    if not isinstance(doc, dict):
        return notes
    if isinstance(doc.get("basics"), dict):
        doc["basics"].pop("rev", None)
    meta = doc.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("grooya"), dict):
        meta["grooya"].pop("rev", None)
    for key in SECTIONS:
        items = doc.get(key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                item.pop("rev", None)
                if "id" in item:
                    notes.append(f"{key}[{index}].id was replaced by an id of our own.")
                    item.pop("id")
    if len(notes) > 1:
        return [f"{notes[0]} So were the ids of {len(notes) - 1} more items."]
    return notes
