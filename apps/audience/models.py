"""Who a creator's work reaches: share links per recipient, notifications, the contact inbox
and the daily totals of private analytics (apps/audience/counting.py fills them)."""

import secrets
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone


def new_token() -> str:
    return secrets.token_urlsafe(24)  # 192 bits: unguessable, and short enough to paste


class ShareLinkQuerySet(models.QuerySet):
    def for_target(self, target) -> "ShareLinkQuerySet":
        if target.__class__.__name__ == "Portfolio":
            return self.filter(portfolio=target)
        return self.filter(resume=target)


class ShareLink(models.Model):
    """A link to one portfolio or resume for one recipient, showing its live version whatever
    its visibility, until it is revoked or expires."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    portfolio = models.ForeignKey(
        "portfolios.Portfolio", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    resume = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    recipient = models.CharField(max_length=120)
    company = models.CharField(max_length=120, blank=True)
    note = models.TextField(max_length=1000, blank=True, help_text="Only you see this.")
    expires_at = models.DateTimeField(null=True, blank=True)
    allow_download = models.BooleanField(default=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    first_opened_at = models.DateTimeField(null=True, blank=True)
    last_opened_at = models.DateTimeField(null=True, blank=True)
    views = models.PositiveIntegerField(default=0)
    downloads = models.PositiveIntegerField(default=0)
    pages = models.JSONField(default=dict, blank=True)  # page slug ("" = home) -> views

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(portfolio__isnull=False, resume__isnull=True)
                | Q(portfolio__isnull=True, resume__isnull=False),
                name="share_link_one_target",
            )
        ]

    def __str__(self) -> str:
        who = f"{self.recipient} ({self.company})" if self.company else self.recipient
        return f"{self.target} for {who}"

    @property
    def target(self):
        return self.portfolio if self.portfolio_id else self.resume

    @property
    def path(self) -> str:
        return reverse("audience:share", args=[self.token])

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "revoked"
        if self.expires_at and self.expires_at <= timezone.now():
            return "expired"
        return "active"

    def revoke(self) -> None:
        if not self.revoked_at:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_open(self, page_slug: str) -> bool:
        """Count a recipient's visit; True for exactly the first one, however many arrive at
        once (a conditional UPDATE: one row matches `first_opened_at IS NULL` only once)."""
        now = timezone.now()
        first = bool(
            ShareLink.objects.filter(pk=self.pk, first_opened_at__isnull=True).update(
                first_opened_at=now
            )
        )
        ShareLink.objects.filter(pk=self.pk).update(views=F("views") + 1, last_opened_at=now)
        self._count_page(page_slug)
        return first

    def _count_page(self, page_slug: str) -> None:
        with transaction.atomic():
            link = ShareLink.objects.select_for_update().only("pages").get(pk=self.pk)
            pages = dict(link.pages)
            if page_slug in pages or len(pages) < 100:
                pages[page_slug] = pages.get(page_slug, 0) + 1
                ShareLink.objects.filter(pk=self.pk).update(pages=pages)

    def record_download(self) -> None:
        ShareLink.objects.filter(pk=self.pk).update(downloads=F("downloads") + 1)


class NotificationManager(models.Manager):
    def send(
        self, recipient, kind: str, message: str, url: str = "", email_body: str = "", **email
    ) -> "Notification":
        """Notify someone in the app and, unless they opted out of this kind, by email once
        the transaction commits. `email` passes on to EmailMessage (e.g. reply_to)."""
        note = self.create(recipient=recipient, kind=kind, message=message[:300], url=url)
        if not EmailOptOut.objects.filter(user=recipient, kind=kind).exists():
            transaction.on_commit(lambda: note.email(email_body, **email), robust=True)
        return note


class Notification(models.Model):
    class Kind(models.TextChoices):
        NEW_MESSAGE = "new_message", "New message"
        SHARE_OPENED = "share_opened", "Share link opened for the first time"
        RECRUITER_SAVED = "recruiter_saved", "A recruiter saved your portfolio"
        IMAGE_READY = "image_ready", "Image generation finished"
        CREDITS_LOW = "credits_low", "Credits running low"
        WEEKLY_DIGEST = "weekly_digest", "Weekly digest"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NotificationManager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.message

    def email(self, body: str = "", **extra) -> None:
        link = f"{settings.SITE_URL}{self.url}" if self.url.startswith("/") else self.url
        settings_link = f"{settings.SITE_URL}{reverse('audience:notification-settings')}"
        text = "\n\n".join(
            part
            for part in (
                self.message,
                body,
                f"Open it: {link}" if link else "",
                f"Choose which emails you get: {settings_link}",
            )
            if part
        )
        EmailMessage(
            subject=f"[Grooya] {self.message}"[:150],
            body=text,
            to=[self.recipient.email],
            **extra,
        ).send()

    def mark_read(self) -> None:
        if not self.read_at:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at"])


# The kinds something sends today (image_ready and credits_low wait for apps/ai to send them):
# the only ones Settings → Notifications offers.
SENT_KINDS = (
    Notification.Kind.NEW_MESSAGE,
    Notification.Kind.SHARE_OPENED,
    Notification.Kind.RECRUITER_SAVED,
    Notification.Kind.IMAGE_READY,
    Notification.Kind.CREDITS_LOW,
    Notification.Kind.WEEKLY_DIGEST,
)


class EmailOptOut(models.Model):
    """A kind of notification someone does not want by email (in the app they still see it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=20, choices=Notification.Kind)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_once")]

    def __str__(self) -> str:
        return f"{self.user} — no email for {self.kind}"


