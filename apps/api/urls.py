from django.urls import re_path

from . import account_views, ai_views, errors, public_views, views

app_name = "api"
# Paths work with or without a trailing slash. `(?:/)?` rather than `/?` so that reverse() and
# the OpenAPI document both show the form without one.
urlpatterns = [
    re_path(r"^me(?:/)?$", account_views.me, name="me"),
    re_path(r"^credits(?:/)?$", account_views.credits, name="credits"),
    re_path(r"^ai/tasks(?:/)?$", ai_views.ai_tasks, name="ai-tasks"),
    re_path(r"^ai/generate-text(?:/)?$", ai_views.ai_generate_text, name="ai-generate-text"),
    re_path(r"^ai/generate-image(?:/)?$", ai_views.ai_generate_image, name="ai-generate-image"),
    re_path(r"^assets(?:/)?$", views.asset_list, name="asset-list"),
    re_path(r"^assets/(?P<pk>[^/]+)(?:/)?$", views.asset_detail, name="asset-detail"),
    re_path(
        r"^public/portfolios/(?P<slug>[-a-zA-Z0-9_]+)(?:/)?$",
        public_views.public_portfolio,
        name="public-portfolio",
    ),
    re_path(
        r"^public/resumes/(?P<slug>[-a-zA-Z0-9_]+)(?:/)?$",
        public_views.public_resume,
        name="public-resume",
    ),
    # Keep last: anything else under /api/v1/ is a problem+json 404, not the HTML page.
    re_path(r"^(?P<path>.*)$", errors.not_found),
]
