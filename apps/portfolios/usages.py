"""Where a person's assets are used: their profile photo, library projects and portfolios.

Answering reads assets, the library and portfolios, so it lives here, above all three, and none
of them has to import another to ask. Portfolio blocks are followed through their types'
declarations (`BlockType.assets`), never by searching the document as text.
"""

from dataclasses import dataclass

from django.urls import reverse

from apps.assets.models import Asset
from apps.blocks import registry
from apps.library.models import Project

from .models import Portfolio
from .rendering import LIBRARY


@dataclass(frozen=True)
class Usage:
    label: str
    url: str


def attach_usages(assets: list[Asset]) -> None:
    """Set `asset.usages`, a list of Usage, on each asset: two queries whatever their number
    (plus each owner, unless loaded with the assets)."""
    owners = {a.owner_id for a in assets}
    holders: list[tuple[object, set[str], Usage]] = []  # (owner id, asset ids, usage)
    projects = Project.objects.filter(owner_id__in=owners).only(
        "owner", "title", "cover", "images"
    )
    for project in projects:
        usage = Usage(f"Project “{project.title}”", reverse("library:project_list"))
        holders.append((project.owner_id, set(LIBRARY["projects"].asset_ids(project)), usage))
    portfolios = Portfolio.objects.filter(owner_id__in=owners).only(
        "owner", "title", "pages", "og_image"
    )
    for portfolio in portfolios:
        ids = registry.asset_ids(portfolio.pages)
        if portfolio.og_image_id:
            ids.add(portfolio.og_image_id.hex)
        usage = Usage(
            f"Portfolio “{portfolio.title}”", reverse("portfolios:edit", args=[portfolio.pk])
        )
        holders.append((portfolio.owner_id, ids, usage))
    for asset in assets:
        found = []
        if asset.owner.avatar_id == asset.pk:
            found.append(Usage("Your profile photo", reverse("accounts:settings")))
        found += [
            u for owner, ids, u in holders if owner == asset.owner_id and asset.pk.hex in ids
        ]
        asset.usages = found
