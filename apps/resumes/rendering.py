"""From a resume's `content` to what its templates show — one view for the web page, the PDF,
the Word file and the ATS check, so all four say the same things in the same order.

`resume_view()` turns the JSON Resume document into display values: the sections in the layout's
order minus the hidden ones, each under the person's own heading or the standard one, dates
written in the chosen format ("Present" for what still goes on), and every text cleaned of the
characters no file format can carry. Nothing here is marked safe: templates escape every value,
python-docx writes it as text. `render_page()` makes the HTML of one of the four templates, for
WeasyPrint (`for_print=True`) or for a browser (the published page), with the CSP additions that
page needs.
"""

import base64
import hashlib
import json
import re
import unicodedata

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.text import Truncator

from apps.core.colors import mix, readable_on

from .content import layout
from .sections import SECTIONS

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PRESENT = "Present"
DASH = " – "  # an en dash between spaced dates, as style guides write ranges
SUMMARY_HEADING = "Summary"
# Sections shown as short lines ("Python — Advanced: Django, Celery"), not as dated entries.
LIST_SECTIONS = {"skills", "languages", "interests"}
# What C0/C1 controls, lone surrogates and non-characters would break: XML (Word) refuses them,
# PDFs show boxes. Tabs and newlines stay.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
FONT_STACKS = {
    "inter": '"Inter", "DejaVu Sans", sans-serif',
    "space-grotesk": '"Space Grotesk", "DejaVu Sans", sans-serif',
    "source-serif": '"Source Serif 4", "DejaVu Serif", serif',
    "fraunces": '"Fraunces", "DejaVu Serif", serif',
}
# The few font files each choice needs on a web page's first paint (static/resume/font-*.css).
FIRST_PAINT_FONTS = {
    "inter": ("inter-latin-400-normal", "inter-latin-600-normal"),
    "space-grotesk": ("space-grotesk-latin-500-normal", "space-grotesk-latin-700-normal"),
    "source-serif": ("source-serif-4-latin-400-normal", "source-serif-4-latin-600-normal"),
    "fraunces": ("fraunces-latin-400-normal", "fraunces-latin-600-normal"),
}
# Latin letters that do not decompose into an ASCII letter and a mark.
LATIN = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE",
     "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i"}
)  # fmt: skip
PAPER = "#ffffff"
OG_DESCRIPTION = 200  # characters: what link previews show before cutting it themselves
INK = "#1f2328"
MUTED = "#555d66"  # static/resume/resume.css


def text(value) -> str:
    """A value as printable text: what every field goes through before any template sees it."""
    if value is None:
        return ""
    return UNPRINTABLE.sub("", str(value)).strip()


def paragraphs(value) -> list[str]:
    return [line.strip() for line in text(value).splitlines() if line.strip()]


def format_date(value: str, date_format: str) -> str:
    """A schema date (YYYY, YYYY-MM or YYYY-MM-DD) as the layout wants it; days are not shown,
    and a date given as a year alone stays a year."""
    parts = text(value).split("-")
    if not parts[0]:
        return ""
    year = parts[0]
    if len(parts) == 1 or date_format == "YYYY":
        return year
    month = int(parts[1])
    if date_format == "MM/YYYY":
        return f"{month:02d}/{year}"
    return f"{MONTHS[month - 1]} {year}"


def date_range(start: str, end: str, date_format: str) -> str:
    first, last = format_date(start or "", date_format), format_date(end or "", date_format)
    if first and not last:
        return f"{first}{DASH}{PRESENT}"
    if first == last or not first:
        return last
    return f"{first}{DASH}{last}"


def link_text(url: str) -> str:
    """A link as people read it on paper: no scheme, no "www.", no trailing slash."""
    shown = re.sub(r"^https?://(www\.)?", "", text(url), flags=re.IGNORECASE)
    return shown.rstrip("/")


def resume_view(content: dict) -> dict:
    chosen = layout(content)
    date_format = chosen["dateFormat"]
    sections = []
    for key in chosen["order"]:
        items = content.get(key) or []
        if key in chosen["hidden"] or not items:
            continue
        spec = SECTIONS[key]
        view = _list_item if key in LIST_SECTIONS else _entry
        sections.append(
            {
                "key": key,
                "heading": text(chosen["headings"].get(key)) or spec.label,
                "standard": spec.label,
                "kind": "list" if key in LIST_SECTIONS else "entries",
                "items": [view(key, item, date_format) for item in items],
            }
        )
    return {"person": _person(content["basics"]), "sections": sections, "layout": chosen}


