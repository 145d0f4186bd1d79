"""The job a resume is tailored to or a cover letter written for: a pasted description and,
optionally, its title, company and address."""

import hashlib
import uuid

from django import forms

from apps.ai.assistant import MAX_INPUT

JOB_FIELDS = ("job_title", "job_company", "job_url", "job_description")


class JobForm(forms.Form):
    job_description = forms.CharField(
        label="Job description",
        max_length=MAX_INPUT,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Paste the whole advert: what the role does and what it asks for.",
        error_messages={"required": "Paste the job description."},
    )
    job_title = forms.CharField(label="Job title", max_length=200, required=False)
    job_company = forms.CharField(label="Company", max_length=200, required=False)
    job_url = forms.URLField(
        label="Address of the advert", max_length=500, required=False, assume_scheme="https"
    )
    # One submission, one charge: a repeated (or later accepted) submission of the same job
    # reads the stored answer instead of paying again.
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def clean_nonce(self) -> str:
        nonce = self.cleaned_data["nonce"]
        return nonce if nonce.isalnum() else uuid.uuid4().hex

    def job(self) -> dict:
        return {name: self.cleaned_data[name] for name in JOB_FIELDS}

    def idempotency_key(self, task: str) -> str:
        nonce = self.cleaned_data["nonce"]
        digest = hashlib.sha256(self.cleaned_data["job_description"].encode()).hexdigest()
        return f"{task}:{nonce[:32]}:{digest[:16]}"


def new_nonce() -> str:
    return uuid.uuid4().hex
