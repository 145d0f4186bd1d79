from datetime import datetime, time

from django import forms
from django.utils import timezone

from .models import (
    SENT_KINDS,
    EmailOptOut,
    RecruiterList,
    SavedItem,
    SaveOptOut,
    ShareLink,
)


class ShareLinkForm(forms.ModelForm):
    expires_on = forms.DateField(
        required=False,
        label="Expires on (optional)",
        help_text="The link stops working at the end of that day.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = ShareLink
        fields = ["recipient", "company", "note", "allow_download"]
        labels = {
            "recipient": "Recipient’s name",
            "company": "Company (optional)",
            "note": "Private note (optional)",
            "allow_download": "Allow downloading the PDF",
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, downloadable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not downloadable:
            del self.fields["allow_download"]
        self.order_fields(["recipient", "company", "expires_on", "allow_download", "note"])

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        if day and day < timezone.localdate():
            raise forms.ValidationError("Choose today or a later day.")
        return day

    def save(self, commit=True) -> ShareLink:
        day = self.cleaned_data.get("expires_on")
        if day:
            end = datetime.combine(day, time.max)
            self.instance.expires_at = timezone.make_aware(end)
        return super().save(commit)


class EmailPreferencesForm(forms.Form):
    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        off = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
        for kind in SENT_KINDS:
            self.fields[kind] = forms.BooleanField(
                required=False, label=kind.label, initial=kind not in off
            )
        self.fields["may_be_saved"] = forms.BooleanField(
            required=False,
            label="Recruiters may save my published portfolios and resumes to their lists",
            help_text="They only ever see what you published, and you hear when they save it.",
            initial=not SaveOptOut.objects.filter(user=user).exists(),
        )

    def save(self) -> None:
        for kind in SENT_KINDS:
            if self.cleaned_data[kind]:
                EmailOptOut.objects.filter(user=self.user, kind=kind).delete()
            else:
                EmailOptOut.objects.get_or_create(user=self.user, kind=kind)
        if self.cleaned_data["may_be_saved"]:
            SaveOptOut.objects.filter(user=self.user).delete()
        else:
            SaveOptOut.objects.get_or_create(user=self.user)


class ContactForm(forms.Form):
    """What a visitor sends. Sizes are capped here and by the view's body limit."""

    name = forms.CharField(max_length=100, label="Your name")
    email = forms.EmailField(max_length=254, label="Your email")
    message = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    # The honeypot: hidden from people (visually and from assistive technology), filled by bots.
    website = forms.CharField(required=False, max_length=200)
    token = forms.CharField(max_length=200)

    def clean_name(self) -> str:
        # One line: it becomes an email subject.
        return " ".join(self.cleaned_data["name"].split())


class RecruiterListForm(forms.ModelForm):
    class Meta:
        model = RecruiterList
        fields = ["name"]
        labels = {"name": "List name"}

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.owner = owner

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if RecruiterList.objects.filter(owner=self.instance.owner, name=name).exists():
            raise forms.ValidationError("You already have a list with that name.")
        return name


class TagsField(forms.CharField):
    """Comma-separated tags in the form, a clean list in the database."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        tags = list(dict.fromkeys(t.strip()[:40] for t in text.split(",") if t.strip()))
        if len(tags) > 20:
            raise forms.ValidationError("Up to 20 tags.")
        return tags


class SavedItemForm(forms.ModelForm):
    tags = TagsField(required=False, help_text="Separated by commas, e.g. “python, Berlin”.")

    class Meta:
        model = SavedItem
        fields = ["note", "tags"]
        labels = {"note": "Private note"}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class SaveForm(forms.Form):
    """Save a published page by its address, as the recruiter copied it from the browser."""

    address = forms.CharField(
        max_length=500,
        label="Address of a published portfolio or resume",
        help_text="e.g. https://grooya.example/p/ada-lovelace/",
    )
    list = forms.ModelChoiceField(queryset=RecruiterList.objects.none(), empty_label=None)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["list"].queryset = RecruiterList.objects.filter(owner=owner)

    def clean_address(self):
        from urllib.parse import urlsplit

        from apps.portfolios.models import Portfolio
        from apps.resumes.models import Resume

        path = urlsplit(self.cleaned_data["address"].strip()).path
        parts = [p for p in path.split("/") if p]
        model = {"p": Portfolio, "r": Resume}.get(parts[0]) if len(parts) >= 2 else None
        target = model.objects.filter(slug=parts[1]).first() if model else None
        if target is None or not target.is_public:
            raise forms.ValidationError(
                "That is not the address of a published portfolio or resume (/p/… or /r/…)."
            )
        if SaveOptOut.objects.filter(user_id=target.owner_id).exists():
            raise forms.ValidationError("This person has chosen not to be saved to lists.")
        return target
