from django.apps import AppConfig


class AudienceConfig(AppConfig):
    name = "apps.audience"
    verbose_name = "Audience"
