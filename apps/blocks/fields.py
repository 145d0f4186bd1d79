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


class ItemRowsWidget(forms.Widget):
    """Rows of inputs, one row per item, named `<name>-<row>-<key>`.

    Rows are numbered when drawn and never renumbered, so a message about row 3 stays beside
    row 3 while the person adds and removes others. Without JavaScript a blank row at the end
    adds an item; with it, "Add" copies the row template and "Remove" takes a row away.
    """

    template_name = "blocks/widgets/item_rows.html"

    def __init__(self, spec: "ItemsField", attrs=None):
        super().__init__(attrs)
        self.spec = spec
        self.row_errors: dict[int, list[str]] = {}

    def value_from_datadict(self, data, files, name):
        if not hasattr(data, "getlist"):  # stored JSON (admin, API, document validation)
            return data.get(name)
        rows: dict[int, dict] = {}
        for field_name in data:
            row, key = _row_key(field_name, name)
            if row is not None and key in self.spec.keys:
                rows.setdefault(row, {})[key] = data.get(field_name)
        return [(row, rows[row]) for row in sorted(rows)][: self.spec.max_items * 2]

    def value_omitted_from_data(self, data, files, name):
        return False  # no rows at all means "no items"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        spec, base_id = self.spec, attrs.get("id", f"id_{name}")
        rows = list(value or [])
        next_row = max((row for row, _ in rows), default=-1) + 1
        context["widget"].update(
            rows=[self._row(name, base_id, row, item) for row, item in rows],
            blank=self._row(name, base_id, next_row, {}),
            template_row=self._row(name, base_id, "__row__", {}),
            next_row=next_row,
            max_items=spec.max_items,
            add_label=spec.add_label,
        )
        return context

    def _row(self, name: str, base_id: str, row, item: dict) -> dict:
        cells = []
        for key in self.spec.keys:
            value = item.get(key, "") if isinstance(item, dict) else ""
            choices = self.spec.choices.get(key)
            icons = self.spec.choice_icons.get(key)
            cells.append(
                {
                    "key": key,
                    "name": f"{name}-{row}-{key}",
                    "id": f"{base_id}_{row}_{key}",
                    "label": self.spec.labels.get(key, key.capitalize()),
                    "value": value,
                    "required": key in self.spec.required_keys,
                    "choices": choices,
                    "multiline": key in self.spec.multiline,
                    "max_length": self.spec.max_length,
                    "icon_template": icons,
                    "icon_link": {key: value},
                    "icons": [{"value": v, "link": {key: v}} for v, _ in choices or []]
                    if icons
                    else [],
                }
            )
        return {
            "row": row,
            "cells": cells,
            "error_id": f"{base_id}_{row}_error",
            "errors": self.row_errors.get(row, []) if isinstance(row, int) else [],
        }


class ItemsBoundField(forms.BoundField):
    """Messages about one row are drawn beside that row, not under the whole field."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        widget = widget or self.field.widget
        widget.row_errors = row_errors(self.form, self.name)
        return super().as_widget(widget, attrs, only_initial)

    @property
    def errors(self):
        whole = [
            message
            for error in self.form.errors.as_data().get(self.name, [])
            if (error.params or {}).get("row") is None
            for message in error.messages
        ]
        return self.form.error_class(whole, renderer=self.form.renderer)

    @property
    def row_slots(self) -> list[dict]:
        """The message slot of every row drawn from this data, for out-of-band updates."""
        found = row_errors(self.form, self.name)
        return [
            {"error_id": f"{self.auto_id}_{row}_error", "errors": found.get(row, [])}
            for row, _ in self.value() or []
        ]


def row_errors(form: forms.Form, name: str) -> dict[int, list[str]]:
    """The form's messages about single rows of an items field, by row number."""
    found: dict[int, list[str]] = {}
    for error in form.errors.as_data().get(name, []):
        row = (error.params or {}).get("row")
        if row is not None:
            found.setdefault(row, []).extend(error.messages)
    return found


