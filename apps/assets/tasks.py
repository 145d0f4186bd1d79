from django.tasks import task

from .models import Asset


@task
def generate_renditions(asset_id: str) -> None:
    asset = Asset.objects.filter(pk=asset_id).first()
    if asset is not None:  # deleted before the worker got to it
        asset.generate_renditions()
