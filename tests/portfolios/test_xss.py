"""Hostile text in every field of every block type reaches pages as text, never as markup."""

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django import forms
from django.core.exceptions import ValidationError

from apps.assets.models import Asset
from apps.blocks.fields import IdField, ItemsField, LinkField
from apps.blocks.registry import BLOCK_TYPES
from apps.blocks.validation import clean_pages, new_id
from apps.library.models import Education, Experience, Project, Skill
from apps.portfolios.design import THEMES
from apps.portfolios.models import Portfolio
from tests.conftest import image_upload

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "'\"><iframe src=javascript:alert(1)>",
    "{{ 7*7 }}",
    "</style><script>alert(1)</script>",
    "</textarea><svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
]
# Links that pass validation yet carry markup: they must come out escaped.
HOSTILE_LINK = 'https://youtu.be/dQw4w9WgXcQ?x="><script>alert(1)</script>'
HOSTILE_MAILTO = 'mailto:a@example.com?subject="><svg/onload=alert(1)>'
SCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "javascript://example.com/%0Aalert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "content"}
FRAMES = ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/", "/portfolios/")


def fields_of(kind, field_type) -> list[str]:
    return [n for n, f in kind.form_class.base_fields.items() if isinstance(f, field_type)]


def text_fields(kind) -> list[str]:
    plain = (IdField, LinkField, forms.EmailField)
    return [n for n in fields_of(kind, forms.CharField) if n not in fields_of(kind, plain)]


def hostile_data(kind, payload: str, base: dict) -> dict:
    data = dict(base)
    for name in text_fields(kind):
        data[name] = payload
    for name in fields_of(kind, LinkField):
        data[name] = HOSTILE_LINK
    for name in fields_of(kind, ItemsField):
        field = kind.form_class.base_fields[name]
        safe = {"platform": "website", "url": HOSTILE_LINK}
        data[name] = [{k: safe[k] if k in field.item_validators else payload for k in field.keys}]
        if "platform" in field.keys:
            data[name].append({"platform": "email", "url": HOSTILE_MAILTO})
    return data


def picture(owner, alt: str, color) -> str:
    asset, _ = Asset.create_from_upload(owner, image_upload(size=(64, 48), color=color))
    Asset.objects.filter(pk=asset.pk).update(alt_text=alt)
    return str(asset.pk)


def xss_portfolio(owner) -> Portfolio:
    """A published portfolio with every payload in every text field of every block type, and in
    the owner's profile, library, asset alt texts, page titles and SEO fields."""
    owner.name, owner.title = PAYLOADS[0], PAYLOADS[1]
    owner.save(update_fields=["name", "title"])
    image = picture(owner, PAYLOADS[4], (10, 20, 30))
    project = Project.objects.create(
        owner=owner,
        title=PAYLOADS[1],
        summary=PAYLOADS[3],
        description=PAYLOADS[8] + PAYLOADS[0],
        technologies=PAYLOADS[5:8],
        cover_id=image,
        images=[picture(owner, PAYLOADS[10], (40, 50, 60))],
        live_url="https://example.com/live",
        featured=True,
    )
    Skill.objects.create(owner=owner, name=PAYLOADS[9], category="tool", level=2)
    Experience.objects.create(
        owner=owner,
        company=PAYLOADS[6],
        role=PAYLOADS[4],
        location=PAYLOADS[7],
        start_date=date(2020, 1, 1),
        current=True,
        highlights=PAYLOADS[:3],
        technologies=PAYLOADS[3:5],
    )
    Education.objects.create(
        owner=owner, school=PAYLOADS[2], degree=PAYLOADS[5], notes=PAYLOADS[0]
    )
    base = {
        "hero": {"image": image},
        "about": {"image": image},
        "projects": {"items": [str(project.pk)]},
        "case_study": {"project": str(project.pk)},
        "gallery": {"images": [image]},
    }
    blocks = [
        {"id": new_id(), "type": name, "rev": 1, "data": hostile_data(kind, p, base.get(name, {}))}
        for name, kind in BLOCK_TYPES.items()
        for p in PAYLOADS
    ]
    pages = [
        {"id": new_id(), "slug": "home", "title": PAYLOADS[4], "blocks": blocks},
        {"id": new_id(), "slug": "more", "title": PAYLOADS[0], "blocks": blocks[: len(PAYLOADS)]},
    ]
    for page in pages[1:]:  # the same blocks twice need ids of their own
        page["blocks"] = [{**b, "id": new_id()} for b in page["blocks"]]
    portfolio = Portfolio.objects.create(
        owner=owner,
        title=PAYLOADS[6],
        slug="xss",
        seo_title=PAYLOADS[4][:70],
        seo_description=PAYLOADS[7],
        og_image_id=image,
        pages=clean_pages(pages),
    )
    portfolio.publish()
    return portfolio


