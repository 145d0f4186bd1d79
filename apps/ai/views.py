"""AI help in the forms: a suggestion for one field, streamed to the page as it is written.

The browser posts the task and what the field holds; the answer is `text/event-stream`:

    event: chunk   data: {"text": "…"}            as many as the writing takes
    event: done    data: {"text": "…", "unverified": [{"start", "end", "text", "kind"}],
                          "offline": bool, "creditsLeft": int}
    event: error   data: {"message": "…"}        nothing was charged

The suggestion is text: the page shows it as text and puts it in the field only when the person
accepts it (static/js/ai.js); saving then goes through the editor's own operation and rev.
Closing the connection (Cancel) cancels the task: see assistant.stream_suggestion.
"""

import json
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.views.decorators.http import require_POST

from apps.core.types import AuthenticatedHttpRequest

from . import assistant
from .fields import REWRITES, TONES
from .limits import client_ip

# What a form may send a task besides the text (each capped by the assistant).
INPUTS = ("text", "context", "title", "technologies", "notes", "job")
MENU_TASKS = ("hero", "about", "project", "resume_summary", "highlights", *REWRITES)


@login_required
@require_POST
def suggest(request: AuthenticatedHttpRequest) -> HttpResponse:
    task = request.POST.get("task", "")
    if task not in MENU_TASKS:
        return _events([("error", {"message": "There is no such AI task."})])
    inputs = {key: request.POST.get(key, "") for key in INPUTS if request.POST.get(key)}
    tone = request.POST.get("tone", "")
    if tone in TONES:
        inputs["tone"] = tone
    try:
        stream = assistant.stream_suggestion(
            request.user,
            task,
            inputs,
            ip=client_ip(request),
            idempotency_key=request.POST.get("key", "")[:64],
        )
    except assistant.AIError as exc:
        return _events([("error", {"message": exc.message})])
    return _events(_relay(stream))


def _relay(stream) -> Iterator[tuple[str, dict]]:
    try:
        for part in stream:
            if isinstance(part, str):
                yield "chunk", {"text": part}
            else:
                yield (
                    "done",
                    {
                        "text": part.text,
                        "unverified": [
                            {"start": c.start, "end": c.end, "text": c.text, "kind": c.kind}
                            for c in part.unverified_spans
                        ],
                        "offline": part.offline,
                        "creditsLeft": part.credits_left,
                    },
                )
    except assistant.AIError as exc:
        yield "error", {"message": exc.message}
    finally:  # the page went away (Cancel): the task is cancelled, not charged whole
        if hasattr(stream, "close"):
            stream.close()


def _events(events) -> StreamingHttpResponse:
    def body():
        try:
            for name, data in events:
                yield f"event: {name}\ndata: {json.dumps(data)}\n\n"
        finally:  # the server closes the body when the browser goes away (Cancel)
            if hasattr(events, "close"):
                events.close()

    response = StreamingHttpResponse(body(), content_type="text/event-stream")
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on as it comes
    return response


def announce_credits(response: HttpResponse, left: int) -> HttpResponse:
    """Tell the page the person's text balance changed (static/js/ai.js shows it in the nav)."""
    response["HX-Trigger"] = json.dumps({"credits-changed": {"left": left}})
    return response
