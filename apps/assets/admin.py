from django.contrib import admin
from django.utils.html import format_html

from .models import Asset


@admin.register(Asset)
class AssetAdmin(admin.ModelAdmin):
    list_display = ("preview", "title", "owner", "kind", "width", "height", "bytes", "created_at")
    list_filter = ("kind", "content_type", "created_at")
    search_fields = ("title", "alt_text", "owner__email", "sha256")
    list_select_related = ("owner",)
    readonly_fields = (
        "preview",
        "owner",
        "file",
        "width",
        "height",
        "bytes",
        "sha256",
        "content_type",
        "renditions",
        "created_at",
    )
    fields = ("preview", "owner", "title", "alt_text", "kind", "prompt", *readonly_fields[2:])
    date_hierarchy = "created_at"

    @admin.display(description="Preview")
    def preview(self, asset: Asset) -> str:
        return format_html('<img src="{}" alt="" width="64" height="64">', asset.thumb_url)

    def has_add_permission(self, request) -> bool:
        return False  # assets come through the validated upload path only

    def delete_model(self, request, asset: Asset) -> None:
        Asset.objects.filter(pk=asset.pk).delete_with_files()

    def delete_queryset(self, request, queryset) -> None:
        queryset.delete_with_files()
