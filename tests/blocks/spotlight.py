"""A block type that exists only in the tests, written as the resume issue will write its own:
this module, `templates/blocks/spotlight.html` and one registry line (the `spotlight` fixture
in test_new_block_type.py stands in for that line). Nothing in apps/ knows its name."""

from django import forms

from apps.blocks.base import BlockForm, BlockType
from apps.blocks.fields import IdField


class SpotlightForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="In the spotlight")
    project = IdField(required=False, label="Project")
    photo = IdField(required=False, label="Photo")


class SpotlightBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        context = super().get_context(data, resolved)  # `photo`, resolved from its declaration
        return {**context, "project": resolved["projects"].get(data["project"])}


block = SpotlightBlock(
    name="spotlight",
    label="Spotlight",
    description="One project with a photo of your choice.",
    icon="M12 3v18M3 12h18",
    form_class=SpotlightForm,
    library={"projects": "project"},
    assets=("photo",),
    csp={"img-src": ("https://badges.example",)},
)
