"""Forms for the resume editor, built from the section table (sections.py): one field a JSON
Resume property, checked by the same rules as the stored document (content.check_value)."""

from django import forms
from django.core.exceptions import ValidationError

from apps.ai.fields import offer
from apps.blocks.fields import ItemsField, TextRowsField
from apps.core.slugs import validate_slug

from .content import DATE_FORMATS, FONTS, PAGE_SIZES, TEMPLATES, check_value
from .models import Resume, ResumeSlugRedirect
from .sections import BASICS, LOCATION, PROFILE, SECTIONS, Field

PRESENT = {"present", "now", "current", "today"}


class SpecField(forms.CharField):
    """A text property of a resume item, cleaned like the stored document cleans it."""

    def __init__(self, spec: Field, **kwargs):
        self.spec = spec
        widget = forms.Textarea(attrs={"rows": 4}) if spec.kind == "long" else forms.TextInput
        super().__init__(
            label=spec.label,
            max_length=spec.max_length,
            required=False,
            help_text=spec.help,
            widget=widget,
            **kwargs,
        )
        if spec.placeholder:
            self.widget.attrs["placeholder"] = spec.placeholder
        if spec.kind == "email":
            self.widget.input_type = "email"
        if spec.kind == "url":
            self.widget.input_type = "url"

    def clean(self, value):
        value = super().clean(value)
        if self.spec.name == "endDate" and value.lower() in PRESENT:
            return ""  # JSON Resume: no end date means it still goes on
        if self.spec.kind == "url" and value and "://" not in value and "." in value:
            value = f"https://{value}"  # people paste "example.com"
        problem = check_value(value, self.spec)
        if problem:
            raise ValidationError(problem[0].upper() + problem[1:])
        return value


def _field(spec: Field) -> forms.Field:
    if spec.kind == "list":
        return TextRowsField(
            label=spec.label,
            label_one=spec.label.rstrip("s") or spec.label,
            help_text=spec.help,
            add_label=f"Add {spec.label.lower().rstrip('s')}",
            max_items=50,
            max_length=spec.max_length,
        )
    return SpecField(spec)


class ItemForm(forms.Form):
    """Values of one item of a section; empty values are left out of the stored item."""

    def __init__(self, *args, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = SECTIONS[section]
        for spec in self.section.fields:
            self.fields[spec.name] = _field(spec)
        if "highlights" in self.fields:  # bullet points from what the item says
            job = " ".join(f.name for f in self.section.fields if f.kind in ("text", "long"))
            offer(
                self,
                write={"highlights": "highlights"},
                reads={"highlights": {"job": job, "notes": "highlights"}},
            )
        else:
            offer(self)

    def values(self) -> dict:
        return dict(self.cleaned_data)


class BasicsForm(forms.Form):
    """Name, contact details, location and profiles: the top of the resume."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for spec in BASICS.fields:
            self.fields[spec.name] = _field(spec)
        for spec in LOCATION:
            self.fields[f"location_{spec.name}"] = SpecField(spec)
        self.fields["profiles"] = ItemsField(
            keys=tuple(f.name for f in PROFILE),
            required_keys=("network",),
            labels={f.name: f.label for f in PROFILE},
            add_label="Add a profile",
            max_items=30,
            max_length=500,
            item_validators={"url": _profile_url},
            label="Profiles",
            help_text="LinkedIn, GitHub and the like.",
        )
        offer(self, write={"summary": "resume_summary"})

    @classmethod
    def initial_for(cls, basics: dict) -> dict:
        location = basics.get("location") or {}
        return {
            **{spec.name: basics.get(spec.name, "") for spec in BASICS.fields},
            **{f"location_{spec.name}": location.get(spec.name, "") for spec in LOCATION},
            "profiles": basics.get("profiles", []),
        }

    def values(self) -> dict:
        data = self.cleaned_data
        location = {spec.name: data[f"location_{spec.name}"] for spec in LOCATION}
        return {
            **{spec.name: data[spec.name] for spec in BASICS.fields},
            "location": {k: v for k, v in location.items() if v},
            "profiles": data["profiles"],
        }


def _profile_url(value: str) -> str:
    if "://" not in value and "." in value:
        value = f"https://{value}"
    problem = check_value(value, next(f for f in PROFILE if f.name == "url"))
    if problem:
        raise ValidationError(problem[0].upper() + problem[1:])
    return value


class SectionForm(forms.Form):
    heading = forms.CharField(
        max_length=60, required=False, help_text="Leave empty for the standard heading."
    )
    shown = forms.BooleanField(required=False, label="Show this section")

    def __init__(self, *args, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heading"].widget.attrs["placeholder"] = SECTIONS[section].label

    def values(self) -> dict:
        return dict(self.cleaned_data)


class DesignForm(forms.Form):
    """The layout's look; saved as it changes, the last choice wins."""

    template = forms.ChoiceField(choices=TEMPLATES.items(), widget=forms.RadioSelect)
    page = forms.ChoiceField(choices=PAGE_SIZES.items(), label="Paper size")
    font = forms.ChoiceField(choices=FONTS.items())
    accent = forms.RegexField(
        regex=r"^#[0-9a-fA-F]{6}$",
        max_length=7,
        label="Accent colour",
        widget=forms.TextInput(attrs={"type": "color"}),
        error_messages={"invalid": "Use a colour like #1d4ed8."},
        help_text="Headings and links; made darker where needed to stay readable.",
    )
    dateFormat = forms.ChoiceField(  # noqa: N815 - JSON Resume's spelling, stored as is
        choices=[(k, f"{v}") for k, v in DATE_FORMATS.items()], label="Dates"
    )

    def values(self) -> dict:
        return dict(self.cleaned_data)


class ResumeSettingsForm(forms.ModelForm):
    class Meta:
        model = Resume
        fields = ["title", "slug", "visibility"]
        labels = {"slug": "Address"}
        help_texts = {
            "slug": "Your resume lives at /r/your-address/. Lowercase letters, digits and "
            "hyphens; the old address keeps working."
        }
        widgets = {"visibility": forms.RadioSelect}

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"].strip().lower()
        validate_slug(slug)
        taken = Resume.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists()
        moved = ResumeSlugRedirect.objects.filter(old_slug=slug).exclude(resume=self.instance)
        if taken or moved.exists():
            raise forms.ValidationError("That address is taken. Try another.")
        return slug

    def save(self, commit: bool = True) -> Resume:
        """Change only this page's fields, on the freshest row (an edit or a publish made
        meanwhile stays)."""
        data = self.cleaned_data
        self.instance.change_settings(
            slug=data["slug"], title=data["title"], visibility=data["visibility"]
        )
        return self.instance


class VersionForm(forms.Form):
    label = forms.CharField(
        max_length=120,
        label="Name this version",
        widget=forms.TextInput(attrs={"placeholder": "e.g. Before tailoring for Acme"}),
    )
