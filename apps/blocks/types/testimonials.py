from django import forms

from ..base import BlockForm, BlockType
from ..fields import ItemsField


class TestimonialsForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Kind words")
    items = ItemsField(
        keys=("quote", "name", "role"),
        labels={"quote": "Quote", "name": "Name", "role": "Role"},
        multiline=("quote",),
        add_label="Add a quote",
        max_items=12,
        max_length=600,
        label="Testimonials",
        help_text="What someone said about your work, with their name and role.",
    )


block = BlockType(
    name="testimonials",
    label="Testimonials",
    description="Quotes from clients and colleagues.",
    icon="M7.5 8.25h9m-9 3H12m-9.75 1.51c0 1.6 1.12 2.99 2.7 3.22 1.09.16 2.19.28 3.3.37V21l4.08-4.08c.3-.3.71-.46 1.13-.46 2.42-.05 4.81-.23 7.13-.55 1.6-.23 2.71-1.62 2.71-3.22V6.74c0-1.6-1.12-2.99-2.71-3.22A48.4 48.4 0 0 0 12 3c-2.39 0-4.74.17-7.04.5C3.37 3.75 2.25 5.14 2.25 6.74v6.02Z",
    form_class=TestimonialsForm,
)
