"""The creator's inbox: what visitors sent through contact forms. Everything in a message is
the visitor's text, shown escaped; replying is the person's own email program (mailto:)."""

from urllib.parse import quote
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from apps.core.types import AuthenticatedHttpRequest

from ..models import Message

FOLDERS = Message.Folder


def _get_message_for_user(request: AuthenticatedHttpRequest, pk: UUID) -> Message:
    return get_object_or_404(Message, pk=pk, owner=request.user)


@login_required
@require_safe
def inbox_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    folder = request.GET.get("folder", FOLDERS.INBOX)
    if folder not in FOLDERS.values:
        folder = FOLDERS.INBOX
    found = request.user.messages.in_folder(folder).select_related("portfolio")
    page = Paginator(found, 30).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "folder": folder,
        "folders": FOLDERS.choices,
        "nav_section": "inbox",
    }
    return render(request, "audience/inbox_list.html", context)


@login_required
@require_safe
def message_detail(request: AuthenticatedHttpRequest, pk: UUID) -> HttpResponse:
    message = _get_message_for_user(request, pk)
    if not message.read_at:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at"])
    subject = quote(f"Re: your message on {message.portfolio or 'my portfolio'}")
    context = {
        "message": message,
        "reply": f"mailto:{quote(message.email, safe='@')}?subject={subject}",
        "nav_section": "inbox",
    }
    return render(request, "audience/message_detail.html", context)


ACTIONS = {
    "unread": ("read_at", None, "Marked as unread."),
    "archive": ("folder", FOLDERS.ARCHIVE, "Archived."),
    "spam": ("folder", FOLDERS.SPAM, "Moved to spam."),
    "inbox": ("folder", FOLDERS.INBOX, "Moved to the inbox."),
}


@login_required
@require_POST
def message_action(request: AuthenticatedHttpRequest, pk: UUID, action: str) -> HttpResponse:
    message = _get_message_for_user(request, pk)
    back = message.folder
    if action == "delete":
        message.delete()
        messages.success(request, "Message deleted.")
    elif action in ACTIONS:
        field, value, done = ACTIONS[action]
        setattr(message, field, value)
        message.save(update_fields=[field])
        messages.success(request, done)
    else:
        raise Http404
    if back != FOLDERS.INBOX:
        return redirect(f"{reverse('audience:inbox')}?folder={back}")
    return redirect("audience:inbox")