def _person(basics: dict) -> dict:
    location = basics.get("location") or {}
    place = ", ".join(
        part
        for part in (
            text(location.get("address")),
            " ".join(
                p for p in (text(location.get("postalCode")), text(location.get("city"))) if p
            ),
            text(location.get("region")),
            text(location.get("countryCode")),
        )
        if part
    )
    contact = []
    if text(basics.get("email")):
        email = text(basics["email"])
        contact.append({"kind": "email", "text": email, "href": f"mailto:{email}"})
    if text(basics.get("phone")):
        phone = text(basics["phone"])
        digits = re.sub(r"[^\d+]", "", phone)
        contact.append({"kind": "phone", "text": phone, "href": f"tel:{digits}" if digits else ""})
    if place:
        contact.append({"kind": "location", "text": place, "href": ""})
    links = []
    if text(basics.get("url")):
        links.append(
            {"kind": "url", "text": link_text(basics["url"]), "href": text(basics["url"])}
        )
    for profile in basics.get("profiles") or []:
        network, username, url = (text(profile.get(k)) for k in ("network", "username", "url"))
        if url:
            links.append({"kind": "profile", "text": link_text(url), "href": url})
        elif network or username:
            shown = f"{network}: {username}" if network and username else network or username
            links.append({"kind": "profile", "text": shown, "href": ""})
    return {
        "name": text(basics.get("name")),
        "label": text(basics.get("label")),
        "summary": paragraphs(basics.get("summary")),
        "contact": contact,  # how to reach the person: email, phone, where they are
        "links": links,  # their website and profiles
        "email": text(basics.get("email")),
    }


# What names an entry (its title) and who it was with (its organisation), per section.
ENTRY_FIELDS = {
    "work": ("position", "name"),
    "volunteer": ("position", "organization"),
    "education": ("", "institution"),  # the degree is built below
    "projects": ("name", "entity"),
    "awards": ("title", "awarder"),
    "certificates": ("name", "issuer"),
    "publications": ("name", "publisher"),
    "references": ("name", ""),
}


def _entry(key: str, item: dict, date_format: str) -> dict:
    title_field, org_field = ENTRY_FIELDS[key]
    spec = SECTIONS[key]
    if key == "education":
        degree, area = text(item.get("studyType")), text(item.get("area"))
        title = f"{degree}, {area}" if degree and area else degree or area
    else:
        title = text(item.get(title_field))
    dates = ""
    if len(spec.dated) == 2:
        dates = date_range(item.get(spec.dated[0]), item.get(spec.dated[1]), date_format)
    elif spec.dated:
        dates = format_date(item.get(spec.dated[0]) or "", date_format)
    org = text(item.get(org_field)) if org_field else ""
    details = []
    if key == "education":
        if text(item.get("score")):
            details.append(("Grade", text(item["score"])))
        if item.get("courses"):
            details.append(("Courses", ", ".join(text(c) for c in item["courses"])))
    if key == "projects" and item.get("roles"):
        details.append(("Roles", ", ".join(text(r) for r in item["roles"])))
    summary_field = {"projects": "description", "references": "reference"}.get(key, "summary")
    return {
        "id": item.get("id", ""),
        "title": title or org or "Untitled",
        "org": org if title else "",
        "where": text(item.get("location")),
        "about": text(item.get("description")) if key == "work" else "",
        "dates": dates,
        "url": text(item.get("url")),
        "url_text": link_text(item.get("url") or ""),
        "summary": paragraphs(item.get(summary_field)),
        "details": details,
        "highlights": [text(h) for h in item.get("highlights") or [] if text(h)],
        "keywords": [text(k) for k in item.get("keywords") or [] if text(k)],
    }


def _list_item(key: str, item: dict, date_format: str) -> dict:
    title = text(item.get(SECTIONS[key].title[0])) or "Untitled"
    level = text(item.get("level") or item.get("fluency"))
    return {
        "id": item.get("id", ""),
        "title": title,
        "level": level,
        "keywords": [text(k) for k in item.get("keywords") or [] if text(k)],
    }


# --- the document --------------------------------------------------------------------------


def document_meta(view: dict, title: str) -> dict:
    """Title, author, subject and keywords: the HTML head's, which WeasyPrint writes into the
    PDF's metadata and the Word file copies into its properties."""
    person = view["person"]
    name, title = person["name"], text(title)
    keywords = [
        value
        for section in view["sections"]
        if section["key"] == "skills"
        for item in section["items"]
        for value in (item["title"], *item["keywords"])
    ]
    return {
        "title": f"{name} – {title}" if name and title else name or title or "Resume",
        "author": name,
        "subject": person["label"] or "Resume",
        "keywords": ", ".join(dict.fromkeys(keywords[:30])),
    }


def file_name(content: dict, title: str, extension: str) -> tuple[str, str]:
    """(ASCII name, Unicode name) for a download, from the person's name and the resume's
    title: "Zoë Müller" + "Backend roles" → ("Zoe-Muller-Backend-roles.pdf",
    "Zoë-Müller-Backend-roles.pdf")."""
    words = f"{text(content['basics'].get('name'))} {text(title)}"
    unicode_name = "-".join(re.findall(r"[^\W_]+", words))[:100].strip("-") or "Resume"
    spelled = unicodedata.normalize("NFKD", unicode_name.translate(LATIN))
    ascii_name = spelled.encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"-{2,}", "-", ascii_name).strip("-") or "Resume"
    return f"{ascii_name}.{extension}", f"{unicode_name}.{extension}"


