"""What a revision of a document is — a portfolio's or a resume's: an immutable snapshot with
its author, its kind and a label. Abstract: each app's revisions have their own table."""

import uuid

from django.conf import settings
from django.db import models


class Revision(models.Model):
    class Kind(models.TextChoices):
        PUBLISH = "publish", "Published"
        CHECKPOINT = "checkpoint", "Checkpoint"
        RESTORE = "restore", "Before a restore"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    snapshot = models.JSONField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(max_length=12, choices=Kind)
    label = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    @property
    def name(self) -> str:
        return self.label or f"{self.created_at:%d %b %Y %H:%M}"
