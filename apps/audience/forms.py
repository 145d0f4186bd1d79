from datetime import datetime, time

from django import forms
from django.utils import timezone

from .models import EmailOptOut, Notification, ShareLink


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
        for kind, label in Notification.Kind.choices:
            self.fields[kind] = forms.BooleanField(
                required=False, label=label, initial=kind not in off
            )

    def save(self) -> None:
        for kind in Notification.Kind.values:
            if self.cleaned_data[kind]:
                EmailOptOut.objects.filter(user=self.user, kind=kind).delete()
            else:
                EmailOptOut.objects.get_or_create(user=self.user, kind=kind)


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
