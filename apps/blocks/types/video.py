from django import forms
from django.core.exceptions import ValidationError

from ..base import BlockForm, BlockType
from ..fields import LinkField, video_embed


class VideoForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False)
    url = LinkField(label="YouTube or Vimeo link", required=False)
    caption = forms.CharField(max_length=200, required=False)

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and not video_embed(url):
            raise ValidationError("Paste a YouTube or Vimeo link; other sites can’t be embedded.")
        return url


block = BlockType(
    name="video",
    label="Video",
    description="A YouTube or Vimeo video, embedded privately.",
    icon="m15.75 10.5 4.72-4.72a.75.75 0 0 1 1.28.53v11.38a.75.75 0 0 1-1.28.53l-4.72-4.72M4.5 18.75h9a2.25 2.25 0 0 0 2.25-2.25v-9A2.25 2.25 0 0 0 13.5 5.25h-9A2.25 2.25 0 0 0 2.25 7.5v9a2.25 2.25 0 0 0 2.25 2.25Z",
    form_class=VideoForm,
)
