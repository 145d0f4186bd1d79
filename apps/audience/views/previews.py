"""/p/<slug>/og.png: the link preview of a published portfolio (see apps/audience/og.py)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from apps.assets.models import Asset
from apps.portfolios.models import Portfolio

from .. import og


@require_safe
def portfolio_preview_image(request: HttpRequest, slug: str) -> HttpResponse:
    portfolio = Portfolio.objects.select_related("live").defer("pages").filter(slug=slug).first()
    if portfolio is None or not portfolio.is_public:
        raise Http404
    path = f"og/{portfolio.live_id.hex}.png"
    if default_storage.exists(path):
        with default_storage.open(path) as stored:
            data = stored.read()
    else:
        snap = portfolio.live.snapshot
        data = og.card_png(snap, _avatar(snap))
        if not default_storage.exists(path):  # another request may have made it meanwhile
            default_storage.save(path, ContentFile(data))
    response = HttpResponse(data, content_type="image/png")
    patch_cache_control(response, public=True, max_age=3600)
    return response


def _avatar(snap: dict) -> bytes | None:
    avatar = snap["library"]["profile"]["avatar"]
    found = Asset.objects.filter(pk=avatar["id"]).first() if avatar else None
    if found is None:
        return None
    with found.file.open("rb") as file:
        return file.read()
