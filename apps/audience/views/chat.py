""" "Ask my portfolio": a visitor's question on a published page, answered from its live
revision by apps/ai/assistant.answer_question and paid from the owner's credits.

Protected like the contact form (apps/audience/contact.py: a signed timestamp token instead of
a CSRF cookie, a honeypot, per-IP counts in the cache) and bounded by the owner's caps: answers
per day for the portfolio, per visitor address per day, per conversation. A conversation is
one inbox Message (kind CHAT) carried from answer to answer in a signed hidden field — no
cookie. Asked with `Accept: text/event-stream` (static/site/ask.js), the answer streams as it
is written. Caps, the admin's kill switch and an owner out of credits get a polite page, never an
error page; the page is rendered without the request, so it sets no cookie either.
"""

from collections.abc import Iterator
from uuid import UUID

from django import forms
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from apps.ai import assistant, streams
from apps.ai.prompts import DONT_KNOW
from apps.blocks import registry
from apps.portfolios.models import Portfolio

from .. import contact, counting
from ..models import Message, Notification

SALT = "audience.chat"
DAY = 24 * 60 * 60


class AskForm(forms.Form):
    question = forms.CharField(max_length=assistant.MAX_QUESTION, label="Your question")
    token = forms.CharField(max_length=200)
    conversation = forms.CharField(max_length=200, required=False)


# Without CSRF for the reasons in apps/audience/contact.py: no cookie to check against, and
# asking acts on nobody's authority (the owner's credits are bounded by the caps below).
@csrf_exempt
@require_POST
def chat_ask(request: HttpRequest, pk: UUID) -> HttpResponse:
    portfolio = Portfolio.objects.select_related("live", "owner").filter(pk=pk).first()
    if portfolio is None or not portfolio.is_public or not portfolio.chat_enabled:
        raise Http404
    if int(request.META.get("CONTENT_LENGTH") or 0) > contact.MAX_BODY:
        return _page(portfolio, "too-long", status=413)
    form = AskForm(request.POST)
    if request.POST.get("website") or not form.is_valid():  # the honeypot, or a broken form
        return _page(portfolio, "invalid" if not request.POST.get("website") else "dropped")
    age = contact.token_age(form.cleaned_data["token"])
    if age is None:
        return _page(portfolio, "stale", question=form.cleaned_data["question"])
    if age < contact.MIN_SECONDS:  # faster than anyone types: a bot, told nothing
        return _page(portfolio, "dropped")
    if portfolio.chat_blocked:
        return _page(portfolio, "off")
    conversation = _conversation(portfolio, form.cleaned_data["conversation"])
    if _over_caps(request, portfolio, conversation):
        return _page(portfolio, "cap", conversation=conversation, status=429)
    question = " ".join(form.cleaned_data["question"].split())
    streaming = "text/event-stream" in request.headers.get("Accept", "")
    try:
        if streaming:
            stream = assistant.stream_answer(portfolio, question)
            return streams.response(_relay(portfolio, question, conversation, stream))
        answer = assistant.answer_question(portfolio, question)
    except assistant.AIError as error:
        return _failed(portfolio, question, conversation, error)
    return _answered(portfolio, question, conversation, answer)


def _relay(portfolio: Portfolio, question: str, conversation, stream) -> Iterator[str]:
    """The answer's words as events while it is written (`chunk`), then `done` with the
    answer page the form would have shown, whose answer is the one to keep (ask.js)."""
    try:
        for part in stream:
            if isinstance(part, str):
                yield streams.event({"text": part}, "chunk")
            else:
                page = _answered(portfolio, question, conversation, part)
    except assistant.AIError as error:
        page = _failed(portfolio, question, conversation, error)
    finally:
        if hasattr(stream, "close"):  # a visitor who left cancels the answer
            stream.close()
    yield streams.event({"page": page.content.decode()}, "done")


def _answered(portfolio: Portfolio, question: str, conversation, answer) -> HttpResponse:
    conversation = _record(portfolio, conversation, question, answer)
    return _page(
        portfolio, "answered", question=question, answer=answer, conversation=conversation
    )


