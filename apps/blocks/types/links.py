from urllib.parse import urlsplit

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


HOSTS = {  # where a link goes → its platform, when the person leaves "Detect from the link"
    "github.com": "github",
    "linkedin.com": "linkedin",
    "x.com": "x",
    "twitter.com": "x",
    "dribbble.com": "dribbble",
    "behance.net": "behance",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "instagram.com": "instagram",
}


def _platform(value: str) -> str:
    key = value.strip().lower().replace("twitter", "x")
    if key not in PLATFORMS:
        raise ValidationError("Choose a platform from the list.", code="platform")
    return key


def _link(value: str) -> str:
    if "@" in value and not value.startswith(("http", "mailto:")):
        value = f"mailto:{value}"
    elif "://" not in value and "." in value.split("/")[0] and " " not in value:
        value = f"https://{value}"  # people paste "github.com/ada"
    return LinkField().clean(value)


def _detect(item: dict) -> dict:
    if not item["platform"]:
        url = item["url"]
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.").removeprefix("m.")
        is_mastodon = "/@" in url and not host.endswith(("medium.com", "tiktok.com"))
        fallback = (
            "email" if url.startswith("mailto:") else "mastodon" if is_mastodon else "website"
        )
        item["platform"] = HOSTS.get(host, fallback)
    return item


class LinksForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False, initial="Find me online")
    items = ItemsField(
        keys=("platform", "url"),
        required_keys=("url",),
        labels={"platform": "Platform", "url": "Link"},
        choices={"platform": [("", "Detect from the link"), *PLATFORMS.items()]},
        choice_icons={"platform": "blocks/links.html#icon"},
        add_label="Add a link",
        max_items=12,
        label="Links",
        help_text="Paste a link to a profile or your site; the icon follows the address, "
        "or pick a platform.",
        item_validators={"platform": _platform, "url": _link},
        clean_item=_detect,
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
