from django.urls import path

from .views import letters

app_name = "letters"
urlpatterns = [
    path("", letters.letter_list, name="list"),
    path("new/", letters.letter_create, name="create"),
    path("<uuid:pk>/edit/", letters.letter_edit, name="edit"),
    path("<uuid:pk>/pdf/", letters.letter_pdf, name="pdf"),
    path("<uuid:pk>/delete/", letters.letter_delete, name="delete"),
]
