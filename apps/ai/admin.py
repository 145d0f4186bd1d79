from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from .models import BALANCE_FIELDS, AIRequest, CreditEntry, PromptOverride
from .prompts import TASKS, PromptError, build_prompt


@admin.register(AIRequest)
class AIRequestAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "user",
        "task",
        "provider",
        "model",
        "status",
        "tokens_in",
        "tokens_out",
        "latency_ms",
        "credits_charged",
    )
    list_filter = ("provider", "model", "status", "task", "kind", "created_at")
    search_fields = ("user__email", "task", "idempotency_key")
    date_hierarchy = "created_at"
    list_select_related = ("user",)
    readonly_fields = [f.name for f in AIRequest._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # the ledger points at requests: they are history

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            rows = changelist.queryset.order_by()
            totals = dict(
                requests=Count("id"),
                tokens_in=Sum("tokens_in"),
                tokens_out=Sum("tokens_out"),
                credits=Sum("credits_charged"),
            )
            response.context_data["totals_by_model"] = list(
                rows.values("provider", "model").annotate(**totals).order_by("provider", "model")
            )
            response.context_data["totals_by_day"] = list(
                rows.annotate(day=TruncDate("created_at"))
                .values("day")
                .annotate(**totals)
                .order_by("-day")[:31]
            )
        return response


class GrantForm(forms.ModelForm):
    delta = forms.IntegerField(label="Credits", help_text="Negative to take credits away.")
    note = forms.CharField(max_length=200, label="Reason", help_text="Shown to the person.")

    class Meta:
        model = CreditEntry
        fields = ("user", "kind", "delta", "note")

    def clean(self):
        data = super().clean()
        user, kind, delta = data.get("user"), data.get("kind"), data.get("delta")
        if delta == 0:
            self.add_error("delta", "Grant at least one credit (or take one away).")
        elif user and kind and delta and getattr(user, BALANCE_FIELDS[kind]) + delta < 0:
            self.add_error("delta", "That would take the balance below zero.")
        return data


@admin.register(CreditEntry)
class CreditEntryAdmin(admin.ModelAdmin):
    """The ledger, read-only; "Add" grants credits (the admin is recorded as the actor)."""

    form = GrantForm
    list_display = (
        "created_at",
        "user",
        "kind",
        "delta",
        "balance_after",
        "reason",
        "note",
        "actor",
    )
    list_filter = ("kind", "reason", "created_at")
    search_fields = ("user__email", "note")
    date_hierarchy = "created_at"
    list_select_related = ("user", "actor")
    autocomplete_fields = ("user",)

    def get_readonly_fields(self, request: HttpRequest, obj=None):
        return [f.name for f in CreditEntry._meta.fields] if obj else []

    def get_fields(self, request: HttpRequest, obj=None):
        if obj is None:
            return ["user", "kind", "delta", "note"]
        return [f.name for f in CreditEntry._meta.fields if f.name != "id"]

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        entry = CreditEntry.objects.grant(
            obj.user, obj.kind, obj.delta, note=obj.note, actor=request.user
        )
        obj.__dict__.update({k: v for k, v in entry.__dict__.items() if k != "_state"})
        obj._state.adding = False


@admin.register(PromptOverride)
class PromptOverrideAdmin(admin.ModelAdmin):
    list_display = ("task", "updated_at", "updated_by", "outdated")
    readonly_fields = ("default_wording", "preview", "reset", "updated_by", "updated_at")
    fields = (
        "task",
        "template",
        "default_wording",
        "preview",
        "reset",
        "updated_by",
        "updated_at",
    )

    @admin.display(boolean=True, description="Written for an older version")
    def outdated(self, obj: PromptOverride) -> bool:
        return obj.outdated

    @admin.display(description="Default wording (in code)")
    def default_wording(self, obj: PromptOverride | None) -> str:
        if obj and obj.task in TASKS:
            task = TASKS[obj.task]
            return format_html("<p>Version {}</p><pre>{}</pre>", task.version, task.template)
        return format_html_join(
            "",
            "<p><strong>{}</strong> (v{})</p><pre>{}</pre>",
            ((t.label, t.version, t.template) for t in TASKS.values()),
        )

    @admin.display(description="Preview with sample data")
    def preview(self, obj: PromptOverride | None) -> str:
        if not obj or obj.task not in TASKS:
            return "Save to see the prompt this wording makes."
        task = TASKS[obj.task]
        try:
            prompt = build_prompt(task, task.sample, obj.template)
        except PromptError as exc:
            return str(exc)
        return format_html("<pre>{}</pre><hr><pre>{}</pre>", prompt.system, prompt.user)

    @admin.display(description="Reset")
    def reset(self, obj: PromptOverride | None) -> str:
        if not obj or not obj.pk:
            return "—"
        url = reverse("admin:ai_promptoverride_reset", args=[obj.pk])
        return format_html('<a href="{}">Reset to the default wording…</a>', url)

    def save_model(self, request: HttpRequest, obj: PromptOverride, form, change: bool) -> None:
        obj.updated_by = request.user
        obj.based_on_version = TASKS[obj.task].version
        super().save_model(request, obj, form, change)

    def get_urls(self):
        reset = self.admin_site.admin_view(self.reset_view)
        return [
            path("<int:pk>/reset/", reset, name="ai_promptoverride_reset"),
            *super().get_urls(),
        ]

    def reset_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        override = get_object_or_404(PromptOverride, pk=pk)
        if not self.has_delete_permission(request, override):
            return HttpResponse(status=403)
        if request.method == "POST":
            label = TASKS[override.task].label if override.task in TASKS else override.task
            override.delete()
            self.message_user(
                request, f"“{label}” uses the default wording again.", messages.SUCCESS
            )
            return HttpResponseRedirect(reverse("admin:ai_promptoverride_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "override": override,
            "opts": self.model._meta,
            "title": "Reset to the default wording?",
        }
        return render(request, "admin/ai/promptoverride/reset.html", context)
