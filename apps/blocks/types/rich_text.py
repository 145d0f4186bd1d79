from django import forms

from ..base import BlockForm, BlockType
from ..fields import RichTextField


class RichTextForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False)
    body = RichTextField(max_length=20_000, initial="<p>Write something…</p>")


block = BlockType(
    name="rich_text",
    label="Text",
    description="Paragraphs, lists, quotes and links.",
    icon="M3.75 6.75h16.5M3.75 12h16.5m-16.5 5.25H12",
    form_class=RichTextForm,
)
