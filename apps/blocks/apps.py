from django.apps import AppConfig


class BlocksConfig(AppConfig):
    name = "apps.blocks"
    verbose_name = "Blocks"
