from django.urls import re_path

from . import errors, views

app_name = "api"
# Paths work with or without a trailing slash. `(?:/)?` rather than `/?` so that reverse() and
# the OpenAPI document both show the form without one.
urlpatterns = [
    re_path(r"^assets(?:/)?$", views.asset_list, name="asset-list"),
    re_path(r"^assets/(?P<pk>[^/]+)(?:/)?$", views.asset_detail, name="asset-detail"),
    # Keep last: anything else under /api/v1/ is a problem+json 404, not the HTML page.
    re_path(r"^(?P<path>.*)$", errors.not_found),
]
