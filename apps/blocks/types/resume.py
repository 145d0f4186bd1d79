"""A link to one of the person's published resumes and its PDF. It brings its own library kind
(resumes), so nothing outside this module, its template and the registry line names it."""

from django import forms
from django.urls import reverse

from apps.resumes.models import Resume

from ..base import BlockForm, BlockType, LibraryKind
from ..fields import IdField


class ResumeForm(BlockForm):
    resume = IdField(label="Resume", required=False, help_text="Only published resumes show.")
    heading = forms.CharField(max_length=120, initial="My resume")
    text = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        initial="The whole story on one page, ready to download.",
    )


def _resume(resume: Resume, assets: dict) -> dict:
    shown = bool(resume.live_id) and resume.visibility != Resume.Visibility.PRIVATE
    return {
        "id": resume.pk.hex,
        "title": resume.title,
        "url": reverse("public_resumes:page", args=[resume.slug]) if shown else "",
        "pdf_url": reverse("public_resumes:pdf", args=[resume.slug]) if shown else "",
    }


class ResumeBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        chosen = resolved["resumes"].get(data["resume"])
        return {"resume": chosen if chosen and chosen["url"] else None}


block = ResumeBlock(
    name="resume",
    label="Resume",
    description="A link to one of your published resumes and its PDF.",
    icon="M19.5 14.25v-2.625a3.375 3.375 0 0 0-3.375-3.375h-1.5A1.125 1.125 0 0 1 13.5 7.125v-1.5a3.375 3.375 0 0 0-3.375-3.375H8.25m.75 12 3 3m0 0 3-3m-3 3v-6m-1.5-9H5.625c-.621 0-1.125.504-1.125 1.125v17.25c0 .621.504 1.125 1.125 1.125h12.75c.621 0 1.125-.504 1.125-1.125V11.25a9 9 0 0 0-9-9Z",
    form_class=ResumeForm,
    library={"resumes": "resume"},
    kinds={"resumes": LibraryKind(Resume, _resume, by_id=True)},
)
