"""{% ai_menu field %}: the AI menu of a form field that apps.ai.fields.offer() marked."""

from django import template

from ..fields import TONES
from ..prompts import TASKS

register = template.Library()


@register.inclusion_tag("components/ai_menu.html")
def ai_menu(field) -> dict:
    attrs = field.field.widget.attrs
    names = attrs.get("data-ai", "").split()
    entries = []
    for name in names:
        task = TASKS[name]
        if name == "tone":
            entries += [
                {"task": name, "tone": tone, "label": f"Make it {tone}", "credits": task.credits}
                for tone in TONES
            ]
        else:
            entries.append({"task": name, "label": task.label, "credits": task.credits})
    return {
        "field": field,
        "entries": entries,
        "reads": attrs.get("data-ai-reads", ""),
        "rest": attrs.get("data-ai-rest", ""),
    }
