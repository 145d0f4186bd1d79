"""API keys: `gry_<prefix>_<secret>`, shown once. Only the prefix (to find the row) and a
SHA-256 of the whole key are stored; the secret has 256 bits, so a fast hash is enough."""

import hashlib
import hmac
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

KEY_START = "gry_"
LAST_USED_EVERY = timedelta(minutes=1)  # write last_used_at at most this often


class Scope(models.TextChoices):
    AI = "ai", "AI: generate text and images (spends credits)"
    ASSETS_READ = "assets:read", "Assets: list and download"
    ASSETS_WRITE = "assets:write", "Assets: upload, edit and delete"
    ACCOUNT_READ = "account:read", "Account: read profile and credits"
    ACCOUNT_WRITE = "account:write", "Account: change name, title and bio"


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def issue(self, owner, name: str, scopes: list[str], expires_at=None) -> tuple["ApiKey", str]:
        """A new key and its raw text, which exists only in this return value."""
        prefix = secrets.token_hex(4)
        raw = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
        key = self.create(
            owner=owner,
            name=name,
            prefix=prefix,
            hashed_key=hash_key(raw),
            scopes=sorted(set(scopes)),
            expires_at=expires_at,
        )
        return key, raw

    def find(self, raw: str) -> "ApiKey | None":
        """The key this raw text is, whatever its state; None when it is no key of ours."""
        parts = raw.split("_", 2)
        if len(parts) != 3 or f"{parts[0]}_" != KEY_START or len(parts[1]) != 8:
            return None
        key = self.select_related("owner").filter(prefix=parts[1]).first()
        if key is None or not hmac.compare_digest(key.hashed_key, hash_key(raw)):
            return None
        return key

    def active(self) -> "ApiKeyQuerySet":
        now = timezone.now()
        return self.filter(revoked_at=None).exclude(expires_at__lte=now)


class ApiKey(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(default=list)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"
        indexes = [models.Index(fields=["owner", "-created_at"], name="api_key_owner_recent")]

    def __str__(self) -> str:
        return f"{self.name} ({self.display})"

    @property
    def display(self) -> str:
        return f"{KEY_START}{self.prefix}_…"

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        return "expired" if self.expired else "active"

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def touch(self) -> None:
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_EVERY:
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class IdempotentRequest(models.Model):
    """A POST sent with an Idempotency-Key: what it was (a fingerprint of method, path and
    body) and, once answered, the answer to send again. Kept IDEMPOTENCY_TTL (24 h)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.JSONField(null=True, blank=True, help_text="None for a streamed answer.")
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.status_code or 'running'})"
