from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .models import CoverLetter, Resume, ResumeRevision, ResumeSlugRedirect


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "slug", "template", "visibility", "published", "updated_at"]
    list_filter = ["template", "visibility", ("live", admin.EmptyFieldListFilter)]
    search_fields = ["title", "slug", "owner__email", "owner__name"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner", "tailored_from"]
    readonly_fields = ["live_link", "live", "template", "created_at", "updated_at"]
    actions = ["unpublish"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")

    @admin.display(boolean=True)
    def published(self, resume: Resume) -> bool:
        return bool(resume.live_id)

    @admin.display(description="Live page")
    def live_link(self, resume: Resume) -> str:
        if not resume.live_id:
            return "—"
        url = reverse("public_resumes:page", args=[resume.slug])
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)

    @admin.action(description="Unpublish the selected resumes")
    def unpublish(self, request, queryset) -> None:
        count = 0
        for resume in queryset.filter(live__isnull=False):
            resume.unpublish()
            resume.refresh_from_db(fields=["content"])
            resume.revisions.create(
                snapshot=resume.draft_snapshot(),
                author=request.user,
                kind=ResumeRevision.Kind.CHECKPOINT,
                label=f"Unpublished by {request.user.email} (admin) {timezone.now():%d %b %Y}",
            )
            count += 1
        messages.success(request, f"Unpublished {count} resume(s).")


@admin.register(ResumeRevision)
class ResumeRevisionAdmin(admin.ModelAdmin):
    list_display = ["resume", "kind", "label", "author", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["resume", "author"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("resume", "author").defer("snapshot")


@admin.register(ResumeSlugRedirect)
class ResumeSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "resume", "created_at"]
    raw_id_fields = ["resume"]


@admin.register(CoverLetter)
class CoverLetterAdmin(admin.ModelAdmin):
    list_display = ["title", "owner", "job_title", "job_company", "updated_at"]
    search_fields = ["title", "job_title", "job_company", "owner__email"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner", "resume"]
    readonly_fields = ["rev", "created_at", "updated_at"]
