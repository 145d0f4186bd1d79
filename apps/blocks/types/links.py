from django import forms
from django.core.exceptions import ValidationError

from ..base import BlockForm, BlockType
from ..fields import ItemsField, LinkField

PLATFORMS = {
    "github": "GitHub",
    "linkedin": "LinkedIn",
    "x": "X",
    "dribbble": "Dribbble",
    "behance": "Behance",
    "mastodon": "Mastodon",
    "youtube": "YouTube",
    "instagram": "Instagram",
    "website": "Website",
    "email": "Email",
}


def _platform(value: str) -> str:
    key = value.strip().lower().replace("twitter", "x")
    if key not in PLATFORMS:
        raise ValidationError(f"choose one of {', '.join(PLATFORMS.values())}")
    return key


def _link(value: str) -> str:
    if "@" in value and not value.startswith(("http", "mailto:")):
        value = f"mailto:{value}"
    return LinkField().clean(value)


class LinksForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False, initial="Find me online")
    items = ItemsField(
        keys=("platform", "url"),
        max_items=12,
        label="Links",
        help_text=f"One per line: platform | link. Platforms: {', '.join(PLATFORMS.values())}.",
        item_validators={"platform": _platform, "url": _link},
    )


class LinksBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        return {
            "links": [{**item, "label": PLATFORMS[item["platform"]]} for item in data["items"]]
        }


block = LinksBlock(
    name="links",
    label="Links",
    description="GitHub, LinkedIn, Dribbble, your website… with icons.",
    icon="M13.19 8.69a4.5 4.5 0 0 1 1.24 7.24l-4.5 4.5a4.5 4.5 0 0 1-6.36-6.36l1.76-1.76m13.35-.62 1.76-1.76a4.5 4.5 0 0 0-6.36-6.36l-4.5 4.5a4.5 4.5 0 0 0 1.24 7.24",
    form_class=LinksForm,
)
