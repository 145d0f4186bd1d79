from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Layout
from django import forms

from apps.ai.fields import offer
from apps.assets.forms import AssetField

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
    avatar = AssetField(
        required=False,
        label="Profile photo",
        help_text="Pick an image from your library or upload one. We crop it square.",
    )

    class Meta:
        model = User
        fields = ["name", "title", "bio"]
        # avatar is not a model field here: AssetField returns an id, checked against the owner.
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"bio": "A few sentences about you. Shown on your portfolio."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["avatar"].for_owner(self.instance)
        self.initial.setdefault("avatar", self.instance.avatar_id)
        offer(self, write={"bio": "about"})
        self.helper = FormHelper()
        self.helper.form_tag = False
        # The bio's AI menu sits under it (crispy draws fields itself, not form_field.html).
        self.helper.layout = Layout(
            "name", "title", "bio", HTML("{% load ai_menu %}{% ai_menu form.bio %}"), "avatar"
        )

    def save(self, commit: bool = True) -> User:
        self.instance.avatar_id = self.cleaned_data["avatar"]
        return super().save(commit=commit)


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
