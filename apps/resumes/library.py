"""The library and resumes, both ways.

- `resume_from_library`: a new resume's sections from the person's profile and the library
  items they chose (experience → work, education, projects, skills grouped by category).
- `save_to_library`: one item written in a resume saved into the library ("push back"): work →
  Experience, education → Education, projects → Project, skills → Skill. It never changes
  what the library already holds: an item that is there already is reported, not rewritten.
"""

from dataclasses import dataclass
from datetime import date
from html import escape
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from apps.library.models import (
    MAX_HIGHLIGHTS,
    MAX_TECHNOLOGIES,
    Education,
    Experience,
    Project,
    Skill,
)

from .content import item_title
from .importers import Draft, Imported

# The resume sections an item can be saved from, and the library page that lists them.
LIBRARY_PAGES = {
    "work": "library:experience_list",
    "education": "library:education_list",
    "projects": "library:project_list",
    "skills": "library:skill_list",
}
LEVELS = {"beginner": 1, "novice": 1, "intermediate": 2, "advanced": 3, "expert": 4, "master": 4}


def resume_from_library(
    owner, *, profile: bool, show_email: bool, experiences, educations, projects, skills
) -> Imported:
    draft = Draft()
    if profile:
        draft.set_basics("Your profile", name=owner.name, label=owner.title, summary=owner.bio)
    if show_email:
        draft.set_basics("Your profile", email=owner.email)
    for job in experiences:
        draft.add(
            "work",
            f"Experience “{job}”",
            position=job.role,
            name=job.company,
            location=job.location,
            startDate=_iso(job.start_date),
            endDate=None if job.current else _iso(job.end_date),
            highlights=job.highlights,
        )
    for school in educations:
        draft.add(
            "education",
            f"Education “{school}”",
            institution=school.school,
            studyType=school.degree,
            area=school.field,
            startDate=_iso(school.start_date),
            endDate=_iso(school.end_date),
        )
    for project in projects:
        paragraphs, points = _paragraphs_and_points(project.description)
        draft.add(
            "projects",
            f"Project “{project.title}”",
            name=project.title,
            description=project.summary or "\n\n".join(paragraphs),
            url=project.live_url or project.case_study_url or project.repo_url,
            startDate=_iso(project.start_date),
            endDate=_iso(project.end_date),
            highlights=points,
            keywords=project.technologies,
        )
    for _, heading, group in Skill.grouped(skills):
        # "Languages: Python, Go" — the strongest first, as people write them.
        names = [s.name for s in sorted(group, key=lambda s: (-(s.level or 0), s.name.lower()))]
        for start in range(0, len(names), 50):
            draft.add(
                "skills", f"Skills “{heading}”", name=heading, keywords=names[start : start + 50]
            )
    return draft.result()


@dataclass
class Saved:
    ok: bool
    message: str
    url: str = ""  # the library page that shows it


def save_to_library(owner, section: str, item: dict) -> Saved:
    with transaction.atomic():
        # One save at a time per person, so a double click cannot make twins.
        get_user_model().objects.select_for_update().only("pk").get(pk=owner.pk)
        saved = SAVERS[section](owner, item)
    saved.url = reverse(LIBRARY_PAGES[section])
    return saved


def _save_work(owner, item: dict) -> Saved:
    company, role = item.get("name", ""), item.get("position", "")
    if not company or not role:
        return Saved(False, "Add the position and the company first: the library needs both.")
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if problem := _check_dates(start, end, required=True):
        return Saved(False, problem)
    title = item_title("work", item)
    if Experience.objects.filter(
        owner=owner, company__iexact=company, role__iexact=role, start_date=start
    ).exists():
        return Saved(True, f"“{title}” is already in your library.")
    highlights = item.get("highlights", [])
    message = f"Saved “{title}” to your library."
    if len(highlights) > MAX_HIGHLIGHTS:
        message += f" The library keeps {MAX_HIGHLIGHTS} highlights: the first ones were saved."
    if item.get("summary"):
        message += " Its summary stays in the resume: the library keeps highlights only."
    return _save(
        Experience(
            owner=owner,
            company=company,
            role=role,
            location=item.get("location", ""),
            start_date=start,
            end_date=end,
            current=end is None,
            highlights=highlights[:MAX_HIGHLIGHTS],
        ),
        message,
    )


def _save_education(owner, item: dict) -> Saved:
    school = item.get("institution", "")
    if not school:
        return Saved(False, "Add the school first: the library needs it.")
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if problem := _check_dates(start, end):
        return Saved(False, problem)
    title = item_title("education", item)
    degree = item.get("studyType", "")
    if Education.objects.filter(
        owner=owner, school__iexact=school, degree__iexact=degree, start_date=start
    ).exists():
        return Saved(True, f"“{title}” is already in your library.")
    notes = [f"Grade: {item['score']}"] if item.get("score") else []
    if item.get("courses"):
        notes.append(f"Courses: {', '.join(item['courses'])}")
    education = Education(
        owner=owner,
        school=school,
        degree=degree,
        field=item.get("area", ""),
        start_date=start,
        end_date=end,
        notes="\n".join(notes)[:2000],
    )
    return _save(education, f"Saved “{title}” to your library.")


