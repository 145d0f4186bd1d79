from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .design import THEMES
from .models import Portfolio, PortfolioRevision, SlugRedirect


class PublishedFilter(admin.SimpleListFilter):
    title = "published"
    parameter_name = "published"

    def lookups(self, request, model_admin):
        return [("yes", "Published"), ("no", "Not published")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(live__isnull=False)
        if self.value() == "no":
            return queryset.filter(live__isnull=True)
        return queryset


class ThemeFilter(admin.SimpleListFilter):
    title = "theme"
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        return [(key, theme["label"]) for key, theme in THEMES.items()]

    def queryset(self, request, queryset):
        return queryset.filter(design__theme=self.value()) if self.value() else queryset


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "owner", "visibility", "published", "theme", "updated_at")
    list_filter = (
        PublishedFilter,
        "visibility",
        ThemeFilter,
        "goal",
        "chat_enabled",
        "chat_blocked",
    )
    search_fields = ("title", "slug", "owner__email", "owner__name")
    list_select_related = ("owner", "live")
    readonly_fields = ("live_link", "live", "created_at", "updated_at", "last_checkpoint_at")
    raw_id_fields = ("owner", "og_image")
    actions = ["unpublish", "block_chat", "unblock_chat"]

    @admin.display(boolean=True)
    def published(self, portfolio: Portfolio) -> bool:
        return bool(portfolio.live_id)

    @admin.display(description="Theme")
    def theme(self, portfolio: Portfolio) -> str:
        return portfolio.design.get("theme", "")

    @admin.display(description="Live page")
    def live_link(self, portfolio: Portfolio) -> str:
        if not portfolio.live_id:
            return "—"
        url = reverse("public:page", args=[portfolio.slug])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pages", "live__snapshot")

    @admin.action(description="Unpublish the selected portfolios")
    def unpublish(self, request, queryset) -> None:
        count = 0
        for portfolio in queryset.filter(live__isnull=False):
            portfolio.unpublish()
            portfolio.revisions.create(
                snapshot=portfolio.draft_snapshot(),
                author=request.user,
                kind=PortfolioRevision.Kind.CHECKPOINT,
                label=f"Unpublished by {request.user.email} (admin) {timezone.now():%d %b %Y}",
            )
            count += 1
        messages.success(request, f"Unpublished {count} portfolio(s).")

    @admin.action(description="Turn off “Ask my portfolio” for the selected (kill switch)")
    def block_chat(self, request, queryset) -> None:
        count = self._set_chat_blocked(queryset, True)
        messages.success(request, f"Chat turned off for {count} portfolio(s).")

    @admin.action(description="Allow “Ask my portfolio” again for the selected")
    def unblock_chat(self, request, queryset) -> None:
        count = self._set_chat_blocked(queryset, False)
        messages.success(request, f"Chat allowed again for {count} portfolio(s).")

    def _set_chat_blocked(self, queryset, blocked: bool) -> int:
        # One save per portfolio, not queryset.update(): save() makes the cached pages stale.
        count = 0
        for portfolio in queryset.exclude(chat_blocked=blocked):
            portfolio.chat_blocked = blocked
            portfolio.save(update_fields=["chat_blocked"])
            count += 1
        return count


@admin.register(PortfolioRevision)
class PortfolioRevisionAdmin(admin.ModelAdmin):
    list_display = ("portfolio", "kind", "label", "author", "created_at")
    list_filter = ("kind",)
    search_fields = ("portfolio__title", "portfolio__slug", "label")
    list_select_related = ("portfolio", "author")
    readonly_fields = ("portfolio", "snapshot", "author", "kind", "label", "created_at")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("snapshot")

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "portfolio", "created_at")
    search_fields = ("old_slug", "portfolio__slug")
    raw_id_fields = ("portfolio",)
