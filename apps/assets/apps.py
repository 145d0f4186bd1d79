import mimetypes

from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "apps.assets"
    verbose_name = "Assets"

    def ready(self) -> None:
        # Slim hosts without /etc/mime.types do not know WebP; media serving needs its type.
        mimetypes.add_type("image/webp", ".webp")
