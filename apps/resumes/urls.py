from django.urls import path

from .views import editor

app_name = "resumes"
urlpatterns = [
    path("<uuid:pk>/edit/", editor.resume_edit, name="edit"),
]