def _save_project(owner, item: dict) -> Saved:
    name = item.get("name", "")
    if not name:
        return Saved(False, "Add the project's name first: the library needs it.")
    start, end = _date(item.get("startDate")), _date(item.get("endDate"))
    if problem := _check_dates(start, end):
        return Saved(False, problem)
    if Project.objects.filter(owner=owner, title__iexact=name).exists():
        return Saved(True, f"A project called “{name}” is already in your library.")
    text = item.get("description", "")
    html = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    if points := item.get("highlights"):
        html += "<ul>" + "".join(f"<li>{escape(p)}</li>" for p in points) + "</ul>"
    technologies: dict[str, str] = {}  # one spelling each, as the library keeps them
    for keyword in item.get("keywords", []):
        if len(keyword) <= 40:
            technologies.setdefault(keyword.casefold(), keyword)
    project = Project(
        owner=owner,
        title=name,
        summary=_shorten(text, 300),
        description=html,
        live_url=item.get("url", ""),
        start_date=start,
        end_date=end,
        technologies=list(technologies.values())[:MAX_TECHNOLOGIES],
        position=Project.objects.owned_by(owner).top_position(),
    )
    return _save(project, f"Saved “{name}” to your library.")


def _save_skills(owner, item: dict) -> Saved:
    """A skills item is a group ("Web development": HTML, CSS) or one skill: each keyword, or
    else the item's name, becomes a skill of the group's level and category."""
    names = item.get("keywords") or ([item["name"]] if item.get("name") else [])
    if not names:
        return Saved(False, "Add the skill's name first: the library needs it.")
    category = _category(item.get("name", ""))
    level = LEVELS.get(item.get("level", "").strip().lower())
    added, known = [], []
    for name in dict.fromkeys(names):
        if Skill.objects.filter(owner=owner, name__iexact=name).exists():
            known.append(name)
            continue
        try:
            with transaction.atomic():
                Skill.objects.create(owner=owner, name=name, category=category, level=level)
            added.append(name)
        except IntegrityError:  # the same name in another spelling of case, just now
            known.append(name)
    if not added:
        return Saved(True, f"Already in your library: {', '.join(known)}.")
    message = f"Added {len(added)} skill{'s' * (len(added) > 1)} to your library: "
    message += ", ".join(added) + "."
    if known:
        message += f" Already there: {', '.join(known)}."
    return Saved(True, message)


SAVERS = {
    "work": _save_work,
    "education": _save_education,
    "projects": _save_project,
    "skills": _save_skills,
}


def _save(thing, message: str) -> Saved:
    try:
        thing.full_clean()
    except ValidationError as exc:
        return Saved(False, f"Not saved: {exc.messages[0]}")
    thing.save()
    return Saved(True, message)


def _category(heading: str) -> str:
    """The library category a skills group's name stands for ("Languages", "Tool"…)."""
    wanted = heading.strip().casefold()
    for category in Skill.Category:
        if wanted in (category.label.casefold(), Skill.HEADINGS[category].casefold()):
            return category
    return Skill.Category.OTHER


def _check_dates(start: date | None, end: date | None, *, required: bool = False) -> str:
    if required and not start:
        return "Add a start date first: the library needs one."
    if start and end and end < start:
        return "The end date is before the start date. Fix the dates first."
    return ""


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> date | None:
    """JSON Resume's YYYY, YYYY-MM or YYYY-MM-DD as a date (the first day of a year or month)."""
    parts = (text or "").split("-")
    try:
        return date(*(int(p) for p in parts + ["1"] * (3 - len(parts))))
    except (TypeError, ValueError):
        return None


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class _Text(HTMLParser):
    """The paragraphs and the list items of sanitised rich text, as plain text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.points: list[str] = []
        self.current: list[str] = []
        self.depth = 0  # inside a list

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("p", "li", "br", "h3", "h4", "blockquote", "pre"):
            self.flush()
        if tag in ("ul", "ol"):
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if tag in ("p", "li", "h3", "h4", "blockquote", "pre", "ul", "ol"):
            self.flush()
        if tag in ("ul", "ol") and self.depth:
            self.depth -= 1

    def handle_data(self, data) -> None:
        self.current.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            (self.points if self.depth else self.paragraphs).append(text)
        self.current = []


def _paragraphs_and_points(html: str) -> tuple[list[str], list[str]]:
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    parser.flush()
    return parser.paragraphs, parser.points
