from django.urls import path

from .views import editor, mentor, pages
from .views import portfolio as views

app_name = "portfolios"
urlpatterns = [
    path("", views.portfolio_list, name="list"),
    path("new/", views.portfolio_create, name="create"),
    path("<uuid:pk>/edit/", editor.portfolio_edit, name="edit"),
    path("<uuid:pk>/edit/blocks/add/", editor.block_add, name="block-add"),
    path("<uuid:pk>/edit/blocks/reorder/", editor.block_reorder, name="block-reorder"),
    path("<uuid:pk>/edit/blocks/<str:block_id>/", editor.block_edit, name="block-edit"),
    path("<uuid:pk>/edit/blocks/<str:block_id>/move/", editor.block_move, name="block-move"),
    path(
        "<uuid:pk>/edit/blocks/<str:block_id>/duplicate/",
        editor.block_duplicate,
        name="block-duplicate",
    ),
    path("<uuid:pk>/edit/blocks/<str:block_id>/delete/", editor.block_delete, name="block-delete"),
    path(
        "<uuid:pk>/edit/blocks/<str:block_id>/restore/", editor.block_restore, name="block-restore"
    ),
    path("<uuid:pk>/edit/pages/add/", pages.page_add, name="page-add"),
    path("<uuid:pk>/edit/pages/<str:page_id>/", pages.page_edit, name="page-edit"),
    path("<uuid:pk>/edit/pages/<str:page_id>/move/", pages.page_move, name="page-move"),
    path("<uuid:pk>/edit/pages/<str:page_id>/delete/", pages.page_delete, name="page-delete"),
    path("<uuid:pk>/design/", views.portfolio_design, name="design"),
    path("<uuid:pk>/history/", views.portfolio_history, name="history"),
    path(
        "<uuid:pk>/history/<uuid:revision_pk>/preview/",
        views.revision_preview,
        name="revision-preview",
    ),
    path(
        "<uuid:pk>/history/<uuid:revision_pk>/preview/<slug:page_slug>/",
        views.revision_preview,
        name="revision-preview-page",
    ),
    path(
        "<uuid:pk>/history/<uuid:revision_pk>/restore/",
        views.revision_restore,
        name="revision-restore",
    ),
    path("<uuid:pk>/mentor/", mentor.portfolio_mentor, name="mentor"),
    path("<uuid:pk>/mentor/checklist/", mentor.mentor_checklist, name="mentor-checklist"),
    path("<uuid:pk>/guide/", mentor.portfolio_guide, name="guide"),
    path("<uuid:pk>/settings/", views.portfolio_settings, name="settings"),
    path("<uuid:pk>/publish/", views.portfolio_publish, name="publish"),
    path("<uuid:pk>/unpublish/", views.portfolio_unpublish, name="unpublish"),
    path("<uuid:pk>/preview/", views.portfolio_preview, name="preview"),
    path("<uuid:pk>/preview/<slug:page_slug>/", views.portfolio_preview, name="preview-page"),
    path("<uuid:pk>/download/", views.portfolio_download, name="download"),
    path("<uuid:pk>/delete/", views.portfolio_delete, name="delete"),
]
