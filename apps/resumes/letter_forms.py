"""Forms for cover letters: starting one (blank or drafted by the assistant from a resume and a
job), and the editor's fields."""

from django import forms

from apps.ai.fields import offer
from apps.ai.prompts import TONES

from .job_forms import JobForm
from .models import CoverLetter, Resume


class LetterCreateForm(JobForm):
    resume = forms.ModelChoiceField(
        queryset=Resume.objects.none(),
        label="From the resume",
        empty_label=None,
        help_text="The letter draws only on what this resume holds.",
    )
    tone = forms.ChoiceField(
        choices=[("", "Plain"), *((t, t.capitalize()) for t in TONES)],
        required=False,
    )

    field_order = ["resume", "job_description", "job_title", "job_company", "job_url", "tone"]

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resume"].queryset = Resume.objects.filter(owner=owner).only("pk", "title")
        self.fields["job_description"].required = False

    def clean(self):
        data = super().clean()
        if self.data.get("draft") and not data.get("job_description"):
            self.add_error("job_description", "Paste the job description to draft a letter.")
        return data

    def title(self) -> str:
        job = " at ".join(
            v for v in (self.cleaned_data["job_title"], self.cleaned_data["job_company"]) if v
        )
        return f"Cover letter — {job}"[:120] if job else "Cover letter"


class LetterForm(forms.ModelForm):
    class Meta:
        model = CoverLetter
        fields = CoverLetter.EDITABLE
        labels = {"job_title": "Job title", "job_company": "Company", "job_url": "Advert"}
        widgets = {"body": forms.Textarea(attrs={"rows": 18})}
        help_texts = {"body": "Leave a blank line between paragraphs."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self)  # the body's AI menu: improve, shorten, expand, grammar, tone
