from django.urls import path

from . import views

app_name = "ai"
urlpatterns = [
    path("suggest/", views.suggest, name="suggest"),
]
