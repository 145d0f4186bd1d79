import uuid
from datetime import timedelta

from crispy_forms.helper import FormHelper
from django import forms
from django.core.cache import cache
from django.utils import timezone

from .models import ApiKey, Scope

EXPIRY_CHOICES = [("30", "In 30 days"), ("90", "In 90 days"), ("365", "In a year"), ("", "Never")]
MAX_KEYS = 20  # active keys per person


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        help_text="What uses it, so you know which to revoke: “Laptop script”, say.",
    )
    scopes = forms.MultipleChoiceField(
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Give a key only what its script needs.",
    )
    expires = forms.ChoiceField(choices=EXPIRY_CHOICES, required=False, initial="90")
    # One key per form shown: the same form sent again (a reload) creates nothing more.
    once = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        if ApiKey.objects.filter(owner=self.owner).active().count() >= MAX_KEYS:
            raise forms.ValidationError(
                f"You have {MAX_KEYS} active keys, the most allowed. Revoke one first."
            )
        return super().clean()

    def save(self) -> tuple[ApiKey, str] | None:
        """The new key and its secret; None when this form was sent before (a reload)."""
        once = self.cleaned_data["once"]
        if once and not cache.add(f"api-key-form:{self.owner.pk}:{once}", 1, timeout=86400):
            return None
        days = self.cleaned_data["expires"]
        expires_at = timezone.now() + timedelta(days=int(days)) if days else None
        return ApiKey.objects.issue(
            self.owner, self.cleaned_data["name"], self.cleaned_data["scopes"], expires_at
        )
