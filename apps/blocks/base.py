from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError


class BlockForm(forms.Form):
    """A block's schema and its editor form in one. Cleaned data is plain JSON."""

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner


@dataclass(frozen=True)
class BlockType:
    name: str
    label: str
    description: str
    icon: str  # an SVG path ("d" attribute), 24×24 outline
    form_class: type[BlockForm]
    defaults: dict = field(default_factory=dict)
    # Library kinds whose ids the block stores under these data keys: {"projects": "items"}
    library: dict[str, str] = field(default_factory=dict)
    # Data keys that hold asset ids (a single id or a list of ids)
    assets: tuple[str, ...] = ()

    @property
    def template(self) -> str:
        return f"blocks/{self.name}.html"

    def form(self, data=None, *, initial=None, owner=None, prefix=None) -> BlockForm:
        return self.form_class(data, initial=initial, owner=owner, prefix=prefix)

    def default_data(self) -> dict:
        # From the class's fields: building a form (it deep-copies every field) costs more.
        data = {
            name: f.initial if f.initial is not None else _empty(f)
            for name, f in self.form_class.base_fields.items()
        }
        return {**data, **self.defaults}

    def clean(self, data) -> dict:
        """Validate stored or submitted data; unknown fields are refused. Raises ValidationError
        whose message names the field."""
        if not isinstance(data, dict):
            raise ValidationError("Block data must be an object.", code="invalid")
        unknown = set(data) - set(self.form_class.base_fields)
        if unknown:
            raise ValidationError(f"Unknown field: {sorted(unknown)[0]}.", code="unknown_field")
        form = self.form_class(data={**self.default_data(), **data})
        if not form.is_valid():
            name, errors = next(iter(form.errors.items()))
            where = "" if name == "__all__" else f"{name}: "
            raise ValidationError(f"{where}{errors[0]}", code="invalid")
        return form.cleaned_data

    def asset_ids(self, data: dict) -> list[str]:
        ids: list[str] = []
        for key in self.assets:
            value = data.get(key)
            ids += value if isinstance(value, list) else [value] if value else []
        return ids


def _empty(form_field):
    if isinstance(form_field, forms.BooleanField):
        return False
    empty = getattr(form_field, "empty_value", "")
    return list(empty) if isinstance(empty, list) else empty
