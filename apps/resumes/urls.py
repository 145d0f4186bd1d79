from django.urls import path

from .views import create, editor, files, resume, tailor

app_name = "resumes"
urlpatterns = [
    path("", create.resume_list, name="list"),
    path("new/", create.resume_create, name="create"),
    path("import/", create.resume_import, name="import"),
    path("<uuid:pk>/duplicate/", create.resume_duplicate, name="duplicate"),
    path("<uuid:pk>/json/", create.resume_json, name="json"),
    path("<uuid:pk>/tailor/", tailor.resume_tailor, name="tailor"),
    path("<uuid:pk>/tailor/create/", tailor.resume_tailor_create, name="tailor-create"),
    path(
        "<uuid:pk>/items/<str:section>/<str:item_id>/to-library/",
        create.item_to_library,
        name="item-to-library",
    ),
    path("<uuid:pk>/settings/", resume.resume_settings, name="settings"),
    path("<uuid:pk>/history/", resume.resume_history, name="history"),
    path(
        "<uuid:pk>/history/<uuid:revision_pk>/restore/",
        resume.revision_restore,
        name="revision-restore",
    ),
    path("<uuid:pk>/publish/", resume.resume_publish, name="publish"),
    path("<uuid:pk>/unpublish/", resume.resume_unpublish, name="unpublish"),
    path("<uuid:pk>/delete/", resume.resume_delete, name="delete"),
    # Files made from it
    path("<uuid:pk>/pdf/", files.resume_pdf, name="pdf"),
    path("<uuid:pk>/docx/", files.resume_docx, name="docx"),
    path("<uuid:pk>/ats/", files.resume_ats, name="ats"),
    path("<uuid:pk>/preview/", files.resume_preview, name="preview"),
    path(
        "<uuid:pk>/preview/<slug:version>/<int:number>.png",
        files.resume_preview_page,
        name="preview-page",
    ),
    # The editor
    path("<uuid:pk>/edit/", editor.resume_edit, name="edit"),
    path("<uuid:pk>/edit/basics/", editor.basics_edit, name="basics"),
    path("<uuid:pk>/edit/design/", editor.design_edit, name="design"),
    # The outline's buttons name their item (one form per action, however many items)
    path("<uuid:pk>/edit/items/move/", editor.item_move, name="item-move"),
    path("<uuid:pk>/edit/items/duplicate/", editor.item_duplicate, name="item-duplicate"),
    path("<uuid:pk>/edit/items/delete/", editor.item_delete, name="item-delete"),
    path("<uuid:pk>/edit/items/<str:item_id>/", editor.item_edit, name="item"),
    path("<uuid:pk>/edit/items/<str:item_id>/restore/", editor.item_restore, name="item-restore"),
    path("<uuid:pk>/edit/sections/reorder/", editor.sections_reorder, name="sections-reorder"),
    path("<uuid:pk>/edit/sections/<str:key>/", editor.section_edit, name="section"),
    path("<uuid:pk>/edit/sections/<str:key>/add/", editor.item_add, name="item-add"),
    path("<uuid:pk>/edit/sections/<str:key>/move/", editor.section_move, name="section-move"),
    path("<uuid:pk>/edit/sections/<str:key>/reorder/", editor.items_reorder, name="items-reorder"),
]
