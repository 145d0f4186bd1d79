from django import forms

from ..base import BlockForm, BlockType
from ..fields import ItemsField


class StatsForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False)
    items = ItemsField(
        keys=("value", "label"),
        labels={"value": "Number", "label": "What it counts"},
        add_label="Add a number",
        max_items=8,
        max_length=80,
        label="Numbers",
        help_text="A number and what it counts, e.g. 12 and “years of design”.",
    )


block = BlockType(
    name="stats",
    label="Stats",
    description="A few numbers that tell your story.",
    icon="M3 13.125C3 12.504 3.504 12 4.125 12h2.25c.621 0 1.125.504 1.125 1.125v6.75C7.5 20.496 6.996 21 6.375 21h-2.25A1.125 1.125 0 0 1 3 19.875v-6.75ZM9.75 8.625c0-.621.504-1.125 1.125-1.125h2.25c.621 0 1.125.504 1.125 1.125v11.25c0 .621-.504 1.125-1.125 1.125h-2.25a1.125 1.125 0 0 1-1.125-1.125V8.625ZM16.5 4.125c0-.621.504-1.125 1.125-1.125h2.25C20.496 3 21 3.504 21 4.125v15.75c0 .621-.504 1.125-1.125 1.125h-2.25a1.125 1.125 0 0 1-1.125-1.125V4.125Z",
    form_class=StatsForm,
)
