from django import forms

from ..base import BlockForm, BlockType


class DividerForm(BlockForm):
    style = forms.ChoiceField(choices=[("line", "Line"), ("space", "Empty space")], initial="line")
    size = forms.ChoiceField(
        choices=[("sm", "Small"), ("md", "Medium"), ("lg", "Large")], initial="md"
    )


block = BlockType(
    name="divider",
    label="Divider / spacer",
    description="A line or some breathing room between sections.",
    icon="M3.75 12h16.5",
    form_class=DividerForm,
)
