from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.urls import reverse
from django.utils.html import format_html

from .models import User


class UserChangeAdminForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class UserCreationAdminForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeAdminForm
    add_form = UserCreationAdminForm
    ordering = ("-date_joined",)
    list_display = (
        "email",
        "name",
        "role",
        "subscription_tier",
        "ai_text_credits",
        "ai_image_credits",
        "is_active",
        "is_staff",
        "date_joined",
    )
    list_filter = ("subscription_tier", "role", "is_active", "is_staff", "is_superuser")
    search_fields = ("email", "name", "title")
    # Balances change only with a ledger row: grant credits from "Credit entries".
    readonly_fields = (
        "id",
        "last_login",
        "date_joined",
        "ai_text_credits",
        "ai_image_credits",
        "grant_credits",
    )
    fieldsets = (
        (None, {"fields": ("id", "email", "password")}),
        ("Profile", {"fields": ("name", "title", "bio", "avatar", "role")}),
        (
            "Plan and credits",
            {
                "fields": (
                    "subscription_tier",
                    "ai_text_credits",
                    "ai_image_credits",
                    "grant_credits",
                )
            },
        ),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )

    @admin.display(description="Grant credits")
    def grant_credits(self, obj: User) -> str:
        if not obj.pk:
            return "—"
        url = reverse("admin:ai_creditentry_add") + f"?user={obj.pk}"
        history = reverse("admin:ai_creditentry_changelist") + f"?user__id__exact={obj.pk}"
        return format_html(
            '<a href="{}">Grant credits…</a> · <a href="{}">History</a>', url, history
        )

    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
