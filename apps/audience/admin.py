from django.contrib import admin
from django.db.models import Sum

from .models import (
    DailyCount,
    EmailOptOut,
    Message,
    Notification,
    RecruiterList,
    SavedItem,
    SaveOptOut,
    ShareLink,
)


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["__str__", "owner", "created_at", "expires_at", "revoked_at", "views"]
    list_filter = ["revoked_at"]
    search_fields = ["recipient", "company", "owner__email"]
    raw_id_fields = ["owner", "portfolio", "resume"]
    readonly_fields = ["token", "first_opened_at", "last_opened_at", "views", "downloads", "pages"]
    actions = ["revoke"]

    @admin.action(description="Revoke the selected links")
    def revoke(self, request, queryset):
        for link in queryset:
            link.revoke()


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "owner", "folder", "created_at", "read_at"]
    list_filter = ["folder"]  # the spam filter
    search_fields = ["name", "email", "body", "owner__email"]
    raw_id_fields = ["owner", "portfolio"]
    actions = ["mark_spam"]

    @admin.action(description="Move the selected messages to spam")
    def mark_spam(self, request, queryset):
        queryset.update(folder=Message.Folder.SPAM)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["message", "recipient", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["message", "recipient__email"]
    raw_id_fields = ["recipient"]


@admin.register(EmailOptOut)
class EmailOptOutAdmin(admin.ModelAdmin):
    list_display = ["user", "kind"]
    raw_id_fields = ["user"]


@admin.register(DailyCount)
class DailyCountAdmin(admin.ModelAdmin):
    """Analytics totals: filter by metric and day; the total of the selection is shown."""

    list_display = ["target", "day", "metric", "key", "count"]
    list_filter = ["metric", "day"]
    search_fields = ["target", "key"]
    date_hierarchy = "day"

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        try:
            queryset = response.context_data["cl"].queryset
        except (AttributeError, KeyError):
            return response
        response.context_data["title"] = (
            f"Daily counts — total {queryset.aggregate(n=Sum('count'))['n'] or 0}"
        )
        return response


class SavedItemInline(admin.TabularInline):
    model = SavedItem
    raw_id_fields = ["portfolio", "resume"]
    extra = 0


@admin.register(RecruiterList)
class RecruiterListAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "created_at"]
    search_fields = ["name", "owner__email"]
    raw_id_fields = ["owner"]
    inlines = [SavedItemInline]


@admin.register(SaveOptOut)
class SaveOptOutAdmin(admin.ModelAdmin):
    list_display = ["user", "created_at"]
    raw_id_fields = ["user"]
