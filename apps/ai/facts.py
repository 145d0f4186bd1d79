"""The person's own facts, read from their profile and library for the tasks that write from
them: one query per kind, plain JSON-like values, at most a screenful of each."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

LIMIT = 20


def plain(html: str) -> str:
    """Rich text as plain text: paragraphs and list items on their own lines."""
    text = html.replace("</p>", "\n").replace("<br>", "\n").replace("</li>", "\n")
    text = unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in normalize_newlines(text).split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _date(value) -> str:
    return value.strftime("%Y-%m") if value else ""


def person_facts(user, kinds: tuple[str, ...]) -> dict:
    facts: dict = {}
    if "profile" in kinds:
        facts["profile"] = {"name": user.name, "title": user.title, "bio": user.bio}
    if "projects" in kinds:
        facts["projects"] = [
            {
                "title": p.title,
                "summary": p.summary,
                "description": plain(p.description)[:1500],
                "technologies": p.technologies,
                "start": _date(p.start_date),
                "end": _date(p.end_date),
            }
            for p in user.projects.all()[:LIMIT]
        ]
    if "experience" in kinds:
        facts["experience"] = [
            {
                "role": e.role,
                "company": e.company,
                "location": e.location,
                "start": _date(e.start_date),
                "end": "present" if e.current else _date(e.end_date),
                "highlights": e.highlights,
                "technologies": e.technologies,
            }
            for e in user.experiences.all()[:LIMIT]
        ]
    if "education" in kinds:
        facts["education"] = [
            {
                "school": e.school,
                "degree": e.degree,
                "field": e.field,
                "start": _date(e.start_date),
                "end": _date(e.end_date),
            }
            for e in user.educations.all()[:LIMIT]
        ]
    if "skills" in kinds:
        facts["skills"] = [s.name for s in user.skills.all()[: LIMIT * 3]]
    return facts
