from django.urls import path

from .views import editor, files

app_name = "resumes"
urlpatterns = [
    path("<uuid:pk>/edit/", editor.resume_edit, name="edit"),
    path("<uuid:pk>/pdf/", files.resume_pdf, name="pdf"),
    path("<uuid:pk>/docx/", files.resume_docx, name="docx"),
    path("<uuid:pk>/ats/", files.resume_ats, name="ats"),
    path("<uuid:pk>/preview/", files.resume_preview, name="preview"),
    path(
        "<uuid:pk>/preview/<slug:version>/<int:number>.png",
        files.resume_preview_page,
        name="preview-page",
    ),
]
