from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdField, RichTextField


class AboutForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="About me")
    body = RichTextField(max_length=10_000, required=False)
    image = IdField(required=False, label="Photo")

    ai_help = {"write": {"body": "about"}}


block = BlockType(
    name="about",
    label="About",
    description="A short story about you, with an optional photo.",
    icon="M15.75 6a3.75 3.75 0 1 1-7.5 0 3.75 3.75 0 0 1 7.5 0ZM4.5 20.1a7.5 7.5 0 0 1 15 0",
    form_class=AboutForm,
    assets=("image",),
)
