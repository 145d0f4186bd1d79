"""Forms for starting a resume: from the library or blank (`ResumeCreateForm`), or from a file
or pasted JSON (`ResumeImportForm`)."""

from django import forms
from django.conf import settings

from apps.library.models import Education, Experience, Project, Skill

from .content import MAX_BYTES, blank_content
from .importers import Imported, ImportProblem, jsonresume, linkedin
from .library import resume_from_library

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip


class ResumeCreateForm(forms.Form):
    LIBRARY = ("experiences", "educations", "projects", "skills")

    title = forms.CharField(
        max_length=120,
        initial="My resume",
        help_text="For you, e.g. “Backend roles, 2026”. Employers see your name, not this.",
    )
    start = forms.ChoiceField(
        choices=[("library", "Start from my library"), ("blank", "Start blank")],
        initial="library",
        widget=forms.RadioSelect,
    )
    profile = forms.BooleanField(required=False, initial=True, label="My name, title and bio")
    show_email = forms.BooleanField(required=False, initial=False)
    experiences = forms.ModelMultipleChoiceField(
        queryset=Experience.objects.none(),
        required=False,
        label="Experience",
        widget=forms.CheckboxSelectMultiple,
    )
    educations = forms.ModelMultipleChoiceField(
        queryset=Education.objects.none(),
        required=False,
        label="Education",
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.ModelMultipleChoiceField(
        queryset=Project.objects.none(),
        required=False,
        label="Projects",
        widget=forms.CheckboxSelectMultiple,
    )
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.none(),
        required=False,
        label="Skills",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        email = self.fields["show_email"]
        email.label = f"Put my email address ({owner.email}) on it"
        email.help_text = "Recruiters reply to it. Off by default, as on portfolios: you can "
        email.help_text += "add any address in the editor."
        kinds = {
            "experiences": Experience.objects.owned_by(owner),
            "educations": Education.objects.owned_by(owner),
            "projects": Project.objects.owned_by(owner).order_by(
                "-featured", "position", "-created_at"
            ),
            "skills": Skill.objects.owned_by(owner),
        }
        for name, queryset in kinds.items():
            field = self.fields[name]
            field.queryset = queryset
            field.label_from_instance = _label
            # Every item ticked, to begin with.
            self.initial.setdefault(name, list(queryset.values_list("pk", flat=True)))

    def library_fields(self) -> list:
        return [self[name] for name in self.LIBRARY]

    def library_is_empty(self) -> bool:
        return not any(self.fields[name].queryset.exists() for name in self.LIBRARY)

    def content(self) -> Imported:
        data = self.cleaned_data
        if data["start"] == "blank":
            return Imported(blank_content(), data["title"])
        return resume_from_library(
            self.owner,
            profile=data["profile"],
            show_email=data["show_email"],
            experiences=data["experiences"],
            educations=data["educations"],
            projects=data["projects"],
            skills=data["skills"],
        )


def _label(thing) -> str:
    if isinstance(thing, Experience):
        return f"{thing.role} · {thing.company}" + (f" ({thing.period})" if thing.period else "")
    if isinstance(thing, Education):
        return str(thing) + (f" ({thing.period})" if thing.period else "")
    if isinstance(thing, Skill) and thing.level:
        return f"{thing.name} ({thing.get_level_display()})"
    return str(thing)


class ResumeImportForm(forms.Form):
    file = forms.FileField(
        required=False,
        label="Upload a file",
        help_text="A JSON Resume file (.json), or the zip of your LinkedIn data export.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,.zip,application/json,application/zip"}
        ),
    )
    text = forms.CharField(
        required=False,
        strip=False,
        label="Or paste JSON Resume",
        widget=forms.Textarea(
            attrs={"rows": 10, "spellcheck": "false", "class": "font-mono text-xs"}
        ),
    )
    title = forms.CharField(
        max_length=120,
        required=False,
        help_text="For you. Left empty, it is taken from the resume's headline.",
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.imported: Imported | None = None

    def clean(self):
        data = super().clean()
        upload, text = data.get("file"), data.get("text")
        if self.too_large:
            limit = min(settings.ASSET_MAX_BYTES, linkedin.MAX_UPLOAD)
            self.add_error("file", linkedin.too_large(limit))
        elif "file" in self.errors or "text" in self.errors:
            pass
        elif upload:
            self._read(upload, "file")
        elif text and text.strip():
            self._read(text, "text")
        else:
            raise forms.ValidationError("Choose a file, or paste a JSON Resume document.")
        return data

    def _read(self, source, field: str) -> None:
        try:
            self.imported = _imported(source)
        except ImportProblem as problem:
            self.add_error(field, problem.problems)


def _imported(source) -> Imported:
    if isinstance(source, str):
        return jsonresume.parse(source)
    head = source.read(4)
    source.seek(0)
    if head in ZIP_MAGIC:
        return linkedin.read(source)
    if source.size > MAX_BYTES:
        raise ImportProblem([jsonresume.too_large()])
    return jsonresume.read(source.read(MAX_BYTES + 1))
