from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings

from .images import avatar_from_upload
from .models import User


class SignupForm(forms.Form):
    """Extra sign-up fields, mixed into allauth's form by ACCOUNT_SIGNUP_FORM_CLASS."""

    name = forms.CharField(
        max_length=120,
        label="Your name",
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": "Ada Lovelace"}),
    )
    field_order = ["name", "email", "password1"]

    def signup(self, request, user: User) -> None:
        user.name = self.cleaned_data["name"]
        user.save(update_fields=["name"])


class ProfileForm(forms.ModelForm):
    avatar = forms.FileField(
        required=False,
        label="Profile photo",
        help_text="JPEG, PNG, WebP or GIF, up to 5 MB. We crop it square.",
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
    )

    class Meta:
        model = User
        fields = ["name", "title", "bio", "avatar"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"bio": "A few sentences about you. Shown on your portfolio."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if upload is False or not upload or upload == self.instance.avatar:
            return upload
        return avatar_from_upload(upload, settings.AVATAR_MAX_BYTES)

    def save(self, commit: bool = True) -> User:
        old = (
            User.objects.get(pk=self.instance.pk).avatar if "avatar" in self.changed_data else None
        )
        user = super().save(commit=commit)
        if old and old.name != user.avatar.name:
            old.storage.delete(old.name)
        return user


class DeleteAccountForm(forms.Form):
    confirm = forms.CharField(
        label="Type your email address to confirm",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-confirm-input": ""}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        value = self.cleaned_data["confirm"].strip()
        if value.lower() != self.user.email.lower():
            raise forms.ValidationError("That is not your email address; nothing was deleted.")
        return value
