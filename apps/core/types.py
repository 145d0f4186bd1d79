from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from apps.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    user: User
