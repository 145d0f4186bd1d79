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
from django.http import HttpResponse
from django.views.decorators.http import require_POST

from apps.core.types import AuthenticatedHttpRequest

from . import assistant, streams
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
        return _error("There is no such AI task.")
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
        return _error(exc.message)
    return streams.response(_relay(stream))


def _relay(stream) -> Iterator[str]:
    try:
        for part in stream:
            if isinstance(part, str):
                yield streams.event({"text": part}, "chunk")
            else:
                claims = [
                    {"start": c.start, "end": c.end, "text": c.text, "kind": c.kind}
                    for c in part.unverified_spans
                ]
                done = {
                    "text": part.text,
                    "unverified": claims,
                    "offline": part.offline,
                    "creditsLeft": part.credits_left,
                }
                yield streams.event(done, "done")
    except assistant.AIError as exc:
        yield streams.event({"message": exc.message}, "error")
    finally:  # the page went away (Stop): the task is cancelled, not charged whole
        if hasattr(stream, "close"):  # a replayed answer is a plain iterator
            stream.close()


def _error(message: str) -> HttpResponse:
    return streams.response(iter([streams.event({"message": message}, "error")]))


def announce_credits(response: HttpResponse, left: int) -> HttpResponse:
    """Tell the page the person's text balance changed (static/js/ai.js shows it in the nav)."""
    response["HX-Trigger"] = json.dumps({"credits-changed": {"left": left}})
    return response
