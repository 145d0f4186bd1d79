from django.contrib import admin

from .models import Education, Experience, Project, Skill


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "owner",
        "featured",
        "position",
        "start_date",
        "end_date",
        "updated_at",
    )
    list_filter = ("featured", "created_at")
    search_fields = ("title", "summary", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner", "cover")
    readonly_fields = ("id", "created_at", "updated_at")
    date_hierarchy = "created_at"


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "level", "owner", "created_at")
    list_filter = ("category", "level")
    search_fields = ("name", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = ("id", "created_at")


@admin.register(Experience)
class ExperienceAdmin(admin.ModelAdmin):
    list_display = ("role", "company", "owner", "start_date", "end_date", "current")
    list_filter = ("current", "start_date")
    search_fields = ("company", "role", "location", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = ("id", "created_at", "updated_at")


@admin.register(Education)
class EducationAdmin(admin.ModelAdmin):
    list_display = ("school", "degree", "field", "owner", "start_date", "end_date")
    list_filter = ("end_date",)
    search_fields = ("school", "degree", "field", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    readonly_fields = ("id", "created_at", "updated_at")
