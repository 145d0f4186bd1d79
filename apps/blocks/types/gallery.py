from django import forms

from ..base import BlockForm, BlockType
from ..fields import IdListField


class GalleryForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False)
    images = IdListField(max_items=40, label="Images")
    columns = forms.TypedChoiceField(choices=[(2, "2"), (3, "3"), (4, "4")], coerce=int, initial=3)


block = BlockType(
    name="gallery",
    label="Gallery",
    description="A grid of images from your asset library.",
    icon="m2.25 15.75 5.16-5.16a2.25 2.25 0 0 1 3.18 0l5.16 5.16m-1.5-1.5 1.41-1.41a2.25 2.25 0 0 1 3.18 0l2.91 2.91M3.75 21h16.5a1.5 1.5 0 0 0 1.5-1.5v-15a1.5 1.5 0 0 0-1.5-1.5H3.75a1.5 1.5 0 0 0-1.5 1.5v15a1.5 1.5 0 0 0 1.5 1.5Z",
    form_class=GalleryForm,
    assets=("images",),
)
