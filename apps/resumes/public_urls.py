from django.urls import path

from .views import public

app_name = "public_resumes"
urlpatterns = [
    path("r/<slug:slug>/", public.public_resume, name="page"),
    path("r/<slug:slug>/pdf/", public.public_resume_file, {"kind": "pdf"}, name="pdf"),
    path("r/<slug:slug>/docx/", public.public_resume_file, {"kind": "docx"}, name="docx"),
]
