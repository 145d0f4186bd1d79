from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdField, LinkField


class HeroForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Hello, I’m …")
    subheading = forms.CharField(
        max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    image = IdField(required=False, label="Portrait or logo")
    cta_label = forms.CharField(max_length=40, required=False, label="Button label")
    cta_url = LinkField(required=False, label="Button link")

    ai_help = {"write": {"heading": "hero"}, "rest": {"heading": "subheading"}}


block = BlockType(
    name="hero",
    label="Hero",
    description="Your name, what you do and one call to action.",
    icon="M3 5.25h18M3 12h12M3 18.75h7.5",
    form_class=HeroForm,
    assets=("image",),
)
