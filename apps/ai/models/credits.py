"""The credits ledger. Balances live on User (ai_text_credits, ai_image_credits; a CHECK keeps
them ≥ 0) and change only here, each change together with its CreditEntry row, in one
transaction, with the user's row locked: the ledger of a person always sums to their balance.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from ..providers.base import AIError

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
            locked = lock_user(user)
            if getattr(locked, BALANCE_FIELDS[kind]) + amount < 0:
                raise ValidationError("That would take the balance below zero.")
            return change_balance(
                locked, kind, amount, reason=CreditEntry.Reason.GRANT, note=note, actor=actor
            )

    def top_up(self, user, period: str | None = None) -> list["CreditEntry"]:
        """This month's top-up to the plan's allowance; does nothing the second time."""
        with transaction.atomic():
            return top_up(lock_user(user), period or this_month())

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


def lock_user(user_or_pk):
    from apps.accounts.models import User

    pk = getattr(user_or_pk, "pk", user_or_pk)
    fields = [*BALANCE_FIELDS.values(), "subscription_tier"]
    return User.objects.select_for_update().only(*fields).get(pk=pk)


def change_balance(locked_user, kind: str, delta: int, **entry) -> CreditEntry:
    """Move a locked user's balance and write its ledger row; the caller holds the lock."""
    from apps.accounts.models import User

    field = BALANCE_FIELDS[kind]
    balance = getattr(locked_user, field) + delta
    User.objects.filter(pk=locked_user.pk).update(**{field: F(field) + delta})
    setattr(locked_user, field, balance)
    return CreditEntry.objects.create(
        user_id=locked_user.pk, kind=kind, delta=delta, balance_after=balance, **entry
    )


def warn_when_low(user_pk, kind: str) -> None:
    """Notify once a month when a charge leaves the balance under AI_LOW_CREDITS[kind]; the
    user's row lock makes it once however many requests finish at the same time."""
    from apps.audience.models import Notification

    user = lock_user(user_pk)
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


def top_up(locked_user, period: str) -> list[CreditEntry]:
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
                change_balance(
                    locked_user, kind, missing, reason=CreditEntry.Reason.MONTHLY, period=period
                )
            )
    return entries
