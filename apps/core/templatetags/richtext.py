from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def richtext(value: str) -> SafeString:
    """Rich text as HTML. It was sanitised when it was written — a block's by its RichTextField
    (every stored document passes clean_pages), a project's description by Project.save() and
    again when publishing freezes it into the snapshot — so no render pays for it again."""
    return mark_safe(value or "")  # noqa: S308 - sanitised on write (see above)
