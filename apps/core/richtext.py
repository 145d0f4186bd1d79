"""The one rich-text policy: every piece of user-authored HTML goes through `sanitize`.

A small allowlist of tags, links limited to http/https/mailto, and no attribute that can run
script or talk to htmx (`on*`, `hx-*`, `style`, `class`…): nh3 drops everything not listed.
"""

import nh3

TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h3",
    "h4",
    "code",
    "pre",
}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def to_text(html: str) -> str:
    """Plain text of rich text, for meta descriptions and previews."""
    return nh3.clean(html or "", tags=set()).strip()
