from django.contrib import admin

from .models import Resume, ResumeRevision, ResumeSlugRedirect


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "slug", "template", "visibility", "live", "updated_at"]
    list_filter = ["template", "visibility", ("live", admin.EmptyFieldListFilter)]
    search_fields = ["title", "slug", "owner__email", "owner__name"]
    raw_id_fields = ["owner", "live"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ResumeRevision)
class ResumeRevisionAdmin(admin.ModelAdmin):
    list_display = ["resume", "kind", "label", "author", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["resume", "author"]


@admin.register(ResumeSlugRedirect)
class ResumeSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "resume", "created_at"]
    raw_id_fields = ["resume"]
