from django.urls import path

from . import views

app_name = "assets"
urlpatterns = [
    path("assets/", views.asset_list, name="list"),
    path("assets/upload/", views.asset_upload, name="upload"),
    path("assets/picker/", views.asset_picker, name="picker"),
    path("assets/generate/", views.asset_generate, name="generate"),
    path("assets/generate/<uuid:pk>/", views.asset_generation, name="generation"),
    path("assets/<uuid:pk>/", views.asset_detail, name="detail"),
    path("assets/<uuid:pk>/delete/", views.asset_delete, name="delete"),
    path("assets/<uuid:pk>/download/", views.asset_download, name="download"),
    path("media/<path:name>", views.media_serve, name="media"),
]
