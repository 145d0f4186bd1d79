from django.urls import path

from . import pages

app_name = "api_keys"
urlpatterns = [
    path("", pages.api_key_list, name="list"),
    path("<uuid:pk>/revoke/", pages.api_key_revoke, name="revoke"),
]