class Audit(HTMLParser):
    """Everything in a page that could run script."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.styles = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        src = attributes.get("src", "")
        for name, value in attributes.items():
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and squeezed.startswith(
                ("javascript:", "vbscript:", "data:t")
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not src.startswith("/static/"):
            self.problems.append(f"<script src={src!r}>")
        if tag in {"iframe", "frame", "object", "embed"} and not src.startswith(FRAMES):
            self.problems.append(f"<{tag} src={src!r}>")
        if tag == "img" and not src.startswith("/"):
            self.problems.append(f"<img src={src!r}>")
        self.styles += tag == "style"


def assert_inert(html: str, styles: int = 1, typed: bool = True) -> None:
    audit = Audit(html)
    assert audit.problems == []
    assert audit.styles <= styles
    for raw in ("<script>alert", "<script>window", "<svg onload", "<img src=x", "<iframe src=j"):
        assert raw not in html
    assert not typed or "{{ 7*7 }}" in html  # shown as typed, not evaluated


@pytest.fixture
def hostile(alice) -> Portfolio:
    return xss_portfolio(alice)


def test_link_fields_refuse_script_urls():
    checked = 0
    for kind in BLOCK_TYPES.values():
        for name in fields_of(kind, LinkField):
            for url in SCRIPT_URLS:
                with pytest.raises(ValidationError):
                    kind.clean({**kind.default_data(), name: url})
                checked += 1
        for name in fields_of(kind, ItemsField):
            if "url" in kind.form_class.base_fields[name].keys:
                for url in SCRIPT_URLS:
                    with pytest.raises(ValidationError):
                        kind.clean({name: [{"platform": "website", "url": url}]})
                    checked += 1
    assert checked >= 4 * len(SCRIPT_URLS)  # hero, cta, video and links at least


def test_every_text_field_of_every_block_type_keeps_each_payload_as_text(alice, hostile):
    home = hostile.pages[0]["blocks"]
    for name, kind in BLOCK_TYPES.items():
        stored = [b["data"] for b in home if b["type"] == name]
        assert len(stored) == len(PAYLOADS)
        for payload, data in zip(PAYLOADS, stored, strict=True):
            for field in text_fields(kind):
                if field != "body":  # rich text goes through the sanitiser instead
                    assert data[field] == payload


@pytest.mark.parametrize("theme", THEMES)
def test_the_public_pages_show_payloads_as_text_in_every_theme(client, hostile, theme):
    hostile.set_design({"theme": theme})
    hostile.publish()

    for url in ("/p/xss/", "/p/xss/more/"):
        r = client.get(url)
        assert r.status_code == 200
        assert f"theme-{theme}" in r.text
        assert_inert(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/p/xss/").text


def test_the_editor_and_its_preview_show_payloads_as_text(client, alice, hostile):
    client.force_login(alice)
    edit = f"/portfolios/{hostile.pk}/edit/"
    blocks = hostile.pages[0]["blocks"]
    for n in range(len(BLOCK_TYPES)):  # each type's form once, with a different payload
        r = client.get(edit, {"block": blocks[n * len(PAYLOADS) + n % len(PAYLOADS)]["id"]})
        assert r.status_code == 200
        assert_inert(r.text, styles=0)
    preview = client.get(f"/portfolios/{hostile.pk}/preview/")
    assert_inert(preview.text)


def test_the_design_history_and_settings_pages_show_payloads_as_text(client, alice, hostile):
    client.force_login(alice)
    for page in ("design", "history", "settings"):
        r = client.get(f"/portfolios/{hostile.pk}/{page}/")
        assert r.status_code == 200
        assert_inert(r.text, styles=0, typed=False)
