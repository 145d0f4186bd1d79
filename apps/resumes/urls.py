from django.urls import path

from .views import create, editor

app_name = "resumes"
urlpatterns = [
    path("", create.resume_list, name="list"),
    path("new/", create.resume_create, name="create"),
    path("import/", create.resume_import, name="import"),
    path("<uuid:pk>/edit/", editor.resume_edit, name="edit"),
    path("<uuid:pk>/duplicate/", create.resume_duplicate, name="duplicate"),
    path("<uuid:pk>/json/", create.resume_json, name="json"),
    path(
        "<uuid:pk>/items/<str:section>/<str:item_id>/to-library/",
        create.item_to_library,
        name="item-to-library",
    ),
]
