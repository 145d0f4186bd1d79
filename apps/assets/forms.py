import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIteratorValue

from .models import Asset


class AssetPickerWidget(forms.Widget):
    """A hidden id, a preview, and buttons that open the asset picker dialog."""

    template_name = "assets/widgets/asset_picker.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.queryset = Asset.objects.none()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["asset"] = self.queryset.filter(pk=_as_uuid(value)).first() if value else None
        return context


class ImageChoicesWidget(forms.CheckboxSelectMultiple):
    """Several of the person's assets as checkable thumbnails. Choice values carry the asset
    (`ModelChoiceIteratorValue`), as ModelMultipleChoiceField and `asset_choices()` provide."""

    template_name = "assets/widgets/image_choices.html"


def asset_choices(assets) -> list[tuple]:
    """Choices valued by hex id, the spelling documents store (apps.blocks.fields.hex_id)."""
    return [(ModelChoiceIteratorValue(a.pk.hex, a), str(a)) for a in assets]


class AssetField(forms.Field):
    """Chooses one of the person's assets; cleans to its id (a UUID) or None.

    Call `for_owner(user)` in the form's __init__: ids of anyone else's assets are refused
    exactly like ids that do not exist, so nothing leaks.
    """

    widget = AssetPickerWidget
    default_error_messages = {"invalid_choice": "Choose an image from your library."}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.queryset = Asset.objects.none()

    def for_owner(self, owner) -> None:
        self.queryset = Asset.objects.owned_by(owner)
        self.widget.queryset = self.queryset

    def to_python(self, value) -> uuid.UUID | None:
        if value in self.empty_values:
            return None
        asset_id = _as_uuid(value)
        if asset_id is None or not self.queryset.filter(pk=asset_id).exists():
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return asset_id

    def prepare_value(self, value):
        return str(value) if isinstance(value, uuid.UUID) else value


def _as_uuid(value) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except (ValueError, AttributeError):
        return None


class AssetEditForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = ["title", "alt_text"]
        widgets = {"alt_text": forms.Textarea(attrs={"rows": 3})}
        labels = {"alt_text": "Alt text"}


class AssetFilterForm(forms.Form):
    SORTS = {
        "new": "-created_at",
        "old": "created_at",
        "large": "-bytes",
        "small": "bytes",
    }

    q = forms.CharField(required=False, max_length=200, label="Search")
    kind = forms.ChoiceField(
        required=False, choices=[("", "All images"), *Asset.Kind.choices], label="Kind"
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[
            ("new", "Newest"),
            ("old", "Oldest"),
            ("large", "Largest"),
            ("small", "Smallest"),
        ],
        label="Sort",
    )

    def is_filtered(self) -> bool:
        return bool(self.cleaned_data["q"].strip() or self.cleaned_data["kind"])

    def apply(self, assets):
        data = self.cleaned_data
        assets = assets.search(data["q"])
        if data["kind"]:
            assets = assets.filter(kind=data["kind"])
        return assets.order_by(self.SORTS[data["sort"] or "new"], "-pk")


class ImageGenerateForm(forms.Form):
    """What to draw: a description, a shape and a style (apps.ai.providers.base)."""

    prompt = forms.CharField(
        label="Describe the image",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What it shows, the mood and colours. No text appears in the image.",
        error_messages={"required": "Describe the image you want."},
    )
    aspect = forms.ChoiceField(label="Shape", choices=[], initial="1:1")
    style = forms.ChoiceField(label="Style", choices=[], initial="illustration")
    # One click, one image: the same submission sent twice makes (and charges) one.
    nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, **kwargs):
        from apps.ai.providers.base import ASPECTS, STYLES

        super().__init__(*args, **kwargs)
        names = {"1:1": "square", "4:3": "landscape", "3:4": "portrait", "16:9": "wide",
                 "9:16": "tall", "3:2": "photo landscape"}  # fmt: skip
        self.fields["aspect"].choices = [(a, f"{a} ({names.get(a, a)})") for a in ASPECTS]
        self.fields["style"].choices = [(s, label.capitalize()) for s, label in STYLES.items()]
        self.initial.setdefault("nonce", uuid.uuid4().hex)

    def idempotency_key(self) -> str:
        nonce = self.cleaned_data.get("nonce") or ""
        return f"image:{nonce}" if nonce.isalnum() else ""
