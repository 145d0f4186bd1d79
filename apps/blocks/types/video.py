import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError

from ..base import BlockForm, BlockType
from ..fields import LinkField

_YOUTUBE = re.compile(r"^(?:[\w-]{11})$")


def video_embed(url: str) -> str | None:
    """The privacy-enhanced embed URL for a YouTube or Vimeo link, else None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parts.path.strip("/")
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parts.path == "/watch":
            video_id = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get(
                "v", ""
            )
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if _YOUTUBE.match(video_id or ""):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
        return None
    elif host in {"vimeo.com", "player.vimeo.com"}:
        number = parts.path.rstrip("/").rsplit("/", 1)[-1]
        return f"https://player.vimeo.com/video/{number}?dnt=1" if number.isdigit() else None
    if host == "youtu.be" and _YOUTUBE.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return None


class VideoForm(BlockForm):
    heading = forms.CharField(max_length=120, required=False)
    url = LinkField(label="YouTube or Vimeo link", required=False)
    caption = forms.CharField(max_length=200, required=False)

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and not video_embed(url):
            raise ValidationError("Paste a YouTube or Vimeo link; other sites can’t be embedded.")
        return url


class VideoBlock(BlockType):
    def get_context(self, data: dict, resolved: dict) -> dict:
        return {"embed": video_embed(data["url"])}


block = VideoBlock(
    name="video",
    label="Video",
    description="A YouTube or Vimeo video, embedded privately.",
    icon="m15.75 10.5 4.72-4.72a.75.75 0 0 1 1.28.53v11.38a.75.75 0 0 1-1.28.53l-4.72-4.72M4.5 18.75h9a2.25 2.25 0 0 0 2.25-2.25v-9A2.25 2.25 0 0 0 13.5 5.25h-9A2.25 2.25 0 0 0 2.25 7.5v9a2.25 2.25 0 0 0 2.25 2.25Z",
    form_class=VideoForm,
    # The embeds video_embed() makes; nothing else may be framed.
    csp={"frame-src": ("https://www.youtube-nocookie.com", "https://player.vimeo.com")},
)
