from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from apps.core import views as core_views

# The admin signs in through allauth, so it gets rate limits and two-factor checks.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Grooya administration"
admin.site.site_title = "Grooya admin"

urlpatterns = [
    # First: published pages are most of the traffic, and are resolved before anything else.
    path("", include("apps.portfolios.public_urls")),
    path("", include("apps.resumes.public_urls")),
    path("", include("apps.core.urls")),
    path("", include("apps.accounts.urls")),
    path("", include("apps.assets.urls")),
    path("", include("apps.library.urls")),
    path("ai/", include("apps.ai.urls")),
    path("portfolios/", include("apps.portfolios.urls")),
    path("resumes/", include("apps.resumes.urls")),
    path("cover-letters/", include("apps.resumes.letter_urls")),
    path("api/v1/", include("apps.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
]

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
