"""The AI request log. A request reserves its most first (a negative CreditEntry), then
settles: the unused part comes back as a refund entry, or all of it when the call failed, was
cancelled, or its worker died (the reservation expires)."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone

from ..providers.base import AIError
from .credits import (
    BALANCE_FIELDS,
    CreditEntry,
    CreditKind,
    OutOfCredits,
    change_balance,
    lock_user,
    this_month,
    top_up,
    warn_when_low,
)


class AIRequestQuerySet(models.QuerySet["AIRequest"]):
    def credits_per_day(self, days: int) -> list[dict]:
        """The last `days` days, oldest first: {"day", "text", "image", "requests"} each,
        days without use included (zeros)."""
        from django.db.models import Count, Sum
        from django.db.models.functions import TruncDate

        today = timezone.localdate()
        first = today - timedelta(days=days - 1)
        rows = (
            self.filter(created_at__date__gte=first)
            .annotate(day=TruncDate("created_at"))
            .values("day", "kind")
            .annotate(credits=Sum("credits_charged"), requests=Count("id"))
        )
        usage = {
            first + timedelta(days=n): {"text": 0, "image": 0, "requests": 0} for n in range(days)
        }
        for row in rows:
            if row["day"] in usage:
                usage[row["day"]][row["kind"]] += row["credits"] or 0
                usage[row["day"]]["requests"] += row["requests"]
        return [{"day": day, **values} for day, values in usage.items()]

    def stale(self) -> "AIRequestQuerySet":
        """Reservations older than AI_RESERVATION_SECONDS: their worker died or hung."""
        cutoff = timezone.now() - timedelta(seconds=settings.AI_RESERVATION_SECONDS)
        return self.filter(status=AIRequest.Status.PENDING, created_at__lt=cutoff)


class AIRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Running"
        SUCCEEDED = "succeeded", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Expired"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ai_requests"
    )
    task = models.CharField(max_length=40)
    prompt_version = models.CharField(max_length=20, blank=True)
    provider = models.CharField(max_length=20)
    model = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=5, choices=CreditKind, default=CreditKind.TEXT)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    tokens_in = models.PositiveIntegerField(default=0)
    tokens_out = models.PositiveIntegerField(default=0)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    credits_reserved = models.PositiveSmallIntegerField()
    credits_charged = models.PositiveSmallIntegerField(default=0)
    idempotency_key = models.CharField(max_length=100, blank=True)
    error = models.CharField(max_length=20, blank=True, help_text="What kind of failure.")
    output = models.TextField(blank=True, help_text="The answer, for repeated submissions.")
    asset = models.ForeignKey(
        "assets.Asset", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = AIRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "AI request"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="ai_request_unique_idempotency_key",
            ),
            models.CheckConstraint(
                condition=Q(credits_charged__lte=F("credits_reserved")),
                name="ai_request_charged_within_reserved",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="ai_request_user_recent"),
            models.Index(fields=["status", "created_at"], name="ai_request_status_age"),
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.provider} · {self.get_status_display()}"

    @classmethod
    def reserve(
        cls,
        user,
        *,
        task: str,
        kind: str,
        credits: int,
        provider: str,
        model: str,
        prompt_version: str = "",
        idempotency_key: str = "",
    ) -> "AIRequest":
        """Reserve `credits` for a new request, or return the finished request submitted
        under the same key before (status SUCCEEDED: show its output, charge nothing).

        Raises OutOfCredits, or AIError("duplicate") while that earlier request still runs.
        """
        with transaction.atomic():
            locked = lock_user(user)  # serialises this person's reservations
            if idempotency_key:
                earlier = cls.objects.filter(user=user, idempotency_key=idempotency_key).first()
                if earlier and earlier.status == cls.Status.SUCCEEDED:
                    return earlier
                if earlier and earlier.status == cls.Status.PENDING:
                    raise AIError("duplicate", "This request is already running.")
                if earlier:  # failed: the same key may try again
                    earlier.idempotency_key = ""
                    earlier.save(update_fields=["idempotency_key"])
            top_up(locked, this_month())
            if getattr(locked, BALANCE_FIELDS[kind]) < credits:
                raise OutOfCredits(kind)
            request = cls.objects.create(
                user=user,
                task=task,
                prompt_version=prompt_version,
                provider=provider,
                model=model,
                kind=kind,
                credits_reserved=credits,
                idempotency_key=idempotency_key,
            )
            change_balance(
                locked, kind, -credits, reason=CreditEntry.Reason.RESERVE, request=request
            )
        return request

    def settle(self, charge: int, status: str = Status.SUCCEEDED, **done) -> bool:
        """Finish a request that produced something (all of it, or part of it when it was
        cancelled): charge `charge` (≤ reserved), refund the rest. False when the
        reservation had already ended (expired meanwhile): nothing changes."""
        return self._finish(status, charge, **done)

    def refund(self, status: str, error: str = "", **done) -> bool:
        """Finish a failed, cancelled or expired request: all of the reservation comes back."""
        return self._finish(status, 0, error=error, **done)

    def _finish(self, status: str, charge: int, **done) -> bool:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            if fresh.status != self.Status.PENDING:
                return False
            charge = max(0, min(charge, fresh.credits_reserved))
            back = fresh.credits_reserved - charge
            if back:
                change_balance(
                    lock_user(fresh.user_id),
                    fresh.kind,
                    back,
                    reason=CreditEntry.Reason.REFUND,
                    request=fresh,
                )
            fresh.status, fresh.credits_charged = status, charge
            fresh.finished_at = timezone.now()
            for name, value in done.items():
                setattr(fresh, name, value)
            fresh.save()
            if charge:
                warn_when_low(fresh.user_id, fresh.kind)
        self.__dict__.update({k: v for k, v in fresh.__dict__.items() if not k.startswith("_")})
        return True

    def expire(self) -> bool:
        return self.refund(self.Status.EXPIRED, "expired")

    @property
    def finished(self) -> bool:
        return self.status != self.Status.PENDING
