"""Bringing a resume in from elsewhere: a JSON Resume document (jsonresume.py), a LinkedIn data
export (linkedin.py) and the person's library (resumes/library.py), and the way they share of
fitting outside values into our sections (`Draft`).

Nothing here writes: each reader returns an `Imported` document, or raises `ImportProblem`
with every reason in words for people; the caller creates a new resume from it.
"""

from dataclasses import dataclass, field

from ..content import MAX_ITEMS, check_value
from ..sections import BASICS, LOCATION, SECTIONS, Field

MAX_NOTES = 12


class ImportProblem(Exception):
    """Why nothing could be imported; each problem a sentence (or `path: message`)."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[0] if problems else "")
        self.problems = problems[:20]


@dataclass
class Imported:
    content: dict  # a JSON Resume document, not yet validated (Resume.create_for does it)
    title: str  # a title to suggest when the person gave none
    notes: list[str] = field(default_factory=list)  # what had to change on the way in


class Draft:
    """A JSON Resume document assembled value by value from another source.

    Each value is fitted to its field as the stored document will check it: trimmed, cut to
    the field's length, a bare `example.com` made a link; one that still does not fit is left
    out. Every change is noted (`where: what`) for the person to review.
    """

    def __init__(self, title: str = "") -> None:
        self.content: dict = {"basics": {}}
        self.title = title
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        if len(self.notes) < MAX_NOTES:
            self.notes.append(text)
        elif len(self.notes) == MAX_NOTES:
            self.notes.append("…and more changes like these.")

    def result(self) -> Imported:
        return Imported(self.content, self.title, self.notes)

    def set_basics(self, where: str, **values) -> None:
        basics = self.content["basics"]
        for name, value in values.items():
            if (fitted := self.fit(BASICS.field(name), value, where)) is not None:
                basics[name] = fitted

    def set_location(self, where: str, **values) -> None:
        specs = {spec.name: spec for spec in LOCATION}
        location = {name: self.fit(specs[name], value, where) for name, value in values.items()}
        if location := {k: v for k, v in location.items() if v is not None}:
            self.content["basics"]["location"] = location

    def add(self, section: str, where: str, **values) -> dict | None:
        """Append an item built from `values` (JSON Resume names); None when nothing fits."""
        items = self.content.setdefault(section, [])
        if len(items) >= MAX_ITEMS:
            self.note(f"{where}: left out; a section holds at most {MAX_ITEMS} items.")
            return None
        spec = SECTIONS[section]
        item = {}
        for name, value in values.items():
            if (fitted := self.fit(spec.field(name), value, where)) is not None:
                item[name] = fitted
        if not item:
            return None
        items.append(item)
        return item

    def fit(self, spec: Field, value, where: str):
        """The value made to fit the field, or None when there is nothing usable."""
        if spec.kind == "list":
            texts = [t for t in (self.fit(_entry(spec), v, where) for v in value or ()) if t]
            if len(texts) > 50:
                self.note(f"{where}: kept the first 50 {spec.label.lower()}.")
            return texts[:50] or None
        text = str(value or "").replace("\x00", "").strip()
        if spec.kind != "long":
            text = " ".join(text.split())  # one line: a title has no line breaks
        if not text:
            return None
        if spec.kind == "url" and "://" not in text and "." in text and " " not in text:
            text = f"https://{text}"
        if len(text) > spec.max_length:
            text = text[: spec.max_length - 1].rstrip() + "…"
            self.note(f"{where}: {spec.label} shortened to {spec.max_length} characters.")
        if problem := check_value(text, spec):
            self.note(f"{where}: {spec.label} left out: {problem}")
            return None
        return text


def _entry(spec: Field) -> Field:
    """One entry of a list field: checked as text of the list's length limit."""
    return Field(spec.name, spec.label, "text", spec.max_length)
