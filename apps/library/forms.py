import uuid

from django import forms
from django.utils.functional import cached_property

from apps.ai.fields import offer
from apps.assets.forms import AssetField, ImageChoicesWidget
from apps.assets.models import Asset

from .models import (
    MAX_HIGHLIGHTS,
    MAX_IMAGES,
    MAX_TECHNOLOGIES,
    Education,
    Experience,
    Project,
    Skill,
    SkillCategory,
    SkillLevel,
    web_url,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TagsField(forms.Field):
    """Comma-separated names ⇄ a list. Blanks and repeats (in any letter case) are dropped."""

    widget = forms.TextInput

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        tags: list[str] = []
        seen: set[str] = set()
        for raw in (value or "").split(","):
            tag = " ".join(raw.split())
            if tag and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tags.append(tag)
        return tags

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def widget_attrs(self, widget) -> dict:
        return {**super().widget_attrs(widget), "autocomplete": "off", "data-tag-input": ""}


class LinesField(forms.Field):
    """A textarea with one item per line ⇄ a list of the non-blank lines."""

    widget = forms.Textarea

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value


class WebURLField(forms.URLField):
    default_validators = [web_url]  # http and https only: no javascript:, data:, ftp:
    default_error_messages = {"invalid": web_url.message}


class LibraryForm(forms.ModelForm):
    """Views always pass `instance`: a new row carries its owner, an existing one is checked.

    Ids are unique per item, so an add form and edit forms can be open on one page.
    """

    ai_help: dict = {}  # writing tasks of its fields: apps.ai.fields.offer's arguments

    def __init__(self, *args, **kwargs):
        instance = kwargs["instance"]
        self.is_new = instance._state.adding
        self.dom_id = f"{instance._meta.model_name}-{'new' if self.is_new else instance.pk}"
        kwargs.setdefault("auto_id", f"{self.dom_id}-%s")
        super().__init__(*args, **kwargs)
        if "technologies" in self.fields:
            self.fields["technologies"].widget.attrs["list"] = f"{self.dom_id}-technologies-list"
        offer(self, **self.ai_help)

    @property
    def owner(self):
        return self.instance.owner

    @cached_property
    def technology_suggestions(self) -> list[str]:
        """Technologies from the person's projects and experience, most used first."""
        tags = (
            Project.objects.owned_by(self.owner).technologies()
            + Experience.objects.owned_by(self.owner).technologies()
        )
        unique: dict[str, str] = {}
        for tag in tags:
            unique.setdefault(tag.casefold(), tag)
        return list(unique.values())[:60]


def _technologies_field() -> TagsField:
    return TagsField(
        required=False,
        label="Technologies",
        help_text=f"Separate with commas, e.g. Django, htmx, Figma. Up to {MAX_TECHNOLOGIES}.",
    )


class ProjectForm(LibraryForm):
    cover = AssetField(
        required=False,
        label="Cover image",
        help_text="Shown on cards and at the top of the project page.",
    )
    images = forms.ModelMultipleChoiceField(
        queryset=Asset.objects.none(),
        required=False,
        widget=ImageChoicesWidget,
        label="More images",
        help_text=f"Screenshots or photos for a gallery, up to {MAX_IMAGES}.",
        error_messages={
            "invalid_choice": "Choose images from your library.",
            "invalid_pk_value": "Choose images from your library.",
        },
    )
    technologies = _technologies_field()

    ai_help = {
        "write": {"description": "project"},
        "reads": {
            "description": {
                "title": "title",
                "technologies": "technologies",
                "notes": "description",
            }
        },
    }

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "description",
            "images",
            "technologies",
            "live_url",
            "repo_url",
            "case_study_url",
            "start_date",
            "end_date",
            "featured",
        ]
        # cover is not a model field here: AssetField returns an id, checked against the owner.
        field_classes = {
            "live_url": WebURLField,
            "repo_url": WebURLField,
            "case_study_url": WebURLField,
        }
        widgets = {
            "summary": forms.TextInput(attrs={"placeholder": "A one-line pitch"}),
            "description": forms.Textarea(attrs={"rows": 8, "data-richtext": ""}),
            "start_date": DATE,
            "end_date": DATE,
        }
        labels = {
            "live_url": "Live site link",
            "repo_url": "Code repository link",
            "case_study_url": "Case study link",
            "featured": "Feature this project",
        }
        help_texts = {
            "description": "The story: the problem, your part, the result.",
            "featured": "Featured projects come first when a portfolio shows a selection.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cover"].for_owner(self.owner)
        self.fields["images"].queryset = Asset.objects.owned_by(self.owner)
        self.initial.setdefault("cover", self.instance.cover_id)
        # Stored as hex; the checkboxes compare against each asset's UUID.
        self.initial["images"] = [_uuid(i) for i in self.initial.get("images") or []]

    def clean_images(self) -> list[str]:
        return [asset.pk.hex for asset in self.cleaned_data["images"]]

    def save(self, commit: bool = True) -> Project:
        self.instance.cover_id = self.cleaned_data["cover"]
        return super().save(commit=commit)


class SkillForm(LibraryForm):
    class Meta:
        model = Skill
        fields = ["name", "category", "level"]
        widgets = {"name": forms.TextInput(attrs={"placeholder": "e.g. Python, Figma, Mentoring"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Choose a category"), *SkillCategory.choices]
        self.fields["level"].choices = [("", "No level"), *SkillLevel.choices]
        self.fields["level"].help_text = "Optional. Beginner, Intermediate, Advanced or Expert."

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        taken = Skill.objects.owned_by(self.owner).filter(name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"You already have “{name}” as a skill.")
        return name


class ExperienceForm(LibraryForm):
    highlights = LinesField(
        required=False,
        label="Highlights",
        help_text=f"One achievement per line, up to {MAX_HIGHLIGHTS}. Start with a verb.",
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "Cut page load time by 40%\nMentored 3 juniors"}
        ),
    )
    technologies = _technologies_field()

    ai_help = {
        "write": {"highlights": "highlights"},
        "reads": {"highlights": {"job": "role company technologies", "notes": "highlights"}},
    }

    class Meta:
        model = Experience
        fields = [
            "role",
            "company",
            "location",
            "start_date",
            "end_date",
            "current",
            "highlights",
            "technologies",
        ]
        widgets = {
            "location": forms.TextInput(attrs={"placeholder": "e.g. Berlin, or Remote"}),
            "start_date": DATE,
            "end_date": DATE,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["current"].widget.attrs["data-disables"] = self["end_date"].auto_id


class EducationForm(LibraryForm):
    class Meta:
        model = Education
        fields = ["school", "degree", "field", "start_date", "end_date", "notes"]
        widgets = {
            "degree": forms.TextInput(attrs={"placeholder": "e.g. BSc, Bootcamp certificate"}),
            "field": forms.TextInput(attrs={"placeholder": "e.g. Computer Science"}),
            "start_date": DATE,
            "end_date": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"notes": "Honours, thesis, activities: anything worth a line."}


def _uuid(value) -> uuid.UUID | str:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return value
