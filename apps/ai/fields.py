"""Which fields of a form get the AI menu, with which tasks, and what else of the form each task
reads. Each editor form says so once, in its __init__:

    offer(self, write={"heading": "hero"}, rest={"heading": "subheading"})
    offer(self, write={"description": "project"}, reads={"description": {"title": "title"}})

Every field of prose (a textarea or rich text) gets the rewrites (improve, shorten, expand, fix
grammar, change the tone); `write` adds a writing task to a field (it may be a one-line field,
or rows). The widget carries it all as data-ai attributes for templatetags/ai_menu and
static/js/ai.js; the suggestion itself comes from views.suggest.
"""

import json
from collections.abc import Mapping

from django import forms

REWRITES = ("improve", "shorten", "expand", "grammar", "tone")
TONES = ("professional", "friendly", "confident")


def offer(
    form: forms.BaseForm,
    write: Mapping[str, str] | None = None,
    reads: Mapping[str, Mapping[str, str]] | None = None,
    rest: Mapping[str, str] | None = None,
) -> None:
    """Mark `form`'s fields for the AI menu. `reads[field]` maps a task input (title, notes,
    job…) to the form fields it is read from: one name, or several joined as "a b c".
    `rest[field]` names the field that takes a suggestion's lines after the first (a
    headline's subheading)."""
    write, reads, rest = write or {}, reads or {}, rest or {}
    for name, field in form.fields.items():
        prose = isinstance(field.widget, forms.Textarea)
        tasks = ((write[name],) if name in write else ()) + (REWRITES if prose else ())
        if not tasks:
            continue
        field.widget.attrs["data-ai"] = " ".join(tasks)
        sources = {
            key: [form.add_prefix(n) for n in names.split()]
            for key, names in reads.get(name, {}).items()
        }
        if sources:
            field.widget.attrs["data-ai-reads"] = json.dumps(sources)
        if name in rest:
            field.widget.attrs["data-ai-rest"] = form.add_prefix(rest[name])
