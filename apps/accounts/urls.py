from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("settings/", views.settings_profile, name="settings"),
    path("settings/security/", views.settings_security, name="security"),
    path("settings/delete/", views.account_delete, name="delete"),
]