def _failed(portfolio: Portfolio, question: str, conversation, error) -> HttpResponse:
    if error.kind == "invalid_input":
        return _page(portfolio, "invalid", conversation=conversation)
    if error.kind == "out_of_credits":  # the owner should hear what went unanswered
        conversation = _record(portfolio, conversation, question, None)
    return _page(portfolio, "unavailable", conversation=conversation)


def _conversation(portfolio: Portfolio, token: str) -> Message | None:
    """The conversation a follow-up continues: a signed id of this portfolio's chat message."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=contact.MAX_AGE) if token else None
    except signing.BadSignature:
        pk = None
    if not pk:
        return None
    return Message.objects.filter(pk=pk, portfolio=portfolio, kind=Message.Kind.CHAT).first()


def _over_caps(request: HttpRequest, portfolio: Portfolio, conversation: Message | None) -> bool:
    ip = counting.client_ip(request)
    scope = f"chat-{portfolio.pk.hex}"
    return (
        contact.over_rate(ip, scope=scope, limit=portfolio.chat_ip_daily_cap, window=DAY)
        or contact.over_count(f"chat-day:{portfolio.pk.hex}", portfolio.chat_daily_cap, DAY)
        or (
            conversation is not None
            and contact.over_count(
                f"chat-conversation:{conversation.pk.hex}",
                portfolio.chat_conversation_cap - 1,  # its first question started it
                DAY,
            )
        )
    )


def _record(portfolio: Portfolio, conversation: Message | None, question, answer) -> Message:
    """The turn, in the owner's inbox: a new conversation notifies them, a follow-up makes it
    unread again. No answer: the owner was out of credits."""
    if answer is None:
        turn = f"Q: {question}\n(Not answered: you were out of text credits.)"
    else:
        sources = ", ".join(f"#b-{block_id}" for block_id in answer.block_ids)
        turn = f"Q: {question}\nA: {answer.text}" + (f"\n(from {sources})" if sources else "")
    if conversation is not None:
        with transaction.atomic():
            locked = Message.objects.select_for_update().get(pk=conversation.pk)
            locked.body = f"{locked.body}\n\n{turn}"[-Message.body.field.max_length :]
            locked.read_at = None
            locked.save(update_fields=["body", "read_at"])
        return locked
    message = Message.objects.create(
        owner=portfolio.owner,
        portfolio=portfolio,
        kind=Message.Kind.CHAT,
        name="A visitor asked your portfolio",
        body=turn,
    )
    Notification.objects.send(
        portfolio.owner,
        Notification.Kind.NEW_MESSAGE,
        f"A visitor asked {portfolio.title}: {question}"[:300],
        url=reverse("audience:message", args=[message.pk]),
        email_body=turn,
    )
    return message


def _page(
    portfolio: Portfolio,
    state: str,
    *,
    question: str = "",
    answer=None,
    conversation: Message | None = None,
    status: int = 200,
) -> HttpResponse:
    base = reverse("public:page", args=[portfolio.slug])
    sources = {b["block_id"]: b for b in block_labels(portfolio, base)}
    context = {
        "state": state,
        "question": question,
        "answer": answer,
        "dont_know": DONT_KNOW,
        "citations": [
            sources[block_id]
            for block_id in (answer.block_ids if answer else [])
            if block_id in sources
        ],
        "name": portfolio.owner.name or portfolio.title,
        "back": base,
        "action": reverse("audience:chat", args=[portfolio.pk]),
        "token": contact.new_token(),
        "conversation": signing.dumps(str(conversation.pk), salt=SALT) if conversation else "",
    }
    response = HttpResponse(render_to_string("audience/chat_page.html", context), status=status)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def block_labels(portfolio: Portfolio, base: str) -> list[dict]:
    """Each block of the live revision: its address on the public page (#b-<id> on the page
    it is on) and a name a visitor would know it by."""
    labels = []
    for index, page in enumerate(portfolio.live.snapshot["pages"]):
        page_url = base if index == 0 else f"{base}{page['slug']}/"
        for block in page.get("blocks", []):
            kind = registry.BLOCK_TYPES.get(block.get("type"))
            title = (block.get("data") or {}).get("heading") or (kind.label if kind else "")
            labels.append(
                {
                    "block_id": block.get("id", ""),
                    "url": f"{page_url}#b-{block.get('id', '')}",
                    "label": f"{title} ({page['title']})" if title else page["title"],
                }
            )
    return labels
