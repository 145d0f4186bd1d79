"""Form fields whose cleaned values are plain JSON: blocks store what these return."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from apps.core.richtext import sanitize

SAFE_URL = URLValidator(schemes=["http", "https"])


class RichTextField(forms.CharField):
    """HTML through the one nh3 policy (apps.core.richtext)."""

    widget = forms.Textarea(attrs={"rows": 6, "data-richtext": ""})

    def clean(self, value):
        return sanitize(super().clean(value))


class LinkField(forms.CharField):
    """An http(s) or mailto: link; javascript:, data: and friends are refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return value
        if value.startswith("mailto:") and "@" in value:
            return value
        try:
            SAFE_URL(value)
        except ValidationError:
            raise ValidationError("Enter a full link starting with https://", code="url") from None
        return value


class IdField(forms.CharField):
    """One id, e.g. of an asset or a library item, stored as 32 hex digits whatever spelling
    came in; whether it names something the person owns is checked on use."""

    def clean(self, value):
        value = super().clean(value)
        return hex_id(value) if value else ""


class IdListField(forms.Field):
    """Several ids (hex, like IdField), from a JSON list or repeated form values; order kept,
    duplicates dropped."""

    widget = forms.SelectMultiple
    empty_value: list = []

    def __init__(self, *, max_items: int = 50, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.max_items = max_items

    def to_python(self, value) -> list[str]:
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            raise ValidationError("Expected a list of ids.", code="invalid")
        if len(value) > self.max_items:
            raise ValidationError(f"Choose at most {self.max_items}.", code="max_items")
        ids = [hex_id(item) for item in value]
        return list(dict.fromkeys(ids))


class ItemsField(forms.Field):
    """A list of small records (e.g. stats), edited as lines of text: "value | label".

    Stored as a list of dicts with `keys`. JSON input (a list of dicts) is accepted too.
    """

    widget = forms.Textarea(attrs={"rows": 5})
    empty_value: list = []

    def __init__(
        self,
        *,
        keys: tuple[str, ...],
        max_items: int = 30,
        max_length: int = 300,
        item_validators: dict | None = None,
        **kwargs,
    ):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.keys, self.max_items, self.max_length = keys, max_items, max_length
        self.item_validators = item_validators or {}
        # With JavaScript the lines become rows of inputs (static/js/app.js, "item rows").
        self.widget.attrs.update({"data-items": "|".join(keys), "data-max-items": max_items})

    def to_python(self, value) -> list[dict]:
        if value in (None, "", []):
            return []
        if isinstance(value, str):
            rows = [line.split("|") for line in value.splitlines() if line.strip()]
            value = [
                dict(zip(self.keys, (part.strip() for part in row), strict=False)) for row in rows
            ]
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise ValidationError("Expected a list of items.", code="invalid")
        if len(value) > self.max_items:
            raise ValidationError(f"Add at most {self.max_items} items.", code="max_items")
        return [self._clean_item(number, item) for number, item in enumerate(value, 1)]

    def _clean_item(self, number: int, item: dict) -> dict:
        unknown = set(item) - set(self.keys)
        if unknown:
            raise ValidationError(
                f"Item {number} has unknown fields: {', '.join(sorted(unknown))}."
            )
        clean = {}
        for key in self.keys:
            text = item.get(key, "")
            if not isinstance(text, str):
                raise ValidationError(f"Item {number}: {key} must be text.", code="invalid")
            text = text.strip()
            if len(text) > self.max_length:
                raise ValidationError(
                    f"Item {number}: {key} is longer than {self.max_length} characters."
                )
            if key in self.item_validators:
                try:
                    text = self.item_validators[key](text)
                except ValidationError as exc:
                    raise ValidationError(f"Item {number}: {exc.messages[0]}") from None
            clean[key] = text
        if not clean[self.keys[0]]:
            raise ValidationError(
                f"Item {number}: the {self.keys[0]} is missing.", code="required"
            )
        return clean

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(" | ".join(item.get(k, "") for k in self.keys) for item in value)
        return value


def hex_id(value) -> str:
    """One spelling for every id a document stores: uuid4().hex, like block and page ids."""
    try:
        return uuid.UUID(str(value)).hex
    except (ValueError, TypeError, AttributeError):
        raise ValidationError("That is not a valid id.", code="invalid_id") from None
