"""Where contact forms on public pages send messages (see apps/audience/contact.py)."""

from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from apps.blocks import registry
from apps.portfolios.models import Portfolio

from .. import contact, counting
from ..forms import ContactForm
from ..models import Message, Notification


# Deliberately without CSRF: public pages set no cookies, so there is no CSRF cookie to check
# against, and the form acts on nobody's authority. apps/audience/contact.py says what
# protects it instead (signed timestamp, honeypot, per-IP rate limit, size caps).
@csrf_exempt
@require_POST
def contact_send(request: HttpRequest, pk: UUID) -> HttpResponse:
    portfolio = Portfolio.objects.select_related("live", "owner").filter(pk=pk).first()
    if portfolio is None or not _takes_messages(portfolio):
        raise Http404
    back = _back(request, portfolio)
    if int(request.META.get("CONTENT_LENGTH") or 0) > contact.MAX_BODY:
        return _page(portfolio, back, "too-long", status=413)
    if contact.over_rate(counting.client_ip(request)):
        return _page(portfolio, back, "rate", status=429)
    form = ContactForm(request.POST)
    if request.POST.get("website"):  # the honeypot: a bot, told the same as a person
        return _page(portfolio, back, "sent")
    if not form.is_valid():
        return _page(portfolio, back, "invalid", form=form, status=400)
    age = contact.token_age(form.cleaned_data["token"])
    if age is None:  # forged, or the page was open for over a week: ask to send again
        return _page(portfolio, back, "stale", form=form, status=400)
    if age < contact.MIN_SECONDS:  # faster than anyone types: a bot
        return _page(portfolio, back, "sent")
    data = form.cleaned_data
    message = Message.objects.create(
        owner=portfolio.owner,
        portfolio=portfolio,
        name=data["name"],
        email=data["email"],
        body=data["message"],
    )
    Notification.objects.send(
        portfolio.owner,
        Notification.Kind.NEW_MESSAGE,
        f"New message from {message.name}",
        url=reverse("audience:message", args=[message.pk]),
        email_body=f"{message.name} <{message.email}> wrote:\n\n{message.body}",
        reply_to=[message.email],
    )
    return _page(portfolio, back, "sent")


def _takes_messages(portfolio: Portfolio) -> bool:
    """Only a published page with a contact block showing a form accepts messages."""
    if not portfolio.live_id:
        return False
    return any(
        kind.name == "contact" and block["data"].get("show_form")
        for kind, block in registry.blocks_in(portfolio.live.snapshot["pages"])
    )


def _back(request: HttpRequest, portfolio: Portfolio) -> str:
    """The page the form was on (its share link, say), else the portfolio's address."""
    referrer = request.headers.get("Referer", "")
    if url_has_allowed_host_and_scheme(referrer, {request.get_host()}):
        return referrer
    return reverse("public:page", args=[portfolio.slug])


def _page(portfolio, back: str, state: str, form=None, status: int = 200) -> HttpResponse:
    # Rendered without the request: no context processors, so no session, CSRF or messages
    # cookie can be touched — a public page sets none.
    context = {
        "state": state,
        "form": form,
        "back": back,
        "name": portfolio.owner.name or portfolio.title,
        "action": reverse("audience:contact", args=[portfolio.pk]),
        "token": contact.new_token(),
    }
    response = HttpResponse(render_to_string("audience/contact_page.html", context), status=status)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    return response
