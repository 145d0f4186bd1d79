from django import forms

from ..base import BlockForm, BlockType


class ContactForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Let’s work together")
    text = forms.CharField(
        max_length=600, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    email = forms.EmailField(required=False, label="Email address")
    show_form = forms.BooleanField(
        required=False,
        label="Show a contact form",
        help_text="Visitors write to you here; messages arrive in your inbox and by email, "
        "and your address stays private.",
    )


block = BlockType(
    name="contact",
    label="Contact",
    description="How to reach you: a line of text, your email or a contact form.",
    icon="M21.75 6.75v10.5a2.25 2.25 0 0 1-2.25 2.25h-15a2.25 2.25 0 0 1-2.25-2.25V6.75m19.5 0A2.25 2.25 0 0 0 19.5 4.5h-15a2.25 2.25 0 0 0-2.25 2.25m19.5 0v.243a2.25 2.25 0 0 1-1.07 1.916l-7.5 4.615a2.25 2.25 0 0 1-2.36 0L3.32 8.91a2.25 2.25 0 0 1-1.07-1.916V6.75",
    form_class=ContactForm,
)