class ItemsField(forms.Field):
    """A list of small records (stats, testimonials, links), edited as rows of inputs.

    Stored as a list of dicts with `keys`; a list of dicts (JSON) is accepted too. A row left
    blank is ignored; a row with some of its `required_keys` missing is refused with a message
    about that row (error params carry `row`), so nothing half-typed is stored or thrown away.
    """

    bound_field_class = ItemsBoundField
    empty_value: list = []
    default_error_messages = {"invalid": "Expected a list of items."}

    def __init__(
        self,
        *,
        keys: tuple[str, ...],
        required_keys: tuple[str, ...] | None = None,
        labels: dict[str, str] | None = None,
        choices: dict[str, list[tuple[str, str]]] | None = None,
        multiline: tuple[str, ...] = (),
        choice_icons: dict[str, str] | None = None,
        add_label: str = "Add an item",
        max_items: int = 30,
        max_length: int = 300,
        item_validators: dict | None = None,
        clean_item=None,
        **kwargs,
    ):
        kwargs.setdefault("required", False)
        self.keys, self.max_items, self.max_length = keys, max_items, max_length
        self.required_keys = required_keys if required_keys is not None else keys[:1]
        self.labels, self.choices = labels or {}, choices or {}
        self.multiline, self.add_label = multiline, add_label
        self.choice_icons = choice_icons or {}  # key → template partial drawing a choice's icon
        self.item_validators = item_validators or {}
        self.clean_item = clean_item
        kwargs.setdefault("widget", ItemRowsWidget(self))
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.widget.spec = result  # each form's copy of the widget reads its own field
        return result

    def to_python(self, value) -> list[tuple[int, dict]]:
        if value in (None, "", []):
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        rows = [item if isinstance(item, tuple) else (i, item) for i, item in enumerate(value)]
        if not all(isinstance(item, dict) for _, item in rows):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return rows

    def clean(self, value) -> list[dict]:
        rows = self.to_python(value)
        items, errors = [], []
        for row, item in rows:
            try:
                cleaned = self._clean_item(item)
            except ValidationError as exc:
                errors += [
                    ValidationError(message, code="row", params={"row": row})
                    for message in exc.messages
                ]
                continue
            if cleaned is not None:
                items.append(cleaned)
        if errors:
            raise ValidationError(errors)
        if len(items) > self.max_items:
            raise ValidationError(f"Add at most {self.max_items} items.", code="max_items")
        if self.required and not items:
            raise ValidationError(self.error_messages["required"], code="required")
        return items

    def _clean_item(self, item: dict) -> dict | None:
        unknown = set(item) - set(self.keys)
        if unknown:
            raise ValidationError(f"Unknown fields: {', '.join(sorted(map(str, unknown)))}.")
        clean = {}
        for key in self.keys:
            text = item.get(key) or ""
            if not isinstance(text, str):
                raise ValidationError(f"{self._label(key)} must be text.", code="invalid")
            if "\x00" in text:
                raise ValidationError("Null characters are not allowed.", code="null_characters")
            text = text.strip()
            if len(text) > self.max_length:
                raise ValidationError(
                    f"{self._label(key)}: at most {self.max_length} characters "
                    f"(it has {len(text)})."
                )
            clean[key] = text
        if not any(clean.values()):
            return None  # a blank row
        missing = [k for k in self.required_keys if not clean[k]]
        if missing:
            label = self._label(missing[0]).lower()
            raise ValidationError(f"Add the {label}, or remove this row.", code="incomplete")
        for key, validate in self.item_validators.items():
            if clean[key]:
                clean[key] = validate(clean[key])
        return self.clean_item(clean) if self.clean_item else clean

    def _label(self, key: str) -> str:
        return self.labels.get(key, key.capitalize())

    def prepare_value(self, value):
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            return list(enumerate(value))  # stored items, numbered for drawing
        return value


def _row_key(field_name: str, name: str) -> tuple[int | None, str]:
    rest = field_name.removeprefix(f"{name}-")
    if rest == field_name:
        return None, ""
    row, _, key = rest.partition("-")
    return (int(row), key) if row.isdigit() and len(row) < 6 else (None, "")


def hex_id(value) -> str:
    """One spelling for every id a document stores: uuid4().hex, like block and page ids."""
    try:
        return uuid.UUID(str(value)).hex
    except (ValueError, TypeError, AttributeError):
        raise ValidationError("That is not a valid id.", code="invalid_id") from None


class TextRowsField(ItemsField):
    """A list of short texts (highlights, keywords), one row each; stored as a list of strings."""

    def __init__(self, *, label_one: str = "Text", **kwargs):
        kwargs.setdefault("add_label", "Add a row")
        super().__init__(keys=("text",), labels={"text": label_one}, **kwargs)

    def to_python(self, value) -> list[tuple[int, dict]]:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = [{"text": v} for v in value]
        return super().to_python(value)

    def clean(self, value) -> list[str]:
        return [item["text"] for item in super().clean(value)]

    def prepare_value(self, value):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(enumerate({"text": v} for v in value))
        return super().prepare_value(value)
