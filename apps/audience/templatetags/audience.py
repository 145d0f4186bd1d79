from django import template

from .. import contact

register = template.Library()


@register.simple_tag
def contact_token() -> str:
    """A fresh signed timestamp for a contact form (see apps/audience/contact.py)."""
    return contact.new_token()
