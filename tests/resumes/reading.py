"""Reading a resume file back as text, and what it should say, in order."""

import io
import unicodedata

from pypdf import PdfReader


def squash(text: str) -> str:
    """Text compared without case, compatibility forms or any white space: a PDF's lines wrap
    anywhere (also after a hyphen), and headings may be set in capitals."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def reading_order(view: dict) -> list[str]:
    """Every text the resume shows except dates (the academic template puts them before an
    entry's title), in the order a reader meets them."""
    person = view["person"]
    pieces = [person["name"], person["label"]]
    pieces += [line["text"] for line in person["contact"] + person["links"]]
    pieces += person["summary"]
    for section in view["sections"]:
        pieces.append(section["heading"])
        for item in section["items"]:
            pieces += [item["title"], item.get("org", ""), item.get("where", "")]
            pieces += [item.get("about", ""), *item.get("summary", [])]
            pieces += item.get("highlights", [])
            pieces += [value for _, value in item.get("details", [])]
            pieces += item.get("keywords", [])
    return [piece for piece in pieces if piece]


def missing_or_out_of_order(text: str, pieces: list[str]) -> list[str]:
    """The pieces not found in `text` after the one before them (empty when all are in order)."""
    haystack, position, problems = squash(text), 0, []
    for piece in pieces:
        found = haystack.find(squash(piece), position)
        if found < 0:
            problems.append(piece)
        else:
            position = found + len(squash(piece))
    return problems
