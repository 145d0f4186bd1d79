from django.contrib import admin
from django.utils import timezone

from .models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "owner", "scopes", "created_at", "last_used_at", "status")
    list_filter = ("revoked_at", "expires_at")
    search_fields = ("prefix", "name", "owner__email")
    list_select_related = ("owner",)
    readonly_fields = ("prefix", "owner", "scopes", "created_at", "last_used_at", "expires_at")
    fields = ("name", *readonly_fields, "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # a key is shown once, to its owner: they create it in Settings

    @admin.display(description="Status")
    def status(self, key: ApiKey) -> str:
        return key.status

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request, queryset) -> None:
        count = queryset.filter(revoked_at=None).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} key(s) revoked.")
