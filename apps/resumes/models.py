import re
import unicodedata
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from apps.core.slugs import RESERVED_SLUGS, slugify, unique_slug, validate_slug

from .content import TEMPLATES, ContentError, blank_content, clean_content, layout
from .editing import EditResult, ResumeEditing

CHECKPOINT_EVERY = timedelta(minutes=10)


def default_content() -> dict:
    return blank_content()


class Resume(ResumeEditing, models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public"
        UNLISTED = "unlisted", "Unlisted (anyone with the link)"
        PRIVATE = "private", "Private (only you)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resumes"
    )
    title = models.CharField(max_length=120, help_text="For you, e.g. “Backend roles, 2026”.")
    slug = models.CharField(max_length=50, unique=True, validators=[validate_slug])
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.PUBLIC)
    # The layout's template, kept beside the content (same save) for the admin's filter.
    template = models.CharField(max_length=20, choices=TEMPLATES.items(), default="classic")
    content = models.JSONField(default=default_content)
    live = models.ForeignKey(
        "ResumeRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_checkpoint_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "-updated_at"], name="resume_owner_recent")]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        try:
            self.content = clean_content(self.content)
        except ContentError as exc:
            raise ContentError(exc.problems) from None
        self.template = layout(self.content)["template"]

    @property
    def is_public(self) -> bool:
        return bool(self.live_id) and self.visibility != self.Visibility.PRIVATE

    @property
    def status(self) -> str:
        if not self.live_id:
            return "draft"
        return "published" if self.live.snapshot["content"] == self.content else "changed"

    # --- editing: lock the row, change a fresh copy, validate, save -----------------------

    def _edit(self, change: Callable[[dict], EditResult], by=None) -> EditResult:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            content = fresh.content  # just decoded from the locked row: ours to change
            result = change(content)
            if not result.ok:
                return result
            try:
                cleaned = clean_content(content)
            except ContentError as exc:
                return EditResult(False, f"Not saved: {exc.problems[0]}")
            if fresh._checkpoint_due():
                fresh.revisions.create(
                    snapshot=fresh.draft_snapshot(),
                    author=by,
                    kind=ResumeRevision.Kind.CHECKPOINT,
                    label="Automatic checkpoint",
                )
                fresh.last_checkpoint_at = timezone.now()
            fresh.content, fresh.template = cleaned, layout(cleaned)["template"]
            fresh.save(update_fields=["content", "template", "updated_at", "last_checkpoint_at"])
        self.content, self.template = fresh.content, fresh.template
        self.updated_at = fresh.updated_at
        return result

    def _checkpoint_due(self) -> bool:
        last = self.last_checkpoint_at
        return not last or timezone.now() - last >= CHECKPOINT_EVERY

    # --- revisions ------------------------------------------------------------------------

    def draft_snapshot(self) -> dict:
        return {"title": self.title, "content": self.content}

    def save_version(self, label: str, by=None) -> "ResumeRevision":
        return self.revisions.create(
            snapshot=self.draft_snapshot(),
            author=by,
            label=label[:120] or "Saved version",
            kind=ResumeRevision.Kind.CHECKPOINT,
        )

    def restore(self, revision: "ResumeRevision", by=None) -> None:
        """Copy a revision into the draft; the current draft becomes a revision first."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            fresh.revisions.create(
                snapshot=fresh.draft_snapshot(),
                author=by,
                kind=ResumeRevision.Kind.RESTORE,
                label=f"Before restoring “{revision.name}”"[:120],
            )
            fresh.content = clean_content(revision.snapshot["content"])
            fresh.template = layout(fresh.content)["template"]
            fresh.save(update_fields=["content", "template", "updated_at"])
        self.content, self.template = fresh.content, fresh.template

    def publish(self, by=None) -> "ResumeRevision":
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            revision = fresh.revisions.create(
                snapshot=fresh.draft_snapshot(),
                author=by,
                kind=ResumeRevision.Kind.PUBLISH,
                label="Published",
            )
            fresh.live = revision
            fresh.save(update_fields=["live", "updated_at"])
        self.live = revision
        return revision

    def unpublish(self) -> None:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            fresh.live = None
            fresh.save(update_fields=["live", "updated_at"])
        self.live = None

    # --- creating -------------------------------------------------------------------------

    @classmethod
    def create_for(cls, owner, *, title: str, content: dict) -> "Resume":
        """A new resume of `content` (validated; items get ids) at a free address made from
        the name on it. Raises ContentError when the content is not valid."""
        content = clean_content(content, assign_ids=True)
        for attempt in range(3):
            try:
                with transaction.atomic():
                    return cls.objects.create(
                        owner=owner,
                        title=title[:120],
                        content=content,
                        template=layout(content)["template"],
                        # The name the resume shows, never its title (that one is private).
                        slug=free_address(content["basics"].get("name") or owner.name),
                    )
            except IntegrityError:  # another resume took the address meanwhile
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def duplicate(self) -> "Resume":
        """A tailored variant: the same content at a new address, unpublished."""
        return Resume.create_for(self.owner, title=f"Copy of {self.title}", content=self.content)

    def download_name(self, extension: str) -> str:
        """“Ada-Lovelace-Backend-roles.pdf”: the person's name and the title, safe as a file
        name in every operating system (letters of any script are kept)."""
        name = self.content["basics"].get("name") or self.owner.name
        words = re.sub(r"[^\w.-]+", " ", f"{name} {self.title}").split()
        return f"{'-'.join(words)[:100].strip('.-') or 'resume'}.{extension}"


def free_address(text: str) -> str:
    """A free, valid resume address made from a name: ada-lovelace, ada-lovelace-2, …
    Addresses resumes had before stay taken: they redirect to their resume."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = slugify(ascii_text, 44) or "resume"  # Zoë Çelik → zoe-celik
    if len(base) < 3 or base in RESERVED_SLUGS:
        base = f"{base}-cv".strip("-")
    taken = set(Resume.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(
        ResumeSlugRedirect.objects.filter(old_slug__startswith=base).values_list(
            "old_slug", flat=True
        )
    )
    return unique_slug(base, taken)


class ResumeRevision(models.Model):
    class Kind(models.TextChoices):
        PUBLISH = "publish", "Published"
        CHECKPOINT = "checkpoint", "Checkpoint"
        RESTORE = "restore", "Before a restore"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="revisions")
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
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name}"

    @property
    def name(self) -> str:
        return self.label or f"{self.created_at:%d %b %Y %H:%M}"


class ResumeSlugRedirect(models.Model):
    """An address a resume used to have: visitors are sent on with a 301."""

    old_slug = models.CharField(max_length=50, unique=True)
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.resume.slug}"
