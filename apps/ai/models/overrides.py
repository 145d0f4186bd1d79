"""Admins' prompt overrides: their own wording for a task's instructions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from ..prompts import TASKS, PromptError, render_instructions


def task_choices() -> list[tuple[str, str]]:
    """The tasks in code, read when asked: a new task needs no migration."""
    return [(t.name, t.label) for t in TASKS.values()]


class PromptOverride(models.Model):
    """An admin's wording for one task's instructions, used instead of the template in code.
    The truthfulness rules and the fenced data are added to it as to any template."""

    task = models.CharField(max_length=40, unique=True, choices=task_choices)
    template = models.TextField(
        max_length=8000,
        help_text="The instructions. {tone} and {tone_line} are filled in for tasks with a "
        "tone; write {{ and }} for braces.",
    )
    based_on_version = models.PositiveSmallIntegerField(
        editable=False, default=0, help_text="The version in code when this was written."
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "prompt override"

    def __str__(self) -> str:
        return f"Override of “{TASKS[self.task].label}”" if self.task in TASKS else self.task

    def clean(self) -> None:
        if self.task not in TASKS:
            return
        try:
            render_instructions(TASKS[self.task], self.template, {"tone": "friendly"})
        except PromptError as exc:
            raise ValidationError({"template": str(exc)}) from None

    @property
    def outdated(self) -> bool:
        return self.task in TASKS and self.based_on_version < TASKS[self.task].version

    @classmethod
    def template_for(cls, task: str) -> tuple[str | None, str]:
        """(the override's template or None, a version label for the request log)."""
        version = str(TASKS[task].version)
        override = cls.objects.filter(task=task).only("template", "updated_at").first()
        if override is None:
            return None, version
        return override.template, f"{version}+admin"
