from django import template
from django.utils.safestring import SafeString, mark_safe

from apps.core.richtext import sanitize

register = template.Library()


@register.filter
def richtext(value: str) -> SafeString:
    """Rich text, re-sanitized at render time through the one policy, then marked safe."""
    return mark_safe(sanitize(value))  # noqa: S308 - sanitize() is the allowlist
