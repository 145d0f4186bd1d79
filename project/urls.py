from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from apps.api import docs as api_docs
from apps.api import jwt as api_jwt
from apps.core import views as core_views

# The admin signs in through allauth, so it gets rate limits and two-factor checks.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Grooya administration"
admin.site.site_title = "Grooya admin"

urlpatterns = [
    # First: published pages are most of the traffic, and are resolved before anything else.
    path("", include("apps.portfolios.public_urls")),
    path("", include("apps.resumes.public_urls")),
    path("", include("apps.audience.urls")),
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.assets.urls")),
    path("", include("apps.library.urls")),
    path("ai/", include("apps.ai.urls")),
    path("portfolios/", include("apps.portfolios.urls")),
    path("resumes/", include("apps.resumes.urls")),
    path("settings/api-keys/", include("apps.api.key_urls")),
    path("cover-letters/", include("apps.resumes.letter_urls")),
    path("api/v1/", include("apps.api.urls")),
    path("api/auth/jwt/token/", api_jwt.jwt_token, name="jwt-token"),
    path("api/auth/jwt/refresh/", api_jwt.token_refresh, name="jwt-refresh"),
    path("api/auth/jwt/verify/", api_jwt.token_verify, name="jwt-verify"),
    path("v1/", include("apps.api.openai_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs.api_docs, name="api-docs"),
    path("api/docs/redoc.js", api_docs.redoc_script, name="api-docs-script"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
