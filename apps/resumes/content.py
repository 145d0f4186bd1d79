"""A resume's `content`: a JSON Resume document with stable ids, revs and our layout.

    {"basics": {"rev": 1, "name": …, "location": {…}, "profiles": [{…}], …},
     "work": [{"id": "9c1e…", "rev": 3, "position": …, "highlights": […], …}, …],
     … every section of sections.SECTIONS, always present …,
     "meta": {"canonical": …, "grooya": {"rev": 1, "template": "classic", "order": […], …}}}

`clean_content` validates a whole document on every write — JSON Resume's schema first (types,
the date pattern), then our own rules (real calendar dates, http(s) links, lengths, no NUL
characters, the layout's allowlists) — and raises `ContentError` naming each bad value by its
path: `work[2].startDate: "2013-13" is not a date`. Properties the schema allows but we don't
know are kept as they are. `export` gives the standard document back (no ids, revs).
"""

import copy
import json
import re
import uuid
from datetime import date
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from jsonschema import Draft7Validator

from .sections import BASICS, DEFAULT_ORDER, LOCATION, PROFILE, SECTIONS, Field

SCHEMA = Path(__file__).parent / "schema" / "jsonresume.schema.json"
MAX_ITEMS = 500  # per section: a long academic CV still fits
MAX_BYTES = 2_000_000  # the whole document, as JSON
MAX_ERRORS = 20
DATE_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"

TEMPLATES = {
    "classic": "Classic",
    "modern": "Modern, with a sidebar",
    "compact": "Compact, one page",
    "academic": "Academic CV",
}
PAGE_SIZES = {"A4": "A4", "Letter": "US Letter"}
FONTS = {
    "inter": "Inter",
    "source-serif": "Source Serif",
    "space-grotesk": "Space Grotesk",
    "fraunces": "Fraunces",
}
DATE_FORMATS = {"MMM YYYY": "Mar 2021", "MM/YYYY": "03/2021", "YYYY": "2021"}
ACCENT = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_LAYOUT = {
    "rev": 1,
    "template": "classic",
    "order": list(DEFAULT_ORDER),
    "hidden": [],
    "headings": {},
    "page": "A4",
    "accent": "#1d4ed8",
    "font": "inter",
    "dateFormat": "MMM YYYY",
}
SAFE_URL = URLValidator(schemes=["http", "https"])
EMAIL = EmailValidator()


