"""A JSON object read while a model is still writing it: which fields are complete so far,
and how much of a string field has come. Lets a structured answer (known, block_ids, answer)
be checked before any of its text is shown, and then shown as it is written.

    fields, growing = read_so_far('{"known": true, "block_ids": ["b1"], "answer": "She bu')
    # fields == {"known": True, "block_ids": ["b1"]}; growing == ("answer", "She bu")
"""

import json
import re

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[\s,]*")
_COLON = re.compile(r"\s*:\s*")


def read_so_far(text: str) -> tuple[dict, tuple[str, str] | None]:
    """The top-level fields of the object `text` begins, complete ones only, and the string
    field being written (its name and the part that has come), if one is."""
    fields: dict = {}
    at = text.find("{")
    if at < 0:
        return fields, None
    at += 1
    while True:
        at = _SPACE.match(text, at).end()
        if at >= len(text) or text[at] == "}":
            return fields, None
        try:
            key, at = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError:
            return fields, None  # the key itself is not complete yet
        colon = _COLON.match(text, at)
        if not colon:
            return fields, None
        at = colon.end()
        try:
            value, at = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError:
            if at < len(text) and text[at] == '"':
                return fields, (key, _string_so_far(text[at + 1 :]))
            return fields, None
        fields[key] = value


def _string_so_far(body: str) -> str:
    """The text of a JSON string whose closing quote has not come: everything up to the last
    escape that is complete."""
    for cut in range(len(body), max(-1, len(body) - 6), -1):  # an escape is at most 6 long
        try:
            text = json.loads(f'"{body[:cut]}"')
        except json.JSONDecodeError:
            continue
        return text[:-1] if text and "\ud800" <= text[-1] <= "\udbff" else text  # half a pair
    return ""
