"""Server-sent events: one framing and one response for every stream of AI text — the editors'
AI menu (views.suggest), the JSON API's `stream: true`, the OpenAI-compatible endpoints and a
visitor's "Ask about my work" (apps/audience/views/chat.py). The browser reads them with
static/site/events.js."""

import json
from collections.abc import Iterator

from django.http import StreamingHttpResponse


def event(data, name: str = "") -> str:
    """One event: `event: <name>` (when named) and its JSON `data:` line."""
    head = f"event: {name}\n" if name else ""
    return f"{head}data: {json.dumps(data, ensure_ascii=False)}\n\n"


def response(frames: Iterator[str]) -> StreamingHttpResponse:
    """A response streaming `frames` as they come. Make `frames` a generator that closes the
    assistant's stream in its `finally`: the server closes it when the client goes away, and
    that cancels the task (nothing charged for what was not written)."""
    streamed = StreamingHttpResponse(frames, content_type="text/event-stream")
    streamed["Cache-Control"] = "no-store"
    streamed["X-Accel-Buffering"] = "no"  # nginx: pass each event on as it comes
    return streamed