class ContentError(ValidationError):
    """Everything wrong with a document, each message starting with where: `work[2].url: …`."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[:MAX_ERRORS], code="invalid_resume")
        self.problems = problems[:MAX_ERRORS]


def new_id() -> str:
    return uuid.uuid4().hex


def blank_content() -> dict:
    return {
        "basics": {"rev": 1, "profiles": []},
        **{key: [] for key in SECTIONS},
        "meta": {"grooya": copy.deepcopy(DEFAULT_LAYOUT)},
    }


def layout(content: dict) -> dict:
    return content["meta"]["grooya"]


def new_item(section: str, **values) -> dict:
    return {"id": new_id(), "rev": 1, **values}


def clean_content(content, *, assign_ids: bool = False) -> dict:
    """The document, validated and normalised; raises ContentError with every problem found.

    `assign_ids` gives items without one a fresh id and rev (imports); editor writes never
    need it.
    """
    if not isinstance(content, dict):
        raise ContentError(["The resume must be a JSON object."])
    if len(json.dumps(content, default=str)) > MAX_BYTES:
        raise ContentError([f"The resume is larger than {MAX_BYTES // 1_000_000} MB."])
    problems = sorted(_where(error) for error in _schema().iter_errors(content))
    if problems:  # our own rules read the types the schema guarantees
        raise ContentError(sorted(set(problems + _typed_problems(content))))
    doc = copy.deepcopy(content)
    doc.setdefault("basics", {})
    doc.setdefault("meta", {})
    problems += _clean_basics(doc["basics"])
    for key, section in SECTIONS.items():
        items = doc.setdefault(key, [])
        if len(items) > MAX_ITEMS:
            problems.append(f"{key}: at most {MAX_ITEMS} items.")
            continue
        ids = set()
        for index, item in enumerate(items):
            where = f"{key}[{index}]"
            problems += _clean_item_identity(item, where, assign_ids, ids)
            problems += _clean_fields(item, section.fields, where)
    problems += _clean_layout(doc["meta"])
    if problems:
        raise ContentError(problems)
    return doc


def _typed_problems(content: dict) -> list[str]:
    """Our rules' findings on the parts whose types are right, beside the schema's."""
    found = []
    for key, section in SECTIONS.items():
        items = content.get(key)
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                values = {
                    f.name: item[f.name] for f in section.fields if _typed(item.get(f.name), f)
                }
                found += _clean_fields(values, section.fields, f"{key}[{index}]")
    return found


def _typed(value, spec: Field) -> bool:
    if spec.kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def export(content: dict) -> dict:
    """The standard JSON Resume document: our ids and revs (and empty sections) removed,
    everything else kept — our layout travels as `meta.grooya`."""
    doc = copy.deepcopy(content)
    doc["basics"].pop("rev", None)
    if not doc["basics"].get("profiles"):
        doc["basics"].pop("profiles", None)
    for key in SECTIONS:
        for item in doc.get(key, []):
            item.pop("id", None)
            item.pop("rev", None)
        if not doc.get(key):  # an empty section is no section
            doc.pop(key, None)
    doc["meta"]["grooya"].pop("rev", None)
    return doc


def item_title(section: str, item: dict) -> str:
    """A short name for an item, e.g. "Engineer · Hooli", for lists and messages."""
    names = [str(item.get(k) or "") for k in SECTIONS[section].title]
    return " · ".join(n for n in names if n) or "Untitled"


# --- rules --------------------------------------------------------------------------------


@cache
def _schema() -> Draft7Validator:
    return Draft7Validator(json.loads(SCHEMA.read_text()))


def _where(error) -> str:
    path = _path(error.absolute_path) or "resume"
    if error.validator == "pattern" and isinstance(error.instance, str):
        return f"{path}: {json.dumps(error.instance)} is not a date ({DATE_HINT})."
    if error.validator == "type":
        got = json.dumps(error.instance)[:40]
        return f"{path}: expected {_kind(error.validator_value)}, got {got}."
    return f"{path}: {error.message}"


def _kind(expected) -> str:
    names = {"string": "text", "array": "a list", "object": "an object"}
    return names.get(expected, str(expected))


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}" if out else str(part)
    return out


def _clean_basics(basics: dict) -> list[str]:
    problems = _clean_rev(basics, "basics")
    problems += _clean_fields(basics, BASICS.fields, "basics")
    location = basics.get("location")
    if location is not None:
        problems += _clean_fields(location, LOCATION, "basics.location")
    for index, profile in enumerate(basics.setdefault("profiles", [])):
        problems += _clean_fields(profile, PROFILE, f"basics.profiles[{index}]")
    if len(basics["profiles"]) > 30:
        problems.append("basics.profiles: at most 30 profiles.")
    return problems


def _clean_item_identity(item: dict, where: str, assign: bool, seen: set[str]) -> list[str]:
    if assign:
        item.setdefault("id", new_id())
        item.setdefault("rev", 1)
    problems = _clean_rev(item, where)
    try:
        item["id"] = uuid.UUID(str(item.get("id"))).hex
    except ValueError:
        return [*problems, f"{where}.id: must be an id."]
    if item["id"] in seen:
        problems.append(f"{where}.id: is used by another item.")
    seen.add(item["id"])
    return problems


def _clean_rev(thing: dict, where: str) -> list[str]:
    rev = thing.setdefault("rev", 1)
    if not isinstance(rev, int) or isinstance(rev, bool) or not 1 <= rev < 2**31:
        return [f"{where}.rev: must be a positive whole number."]
    return []


def _clean_fields(values: dict, fields: tuple[Field, ...], where: str) -> list[str]:
    problems = []
    for spec in fields:
        value = values.get(spec.name)
        if value is None:
            continue
        here = f"{where}.{spec.name}"
        if spec.kind == "list":
            if len(value) > 50:
                problems.append(f"{here}: at most 50 entries.")
            for index, text in enumerate(value):
                problems += _check_text(text.strip(), spec, f"{here}[{index}]")
            values[spec.name] = [text.strip() for text in value if text.strip()]
            continue
        value = values[spec.name] = value.strip()
        problems += _check_text(value, spec, here)
    return problems


def _check_text(value: str, spec: Field, here: str) -> list[str]:
    problem = check_value(value, spec)
    return [f"{here}: {problem}"] if problem else []


def check_value(value: str, spec: Field) -> str:
    """What is wrong with one value of a field, for people ("" when nothing is)."""
    if "\x00" in value:
        return "null characters are not allowed."
    if len(value) > spec.max_length:
        return f"at most {spec.max_length} characters (it has {len(value)})."
    if not value:
        return ""
    if spec.kind == "date" and not _real_date(value):
        return f"{json.dumps(value)} is not a date ({DATE_HINT})."
    if spec.kind == "url":
        try:
            SAFE_URL(value)
        except ValidationError:
            return f"{json.dumps(value[:60])} is not a link starting with https://."
    if spec.kind == "email":
        try:
            EMAIL(value)
        except ValidationError:
            return f"{json.dumps(value[:60])} is not an email address."
    return ""


def _real_date(value: str) -> bool:
    parts = value.split("-")
    try:
        year, month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1
        day = int(parts[2]) if len(parts) > 2 else 1
        date(year, month, day)
    except (ValueError, IndexError):
        return False
    return 1900 <= year <= 2100 and len(parts) <= 3


def _clean_layout(meta: dict) -> list[str]:
    given = meta.get("grooya")
    if given is None:
        meta["grooya"] = copy.deepcopy(DEFAULT_LAYOUT)
        return []
    if not isinstance(given, dict):
        return ["meta.grooya: expected an object."]
    here, problems = "meta.grooya", []
    chosen = {**copy.deepcopy(DEFAULT_LAYOUT), **given}
    unknown = set(chosen) - set(DEFAULT_LAYOUT)
    if unknown:
        problems.append(f"{here}.{sorted(unknown)[0]}: is not a layout setting.")
    for key, allowed in (
        ("template", TEMPLATES),
        ("page", PAGE_SIZES),
        ("font", FONTS),
        ("dateFormat", DATE_FORMATS),
    ):
        if chosen[key] not in allowed:
            problems.append(f"{here}.{key}: choose one of {', '.join(allowed)}.")
    if not isinstance(chosen["accent"], str) or not ACCENT.match(chosen["accent"]):
        problems.append(f"{here}.accent: use a colour like #1d4ed8.")
    problems += _clean_rev(chosen, here)
    for key in ("order", "hidden"):
        value = chosen[key]
        if not isinstance(value, list) or not all(v in SECTIONS for v in value):
            problems.append(f"{here}.{key}: a list of section names ({', '.join(SECTIONS)}).")
    headings = chosen["headings"]
    if not isinstance(headings, dict) or not all(
        k in SECTIONS and isinstance(v, str) and 0 < len(v.strip()) <= 60 and "\x00" not in v
        for k, v in headings.items()
    ):
        problems.append(f"{here}.headings: a heading of 1 to 60 characters per section name.")
    if not problems:
        # Every section appears once in the order; ones it does not name come last.
        order = list(dict.fromkeys(chosen["order"]))
        chosen["order"] = order + [k for k in DEFAULT_ORDER if k not in order]
        chosen["hidden"] = list(dict.fromkeys(chosen["hidden"]))
        chosen["headings"] = {k: v.strip() for k, v in headings.items()}
        meta["grooya"] = chosen
    return problems