class MessageQuerySet(models.QuerySet):
    def in_folder(self, folder: str) -> "MessageQuerySet":
        return self.filter(folder=folder)


class Message(models.Model):
    """What a visitor sent through a contact form, or a visitor's conversation with "Ask my
    portfolio" (kind CHAT: the questions and answers in `body`, no email): their words only
    (no IP, no cookie)."""

    class Kind(models.TextChoices):
        CONTACT = "contact", "Message"
        CHAT = "chat", "Portfolio chat"

    class Folder(models.TextChoices):
        INBOX = "inbox", "Inbox"
        ARCHIVE = "archive", "Archive"
        SPAM = "spam", "Spam"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages"
    )
    portfolio = models.ForeignKey(
        "portfolios.Portfolio", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.CONTACT)
    name = models.CharField(max_length=100)
    email = models.EmailField(max_length=254, blank=True)
    body = models.TextField(max_length=50_000)
    folder = models.CharField(max_length=10, choices=Folder, default=Folder.INBOX)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["owner", "folder", "-created_at"], name="message_folder")]

    def __str__(self) -> str:
        return f"From {self.name} <{self.email}>"


class DailyCount(models.Model):
    """One number of private analytics: how often `metric` (with `key`: a referrer domain, a
    page, a campaign, a device class; "" for the total) happened to `target` on `day`.

    `target` is "p:<portfolio id>" or "r:<resume id>". Rows are added to by counting.flush in
    batches, never per view."""

    target = models.CharField(max_length=40)
    day = models.DateField()
    metric = models.CharField(max_length=20)
    key = models.CharField(max_length=200, blank=True, default="")
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["target", "day", "metric", "key"], name="daily_count_once"
            )
        ]
        indexes = [models.Index(fields=["target", "metric", "day"], name="daily_count_range")]

    def __str__(self) -> str:
        return f"{self.target} {self.day} {self.metric} {self.key or '(all)'}: {self.count}"


class RecruiterList(models.Model):
    """A recruiter's list of people they liked ("Backend, Berlin")."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recruiter_lists"
    )
    name = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="recruiter_list_name_once")
        ]

    def __str__(self) -> str:
        return self.name


class SavedItem(models.Model):
    """A published portfolio or resume on a recruiter's list, with their private note and tags.
    What the recruiter sees of it is only ever its published page."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recruiter_list = models.ForeignKey(
        RecruiterList, on_delete=models.CASCADE, related_name="items"
    )
    portfolio = models.ForeignKey(
        "portfolios.Portfolio", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    resume = models.ForeignKey(
        "resumes.Resume", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    note = models.TextField(max_length=2000, blank=True)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(portfolio__isnull=False, resume__isnull=True)
                | Q(portfolio__isnull=True, resume__isnull=False),
                name="saved_item_one_target",
            ),
            models.UniqueConstraint(
                fields=["recruiter_list", "portfolio"], name="saved_portfolio_once_per_list"
            ),
            models.UniqueConstraint(
                fields=["recruiter_list", "resume"], name="saved_resume_once_per_list"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target} on {self.recruiter_list}"

    @property
    def target(self):
        return self.portfolio if self.portfolio_id else self.resume

    @property
    def public_url(self) -> str:
        """The published page, or "" when it is no longer public."""
        target = self.target
        if not target.is_public:
            return ""
        if self.portfolio_id:
            return reverse("public:page", args=[target.slug])
        return reverse("public_resumes:page", args=[target.slug])


class SaveOptOut(models.Model):
    """A creator who does not want recruiters to save their portfolios and resumes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="save_opt_out"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user} — not to be saved"