def render_page(
    content: dict,
    *,
    title: str,
    for_print: bool,
    stylesheets: list[str] | None = None,
    downloads: list[tuple[str, str]] = (),
    canonical: str = "",
    noindex: bool = False,
    beacon_url: str = "",
    origin: str = "",
    seo: dict | None = None,
) -> tuple[str, dict]:
    """(html, CSP additions) of the resume in its template.

    For print, `stylesheets` are the URLs WeasyPrint loads (pdf.py gives file URLs); a browser
    gets the static files. `downloads` are (label, url) links shown above a web page, e.g. the
    published resume's PDF and Word files; `canonical` its address. A web page others may open
    at `origin` (scheme and host) gets an Open Graph card for shared links, with the picture in
    `seo` (the published snapshot's) when there is one.
    """
    view = resume_view(content)
    chosen = view["layout"]
    css = tokens_css(chosen)
    template = chosen["template"]
    if stylesheets is None:
        stylesheets = [static(path) for path in stylesheet_paths(chosen)]
    context = {
        **view,
        "template": template,
        "meta": document_meta(view, title),
        "for_print": for_print,
        "stylesheets": stylesheets,
        "fonts": [] if for_print else _first_paint_fonts(chosen),
        "tokens_css": css,
        "downloads": downloads,
        "canonical": canonical,
        "noindex": noindex,
        "beacon_url": beacon_url,
        "beacon_script": static("site/beacon.js") if beacon_url else "",
        "json_ld": "" if for_print else _json_ld(view, canonical),
        "og": _open_graph(view, seo or {}, origin) if origin and not for_print else None,
    }
    html = render_to_string(f"resumes/print/{template}.html", context)
    return html, {"style-src": [f"'sha256-{_b64_sha256(css)}'"]}


def _first_paint_fonts(chosen: dict) -> list[str]:
    return [static(f"site/fonts/{name}.woff2") for name in FIRST_PAINT_FONTS[chosen["font"]]]


def stylesheet_paths(chosen: dict) -> list[str]:
    """The static files a template is styled by, in cascade order."""
    return [
        f"resume/font-{chosen['font']}.css",
        "resume/resume.css",
        f"resume/{chosen['template']}.css",
    ]


def tokens_css(chosen: dict) -> str:
    """The layout's choices as CSS: every value comes from an allowlist or the checked accent
    colour, so no text a person typed reaches a stylesheet."""
    colors = accent_colors(chosen["accent"])
    rules = (
        f":root{{--accent:{colors['accent']};--accent-ink:{colors['ink']};"
        f"--accent-tint:{colors['tint']};--accent-rule:{colors['rule']};--ink:{INK};"
        f"--font:{FONT_STACKS[chosen['font']]}}}"
        f"@page{{size:{chosen['page']}}}"
    )
    if chosen["template"] == "modern":  # the sidebar's tint runs down every page
        tint = colors["tint"]
        rules += (
            f"@page{{background:linear-gradient(to right,{tint} 0,{tint} 68mm,"
            f"{PAPER} 68mm,{PAPER} 100%);background-repeat:repeat-y}}"
        )
    return rules


def accent_colors(accent: str) -> dict[str, str]:
    """The accent and what is made of it: a tint for backgrounds, a lighter shade for rules,
    and `ink` — the accent darkened until text in it passes WCAG AA (4.5:1) on the paper and
    on the tint behind the modern template's sidebar."""
    accent = accent.lower()
    tint = mix(accent, PAPER, 0.9)
    return {
        "accent": accent,
        "tint": tint,
        "rule": mix(accent, PAPER, 0.55),
        "ink": readable_on(accent, (PAPER, tint)),
    }


def _json_ld(view: dict, canonical: str) -> str:
    """schema.org Person markup for search engines, as text safe inside a <script> element."""
    person = view["person"]
    data = {"@context": "https://schema.org", "@type": "Person", "name": person["name"]}
    if person["label"]:
        data["jobTitle"] = person["label"]
    if person["email"]:
        data["email"] = person["email"]
    if canonical:
        data["url"] = canonical
    links = [link["href"] for link in person["links"] if link["href"]]
    if links:
        data["sameAs"] = links
    raw = json.dumps(data, ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _open_graph(view: dict, seo: dict, origin: str) -> dict:
    """The Open Graph card of a web page: who, in a line or two, and the drawn picture."""
    person = view["person"]
    name, label = person["name"], person["label"]
    summary = " ".join(person["summary"]) or label
    image = seo.get("image")
    if image and "://" not in image["url"]:  # stored locally: crawlers need the whole address
        image = {**image, "url": origin + image["url"]}
    return {
        "title": f"{name} – {label}" if name and label else name or label or "Resume",
        "description": Truncator(summary).chars(OG_DESCRIPTION),
        "image": image,
    }


def _b64_sha256(value: str) -> str:
    return base64.b64encode(hashlib.sha256(value.encode()).digest()).decode()
