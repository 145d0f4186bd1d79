from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from apps.ai.fields import offer


@dataclass(frozen=True)
class LibraryKind:
    """A kind of the person's things that blocks may show (`BlockType.library`): rendering
    loads it in one query per page and freezes `as_json` of each row into the snapshot."""

    model: type[models.Model]
    as_json: Callable[[models.Model, dict], dict]  # (row, resolved assets) -> what blocks show
    # Blocks pick items one by one (a dict by id), or filter the kind in library order (a list).
    by_id: bool = False
    asset_ids: Callable[[models.Model], list[str]] = lambda row: []


class BlockForm(forms.Form):
    """A block's schema and its editor form in one. Cleaned data is plain JSON."""

    ai_help: dict = {}  # writing tasks of its fields: apps.ai.fields.offer's arguments

    def __init__(self, *args, owner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        offer(self, **self.ai_help)


@dataclass(frozen=True)
class BlockType:
    """One kind of block, defined in its own module of `types/` with a template
    `templates/blocks/<name>.html` (partials `view` and `form`) and a line in the registry.

    What the block points at elsewhere is declared here, not known by name anywhere else:
    rendering resolves `library` and `assets`, the editor offers pickers for them, "where
    used" and the static export follow them, and a page showing the block allows `csp`.
    """

    name: str
    label: str
    description: str
    icon: str  # an SVG path ("d" attribute), 24×24 outline
    form_class: type[BlockForm]
    defaults: dict = field(default_factory=dict)
    # Library kinds the block shows, each with the data key holding the chosen ids (one id or
    # a list; "" when the block shows every item of the kind): {"projects": "items"}
    library: dict[str, str] = field(default_factory=dict)
    # Data keys that hold asset ids (a single id or a list of ids)
    assets: tuple[str, ...] = ()
    # Sources a page showing this block must allow: {"frame-src": ("https://…",)}
    csp: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Kinds the block brings that the library does not have (the resume block: resumes)
    kinds: dict[str, LibraryKind] = field(default_factory=dict)

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
            name, errors = next(iter(form.errors.as_data().items()))
            row = (errors[0].params or {}).get("row")
            where = "" if name == "__all__" else f"{name}: "
            where += "" if row is None else f"row {row + 1}: "
            raise ValidationError(f"{where}{errors[0].messages[0]}", code="invalid")
        return form.cleaned_data

    def get_context(self, data: dict, resolved: dict) -> dict:
        """What the `view` partial shows besides `data`, looked up in `resolved`: the library and
        assets that rendering gathered for the declarations (plain JSON, keyed by hex id, frozen
        into the revision on publish). Runs on every cold public render: no queries here.

        By default each declared asset key is resolved under its own name (an id becomes the
        asset or None, a list of ids the assets still there); types add to this by overriding.
        """
        assets = resolved["assets"]
        context = {}
        for key in self.assets:
            value = data.get(key)
            if isinstance(value, list):
                context[key] = [assets[i] for i in value if i in assets]
            else:
                context[key] = assets.get(value) if value else None
        return context

    def asset_ids(self, data: dict) -> list[str]:
        return [i for key in self.assets for i in _ids(data.get(key))]


def _ids(value) -> list[str]:
    return value if isinstance(value, list) else [value] if value else []


def _empty(form_field):
    if isinstance(form_field, forms.BooleanField):
        return False
    empty = getattr(form_field, "empty_value", "")
    return list(empty) if isinstance(empty, list) else empty
