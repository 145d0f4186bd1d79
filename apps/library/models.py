"""The creator's library: the facts (projects, skills, experience, education) that portfolios
and resumes reuse. Every row belongs to one person; views reach rows through `owned_by`.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator, URLValidator
from django.db import models, transaction
from django.db.models import F, Min, Q
from django.db.models.functions import Lower
from django.utils.dateformat import format as format_date
from django.utils.deconstruct import deconstructible
from django.utils.safestring import SafeString, mark_safe

from apps.assets.models import Asset
from apps.core.richtext import sanitize

MAX_TECHNOLOGIES = 20
MAX_HIGHLIGHTS = 20
MAX_IMAGES = 12

web_url = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with https:// or http://."
)


no_null_characters = ProhibitNullCharactersValidator()


@deconstructible
class StringListValidator:
    """A JSON list of at most `max_items` non-blank strings, each at most `max_length` long.

    Each string is checked like a CharField's text: PostgreSQL's jsonb refuses the NUL
    character, and JSON fields skip the check Django gives every CharField.
    """

    def __init__(self, noun: str, max_items: int, max_length: int):
        self.noun, self.max_items, self.max_length = noun, max_items, max_length

    def __call__(self, value) -> None:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ValidationError(f"Enter a list of {self.noun}.", code="not_a_list")
        if len(value) > self.max_items:
            raise ValidationError(
                f"Keep it to {self.max_items} {self.noun} at most.", code="too_many"
            )
        if any(not item.strip() for item in value):
            raise ValidationError(f"Remove the empty {self.noun}.", code="blank_item")
        for item in value:
            no_null_characters(item)
        if any(len(item) > self.max_length for item in value):
            raise ValidationError(
                f"Keep each of the {self.noun} under {self.max_length} characters.",
                code="item_too_long",
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, StringListValidator) and vars(self) == vars(other)


validate_technologies = StringListValidator("technologies", MAX_TECHNOLOGIES, 40)
validate_highlights = StringListValidator("highlights", MAX_HIGHLIGHTS, 500)


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def validate_asset_ids(value) -> None:
    StringListValidator("images", MAX_IMAGES, 36)(value)
    if not all(_is_uuid(item) for item in value):
        raise ValidationError("Choose images from your library.", code="not_an_id")


def check_dates(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationError(
            {"end_date": "The end date is before the start date. Check the years."}
        )


def format_period(start: date | None, end: date | None, current: bool = False) -> str:
    """“Mar 2021 – Present”, “2019 – Jun 2022”-style text; empty when no dates are known."""
    first = format_date(start, "M Y") if start else ""
    last = "Present" if current else (format_date(end, "M Y") if end else "")
    if first and last:
        return f"{first} – {last}"
    return first or last


def ends_after_start(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(start_date__isnull=True)
        | Q(end_date__isnull=True)
        | Q(end_date__gte=F("start_date")),
        name=f"{prefix}_ends_after_start",
    )


class LibraryQuerySet(models.QuerySet):
    def owned_by(self, user) -> "LibraryQuerySet":
        return self.filter(owner=user)

    def technologies(self) -> list[str]:
        """Every technology used here, most used first, one spelling per name."""
        counts: dict[str, int] = {}
        spelling: dict[str, str] = {}
        for tags in self.values_list("technologies", flat=True):
            for tag in tags or []:
                key = tag.casefold()
                counts[key] = counts.get(key, 0) + 1
                spelling.setdefault(key, tag)
        return [spelling[key] for key in sorted(counts, key=lambda k: (-counts[k], k))]


class ProjectQuerySet(LibraryQuerySet):
    def top_position(self) -> int:
        """A position before every project here: new projects are added first."""
        lowest = self.aggregate(lowest=Min("position"))["lowest"]
        return 0 if lowest is None else lowest - 1

    def reorder(self, ids: list[str]) -> None:
        """Put the listed projects first, in that order; the rest follow in their old order.

        Ids that are not in this queryset (someone else's, unknown, malformed) are ignored.
        """
        with transaction.atomic():
            projects = list(self.select_for_update().order_by("position", "-created_at"))
            by_id = {str(p.pk): p for p in projects}
            chosen = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
            ordered = chosen + [p for p in projects if p not in chosen]
            changed = []
            for position, project in enumerate(ordered):
                if project.position != position:
                    project.position = position
                    changed.append(project)
            Project.objects.bulk_update(changed, ["position"])


class Project(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="projects"
    )
    title = models.CharField(max_length=200)
    summary = models.CharField(
        max_length=300, blank=True, help_text="One or two sentences, shown on cards."
    )
    description = models.TextField(max_length=20_000, blank=True)
    cover = models.ForeignKey(
        Asset, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    images = models.JSONField(default=list, blank=True, validators=[validate_asset_ids])
    technologies = models.JSONField(default=list, blank=True, validators=[validate_technologies])
    live_url = models.URLField("live site", max_length=500, blank=True, validators=[web_url])
    repo_url = models.URLField("repository", max_length=500, blank=True, validators=[web_url])
    case_study_url = models.URLField(
        "case study", max_length=500, blank=True, validators=[web_url]
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    featured = models.BooleanField(default=False)
    position = models.IntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-created_at"]
        constraints = [ends_after_start("project")]
        indexes = [models.Index(fields=["owner", "position"], name="project_owner_position")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.description = sanitize(self.description)
        # One spelling for stored ids, as in portfolio documents: uuid4().hex.
        if isinstance(self.images, list):
            self.images = [uuid.UUID(str(i)).hex if _is_uuid(i) else i for i in self.images]
        super().save(*args, **kwargs)

    def clean(self) -> None:
        check_dates(self.start_date, self.end_date)

    @property
    def description_html(self) -> SafeString:
        # Sanitised on save already; again here so rows written around save() stay safe.
        return mark_safe(sanitize(self.description))

    @property
    def period(self) -> str:
        return format_period(self.start_date, self.end_date)

    @property
    def links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Live", self.live_url),
            ("Code", self.repo_url),
            ("Case study", self.case_study_url),
        ]
        # Validation allows only http(s); checked again here because an href runs javascript:.
        return [
            (label, url) for label, url in pairs if url.lower().startswith(("https://", "http://"))
        ]

    def move(self, steps: int) -> None:
        """Move this project up (negative) or down (positive) among its owner's projects."""
        siblings = Project.objects.owned_by(self.owner_id)
        ids = [
            str(pk)
            for pk in siblings.order_by("position", "-created_at").values_list("pk", flat=True)
        ]
        here = ids.index(str(self.pk))
        there = min(max(here + steps, 0), len(ids) - 1)
        ids.insert(there, ids.pop(here))
        siblings.reorder(ids)

    @classmethod
    def attach_galleries(cls, projects: list["Project"]) -> None:
        """Set `project.gallery` (the extra images as assets) on each, in one query."""
        wanted = {i for p in projects for i in p.images if _is_uuid(i)}
        found = {
            a.pk.hex: a
            for a in Asset.objects.filter(pk__in=wanted, owner__in={p.owner_id for p in projects})
        }
        for project in projects:
            project.gallery = [
                found[i]
                for i in project.images
                if i in found and found[i].owner_id == project.owner_id
            ]


class SkillCategory(models.TextChoices):
    LANGUAGE = "language", "Language"
    FRAMEWORK = "framework", "Framework"
    TOOL = "tool", "Tool"
    DESIGN = "design", "Design"
    SOFT = "soft", "Soft skill"
    OTHER = "other", "Other"


class SkillLevel(models.IntegerChoices):
    BEGINNER = 1, "Beginner"
    INTERMEDIATE = 2, "Intermediate"
    ADVANCED = 3, "Advanced"
    EXPERT = 4, "Expert"


class Skill(models.Model):
    Category = SkillCategory
    Level = SkillLevel
    HEADINGS = {
        Category.LANGUAGE: "Languages",
        Category.FRAMEWORK: "Frameworks",
        Category.TOOL: "Tools",
        Category.DESIGN: "Design",
        Category.SOFT: "Soft skills",
        Category.OTHER: "Other",
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills"
    )
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=20, choices=Category)
    level = models.PositiveSmallIntegerField(choices=Level, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(Lower("name"), "owner", name="skill_unique_name_per_owner"),
            models.CheckConstraint(
                condition=Q(category__in=SkillCategory.values),
                name="skill_category_valid",
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level__in=SkillLevel.values),
                name="skill_level_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def grouped(cls, skills) -> list[tuple[str, str, list["Skill"]]]:
        """(category, heading, skills) in the order of Category, leaving out empty ones."""
        by_category: dict[str, list[Skill]] = {}
        for skill in skills:
            by_category.setdefault(skill.category, []).append(skill)
        return [
            (category, cls.HEADINGS[category], by_category[category])
            for category in cls.Category
            if category in by_category
        ]


class Experience(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="experiences"
    )
    company = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    location = models.CharField(max_length=200, blank=True)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    current = models.BooleanField("I work here now", default=False)
    highlights = models.JSONField(default=list, blank=True, validators=[validate_highlights])
    technologies = models.JSONField(default=list, blank=True, validators=[validate_technologies])
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = ["-current", "-end_date", "-start_date"]
        constraints = [
            ends_after_start("experience"),
            models.CheckConstraint(
                condition=Q(current=True, end_date__isnull=True)
                | Q(current=False, end_date__isnull=False),
                name="experience_current_or_ended",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.company}"

    def clean(self) -> None:
        if self.current and self.end_date:
            raise ValidationError(
                {"end_date": "You still work here, so leave the end date empty."}
            )
        if not self.current and not self.end_date:
            raise ValidationError({"end_date": "Add an end date, or tick “I work here now”."})
        check_dates(self.start_date, self.end_date)

    @property
    def period(self) -> str:
        return format_period(self.start_date, self.end_date, self.current)


class Education(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="educations"
    )
    school = models.CharField(max_length=200)
    degree = models.CharField(max_length=200, blank=True)
    field = models.CharField("field of study", max_length=200, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    notes = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LibraryQuerySet.as_manager()

    class Meta:
        ordering = [F("end_date").desc(nulls_first=True), "-start_date", "school"]
        verbose_name_plural = "education"
        constraints = [ends_after_start("education")]

    def __str__(self) -> str:
        return f"{self.degree}, {self.school}" if self.degree else self.school

    def clean(self) -> None:
        check_dates(self.start_date, self.end_date)

    @property
    def period(self) -> str:
        return format_period(self.start_date, self.end_date)
