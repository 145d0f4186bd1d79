from django import forms

from ..base import BlockForm, BlockType
from ..fields import LinkField


class CallToActionForm(BlockForm):
    heading = forms.CharField(max_length=120, initial="Have a project in mind?")
    text = forms.CharField(max_length=300, required=False)
    button_label = forms.CharField(max_length=40, initial="Get in touch")
    button_url = LinkField(label="Button link", initial="mailto:hello@example.com")


block = BlockType(
    name="cta",
    label="Call to action",
    description="One clear next step with a big button.",
    icon="M15.042 21.672 13.684 16.6m0 0-2.51 2.225.569-9.47 5.227 7.917-3.286-.672ZM12 2.25V4.5m5.834.166-1.591 1.591M20.25 10.5H18M7.757 14.743l-1.59 1.59M6 10.5H3.75m4.007-4.243-1.59-1.59",
    form_class=CallToActionForm,
)
