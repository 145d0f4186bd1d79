"""Tailoring a resume to a job: keyword coverage, the checks every suggested edit passes, and
applying the edits a person accepts.

The model (or the offline writer) proposes edits; nothing it proposes is trusted. An edit must
name an item and a field the resume has, and its new text may hold no number, date or name
that the person's resume and library lack — a job description that asks for ten years, a
degree or an employer the person does not have never puts them into the resume.
"""

import copy
import re
from dataclasses import dataclass

from .honesty import unverified
from .jobs import job_keywords, resume_text

TEXT_FIELDS = {
    "basics": ("summary", "label"),
    "work": ("summary", "highlights", "description"),
    "projects": ("description", "highlights"),
    "volunteer": ("summary", "highlights"),
    "skills": ("order",),
}


@dataclass(frozen=True)
class Edit:
    section: str
    item_id: str
    field: str
    before: str | list[str]
    after: str | list[str]
    reason: str
    label: str  # which item, for people: "Work: Senior illustrator, Wonderland Press"


@dataclass(frozen=True)
class Withheld:
    label: str
    claims: list[str]


def coverage(keywords: list[str], resume: dict) -> list[dict]:
    """Each keyword with whether the resume holds it, and where."""
    rows = []
    places = _places(resume)
    for keyword in dict.fromkeys(k.strip() for k in keywords if k.strip()):
        pattern = re.compile(rf"(?<![\w]){re.escape(keyword.casefold())}(?![\w])")
        where = [label for label, text in places if pattern.search(text.casefold())]
        rows.append({"keyword": keyword, "found": bool(where), "where": where[:3]})
    return rows


def _places(resume: dict) -> list[tuple[str, str]]:
    places = [("Summary", resume_text(resume.get("basics") or {}))]
    for section in ("work", "projects", "volunteer", "education", "skills", "certificates"):
        for item in resume.get(section) or []:
            places.append((_label(section, item), resume_text(item)))
    return places


def _label(section: str, item: dict) -> str:
    if section == "basics":
        return "Summary"
    names = {
        "work": ("position", "name"),
        "projects": ("name",),
        "volunteer": ("position", "organization"),
        "education": ("studyType", "institution"),
        "skills": ("name",),
        "certificates": ("name",),
    }
    title = ", ".join(str(item.get(k)) for k in names.get(section, ()) if item.get(k))
    return f"{section.capitalize()}: {title}" if title else section.capitalize()


def _item(resume: dict, section: str, item_id: str) -> dict | None:
    if section == "basics":
        return resume.get("basics") if item_id == "basics" else None
    if section == "skills" and item_id == "skills":
        return {"order": [s.get("id", "") for s in resume.get("skills") or []]}
    return next((i for i in resume.get(section) or [] if i.get("id") == item_id), None)


def check_edits(proposed: list[dict], resume: dict, facts: dict) -> tuple[list[Edit], list]:
    """(edits that may be shown, withheld ones with the claims that kept them back)."""
    sources = [resume_text(resume), facts]
    kept, withheld = [], []
    for raw in proposed:
        section, item_id, field = raw.get("section"), str(raw.get("item_id")), raw.get("field")
        if field not in TEXT_FIELDS.get(section, ()):
            continue
        item = _item(resume, section, item_id)
        if item is None:
            continue
        after = raw.get("after")
        before = item.get(field, [] if field in ("highlights", "order") else "")
        if field in ("highlights", "order") and not (
            isinstance(after, list) and all(isinstance(a, str) for a in after)
        ):
            continue
        if field not in ("highlights", "order") and not isinstance(after, str):
            continue
        if field == "order" and sorted(after) != sorted(before):
            continue  # an order must hold the same skills, no more, no fewer
        if after == before:
            continue
        label = "Skills order" if field == "order" else _label(section, item)
        text = "\n".join(after) if isinstance(after, list) else after
        claims = [] if field == "order" else unverified(text, sources)
        if claims:
            withheld.append(Withheld(label, [c.text for c in claims]))
            continue
        kept.append(
            Edit(section, item_id, field, before, after, str(raw.get("reason") or ""), label)
        )
    return kept, withheld


def keywords_for(job_text: str, suggested: list[str]) -> list[str]:
    """The job's keywords: the model's, then ours, each once, and only words the job uses."""
    job = job_text.casefold()
    mine = job_keywords(job_text)
    theirs = [k for k in suggested if isinstance(k, str) and k.casefold() in job]
    return list(dict.fromkeys([*theirs, *mine]))[:25]


def apply_edits(resume: dict, edits: list[Edit]) -> dict:
    """A copy of the resume content with the accepted edits made (pure)."""
    content = copy.deepcopy(resume)
    for edit in edits:
        if edit.field == "order":
            by_id = {s.get("id"): s for s in content.get("skills") or []}
            content["skills"] = [by_id[i] for i in edit.after if i in by_id]
            continue
        item = _item(content, edit.section, edit.item_id)
        if item is not None:
            item[edit.field] = copy.deepcopy(edit.after)
    return content
