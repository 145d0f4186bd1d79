"""The credits ledger, the AI request log and admins' prompt overrides.

Balances live on User (ai_text_credits, ai_image_credits; a CHECK keeps them ≥ 0) and change
only here, each change together with its CreditEntry row, in one transaction, with the user's
row locked: the ledger of a person always sums to their balance. A request reserves its most
first (a negative entry), then settles: the unused part comes back as a refund entry, or all
of it when the call failed, was cancelled, or its worker died (the reservation expires).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from .prompts import TASKS, PromptError, render_instructions
from .providers.base import AIError

BALANCE_FIELDS = {"text": "ai_text_credits", "image": "ai_image_credits"}


class CreditKind(models.TextChoices):
    TEXT = "text", "Text"
    IMAGE = "image", "Image"


class OutOfCredits(AIError):
    def __init__(self, kind: str):
        noun = "text" if kind == CreditKind.TEXT else "image"
        super().__init__(
            "out_of_credits",
            f"You are out of {noun} credits for this. Your balance is topped up on the first "
            "of each month; see the Credits page.",
        )


def this_month() -> str:
    return timezone.now().strftime("%Y-%m")


def monthly_allowance(user, kind: str) -> int:
    tiers = settings.AI_MONTHLY_CREDITS
    return tiers.get(user.subscription_tier, tiers["free"])[kind]


class CreditEntryQuerySet(models.QuerySet["CreditEntry"]):
    def grant(self, user, kind: str, amount: int, *, note: str, actor=None) -> "CreditEntry":
        """An admin's grant (or, negative, a correction), never below zero."""
        with transaction.atomic():
            locked = _lock_user(user)
            if getattr(locked, BALANCE_FIELDS[kind]) + amount < 0:
                raise ValidationError("That would take the balance below zero.")
            return _change(
                locked, kind, amount, reason=CreditEntry.Reason.GRANT, note=note, actor=actor
            )

    def top_up(self, user, period: str | None = None) -> list["CreditEntry"]:
        """This month's top-up to the plan's allowance; does nothing the second time."""
        with transaction.atomic():
            return _top_up(_lock_user(user), period or this_month())

    def open_account(self, user) -> None:
        """Record the balances an account was created with, so its ledger sums to them."""
        for kind, field in BALANCE_FIELDS.items():
            amount = getattr(user, field)
            if amount:
                self.create(
                    user=user,
                    kind=kind,
                    delta=amount,
                    balance_after=amount,
                    reason=CreditEntry.Reason.OPENING,
                )


class CreditEntry(models.Model):
    """One change of a balance. Append-only: rows are never changed or deleted."""

    class Reason(models.TextChoices):
        OPENING = "opening", "Opening balance"
        MONTHLY = "monthly", "Monthly top-up"
        GRANT = "grant", "Granted by an admin"
        RESERVE = "reserve", "Charged"
        REFUND = "refund", "Refunded"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="credit_entries"
    )
    kind = models.CharField(max_length=5, choices=CreditKind)
    delta = models.IntegerField()
    balance_after = models.IntegerField()
    reason = models.CharField(max_length=10, choices=Reason)
    note = models.CharField(max_length=200, blank=True)
    request = models.ForeignKey(
        "AIRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The admin who granted it.",
    )
    period = models.CharField(max_length=7, blank=True, help_text="The month of a top-up.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CreditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "credit entries"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "period"],
                condition=~Q(period=""),
                name="credit_one_top_up_a_month",
            ),
            models.CheckConstraint(
                condition=Q(balance_after__gte=0), name="credit_balance_after_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="credit_user_recent")]

    def __str__(self) -> str:
        return f"{self.delta:+d} {self.kind} ({self.get_reason_display()})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValidationError("Credit entries are never changed: add a new one.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Credit entries are never deleted.")


def _lock_user(user_or_pk):
    from apps.accounts.models import User

    pk = getattr(user_or_pk, "pk", user_or_pk)
    fields = [*BALANCE_FIELDS.values(), "subscription_tier"]
    return User.objects.select_for_update().only(*fields).get(pk=pk)


def _change(locked_user, kind: str, delta: int, **entry) -> CreditEntry:
    """Move a locked user's balance and write its ledger row; the caller holds the lock."""
    from apps.accounts.models import User

    field = BALANCE_FIELDS[kind]
    balance = getattr(locked_user, field) + delta
    User.objects.filter(pk=locked_user.pk).update(**{field: F(field) + delta})
    setattr(locked_user, field, balance)
    return CreditEntry.objects.create(
        user_id=locked_user.pk, kind=kind, delta=delta, balance_after=balance, **entry
    )


def _warn_when_low(user_pk, kind: str) -> None:
    """Notify once a month when a charge leaves the balance under AI_LOW_CREDITS[kind]; the
    user's row lock makes it once however many requests finish at the same time."""
    from apps.audience.models import Notification

    user = _lock_user(user_pk)
    left = getattr(user, BALANCE_FIELDS[kind])
    if left >= settings.AI_LOW_CREDITS[kind]:
        return
    month = timezone.now().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    sent = Notification.objects.filter(
        recipient_id=user_pk, kind=Notification.Kind.CREDITS_LOW, created_at__gte=month
    )
    if not sent.filter(message__contains=f" {kind} ").exists():
        Notification.objects.send(
            user,
            Notification.Kind.CREDITS_LOW,
            f"You have {left} {kind} credit{'s' if left != 1 else ''} left this month.",
            url=reverse("core:credits"),
        )


def _top_up(locked_user, period: str) -> list[CreditEntry]:
    done = set(
        CreditEntry.objects.filter(user_id=locked_user.pk, period=period).values_list(
            "kind", flat=True
        )
    )
    entries = []
    for kind, field in BALANCE_FIELDS.items():
        if kind not in done:
            # Zero when already full: the row still marks the month as done.
            missing = max(0, monthly_allowance(locked_user, kind) - getattr(locked_user, field))
            entries.append(
                _change(
                    locked_user, kind, missing, reason=CreditEntry.Reason.MONTHLY, period=period
                )
            )
    return entries


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
            locked = _lock_user(user)  # serialises this person's reservations
            if idempotency_key:
                earlier = cls.objects.filter(user=user, idempotency_key=idempotency_key).first()
                if earlier and earlier.status == cls.Status.SUCCEEDED:
                    return earlier
                if earlier and earlier.status == cls.Status.PENDING:
                    raise AIError("duplicate", "This request is already running.")
                if earlier:  # failed: the same key may try again
                    earlier.idempotency_key = ""
                    earlier.save(update_fields=["idempotency_key"])
            _top_up(locked, this_month())
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
            _change(locked, kind, -credits, reason=CreditEntry.Reason.RESERVE, request=request)
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
                _change(
                    _lock_user(fresh.user_id),
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
                _warn_when_low(fresh.user_id, fresh.kind)
        self.__dict__.update({k: v for k, v in fresh.__dict__.items() if not k.startswith("_")})
        return True

    def expire(self) -> bool:
        return self.refund(self.Status.EXPIRED, "expired")

    @property
    def finished(self) -> bool:
        return self.status != self.Status.PENDING


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
