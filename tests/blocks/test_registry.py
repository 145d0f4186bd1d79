"""Every registered block type declares only what the rest of the app can follow."""

import pytest
from django.template.loader import get_template

from apps.blocks import registry
from apps.portfolios.rendering import library

TYPES = sorted(registry.BLOCK_TYPES)


@pytest.mark.parametrize("name", TYPES)
def test_declarations_name_fields_of_the_form_and_kinds_rendering_resolves(name):
    kind = registry.get(name)
    fields = kind.form_class.base_fields

    assert set(kind.assets) <= set(fields)
    assert {key for key in kind.library.values() if key} <= set(fields)
    assert set(kind.library) <= set(library())


@pytest.mark.parametrize("name", TYPES)
def test_each_type_has_its_template_with_a_view_and_a_form(name):
    kind = registry.get(name)

    get_template(f"{kind.template}#view")
    get_template(f"{kind.template}#form")


def test_a_document_is_walked_through_the_declarations_skipping_unknown_types():
    photo, other = "a" * 32, "b" * 32
    pages = [
        {"blocks": [{"type": "hero", "data": {"image": photo}}]},
        {
            "blocks": [
                {"type": "gallery", "data": {"images": [other, photo]}},
                {"type": "experience", "data": {"items": ["c" * 32]}},
                {"type": "from-a-newer-version", "data": {"image": "d" * 32}},
            ]
        },
    ]

    assert registry.asset_ids(pages) == {photo, other}
    assert registry.library_kinds(pages) == {"experiences"}
