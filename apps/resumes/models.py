import re
import uuid
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from apps.core import link_preview, published, slugs
from apps.core.revisions import Revision
from apps.core.slugs import validate_slug

from .content import TEMPLATES, ContentError, blank_content, clean_content, layout
from .editing import EditResult, ResumeEditing
from .rendering import INK, MUTED, PAPER, accent_colors, text

CHECKPOINT_EVERY = timedelta(minutes=10)
# What the published page at an address shows depends on these: saving one makes it stale.
PUBLIC_FIELDS = frozenset({"live", "visibility", "slug"})


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
    # A resume tailored to one job (see tailor()): the one it was made from, and the job.
    tailored_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="tailored"
    )
    job_title = models.CharField(max_length=200, blank=True)
    job_company = models.CharField(max_length=200, blank=True)
    job_url = models.URLField(max_length=500, blank=True)
    job_description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "-updated_at"], name="resume_owner_recent")]

    def __str__(self) -> str:
        return self.title

    def save(self, **kwargs) -> None:
        """Save; when the fields the published page depends on change, its cached copy goes
        stale — whoever saves (operation, admin, shell)."""
        super().save(**kwargs)
        fields = kwargs.get("update_fields")
        if fields is None or PUBLIC_FIELDS.intersection(fields):
            for slug in {self.slug, getattr(self, "_stored_slug", None)} - {None}:
                published.forget(f"r/{slug}")
        self._stored_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        resume = super().from_db(db, field_names, values, **kwargs)
        resume._stored_slug = resume.__dict__.get("slug")  # absent when deferred
        return resume

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
            snap = fresh.draft_snapshot()
            snap["seo"] = {"image": fresh._link_preview()}  # the card shared links show
            revision = fresh.revisions.create(
                snapshot=snap,
                author=by,
                kind=ResumeRevision.Kind.PUBLISH,
                label="Published",
            )
            fresh.live = revision
            fresh.save(update_fields=["live", "updated_at"])
        self.live = revision
        return revision

    def _link_preview(self) -> dict | None:
        basics, accent = self.content["basics"], layout(self.content)["accent"]
        return link_preview.card(
            name=text(basics.get("name")) or text(self.owner.name) or "Resume",
            title=text(basics.get("label")),
            colors={
                "background": PAPER,
                "primary": INK,
                "muted": MUTED,
                "accent": accent,
                "address": accent_colors(accent)["ink"],  # readable however light the accent
            },
            owner=self.owner,
            address=f"{urlsplit(settings.SITE_URL).netloc}/r/{self.slug}/",
        )

    def unpublish(self) -> None:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            fresh.live = None
            fresh.save(update_fields=["live", "updated_at"])
        self.live = None

    def change_settings(self, *, slug: str, **values) -> None:
        """Save the settings page (title, visibility) and move to `slug`, changing no other
        field: an edit or a publish committed meanwhile stays."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().defer("content").get(pk=self.pk)
            for name, value in values.items():
                setattr(fresh, name, value)
            fresh.save(update_fields=[*values, "updated_at"])
            if slug != fresh.slug:
                ResumeSlugRedirect.objects.filter(old_slug=slug).delete()
                ResumeSlugRedirect.objects.update_or_create(
                    old_slug=fresh.slug, defaults={"resume": fresh}
                )
                fresh.slug = slug
                fresh.save(update_fields=["slug", "updated_at"])
        for name in values:
            setattr(self, name, getattr(fresh, name))
        self.slug = self._stored_slug = slug

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

    def tailor(self, content: dict, *, job: dict) -> "Resume":
        """A new resume of `content` (this one with a job's accepted edits), linked to this
        one and to the job (`job`: job_title, job_company, job_url, job_description)."""
        role = job.get("job_title") or "a job"
        at = f" at {job['job_company']}" if job.get("job_company") else ""
        tailored = Resume.create_for(
            self.owner, title=f"{self.title} — for {role}{at}", content=content
        )
        tailored.tailored_from = self
        for name, value in job.items():
            setattr(tailored, name, value)
        tailored.save(update_fields=["tailored_from", *job, "updated_at"])
        return tailored

    @property
    def job_label(self) -> str:
        return " at ".join(v for v in (self.job_title, self.job_company) if v)

    def download_name(self, extension: str) -> str:
        """“Ada-Lovelace-Backend-roles.pdf”: the person's name and the title, safe as a file
        name in every operating system (letters of any script are kept)."""
        name = self.content["basics"].get("name") or self.owner.name
        words = re.sub(r"[^\w.-]+", " ", f"{name} {self.title}").split()
        return f"{'-'.join(words)[:100].strip('.-') or 'resume'}.{extension}"


class ResumeRevision(Revision):
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass


class ResumeSlugRedirect(models.Model):
    """An address a resume used to have: visitors are sent on with a 301."""

    old_slug = models.CharField(max_length=50, unique=True)
    resume = models.ForeignKey(Resume, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.resume.slug}"


@receiver(post_delete, sender=Resume)
def _forget_deleted_resume(sender, instance: Resume, **kwargs) -> None:
    # Deleting an account deletes its resumes by cascade, which never calls delete(): their
    # published pages must go at once all the same.
    published.forget(f"r/{instance.slug}")


@receiver(pre_delete, sender=ResumeRevision)
def _forget_deleted_live_revision(sender, instance: ResumeRevision, **kwargs) -> None:
    if instance.kind == ResumeRevision.Kind.PUBLISH:  # unpublished by SET_NULL: no save
        for slug in Resume.objects.filter(live=instance).values_list("slug", flat=True):
            published.forget(f"r/{slug}")


def free_address(text: str) -> str:
    """A free resume address made from a name: ada-lovelace, ada-lovelace-2, …"""
    return slugs.free_address(text, fallback="resume", suffix="cv", taken=_taken)


def _taken(base: str) -> set[str]:
    live = Resume.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    moved = ResumeSlugRedirect.objects.filter(old_slug__startswith=base)
    return {*live, *moved.values_list("old_slug", flat=True)}


class CoverLetter(models.Model):
    """A cover letter for one job, written from one of the person's resumes (by them, or
    drafted by the assistant and then theirs to edit). Plain text: paragraphs are blank lines.
    Saved by the editor contract: a save names the `rev` it is based on."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cover_letters"
    )
    title = models.CharField(max_length=120)
    resume = models.ForeignKey(
        Resume, null=True, blank=True, on_delete=models.SET_NULL, related_name="cover_letters"
    )
    job_title = models.CharField(max_length=200, blank=True)
    job_company = models.CharField(max_length=200, blank=True)
    job_url = models.URLField(max_length=500, blank=True)
    job_description = models.TextField(blank=True)
    body = models.TextField(blank=True, max_length=20_000)
    rev = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    EDITABLE = ("title", "job_title", "job_company", "job_url", "body")

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "-updated_at"], name="letter_owner_recent")]

    def __str__(self) -> str:
        return self.title

    @property
    def job_label(self) -> str:
        return " at ".join(v for v in (self.job_title, self.job_company) if v)

    def values(self) -> dict:
        return {name: getattr(self, name) for name in self.EDITABLE}

    def update(self, values: dict, *, based_on: int) -> EditResult:
        """Save the editor's fields, unless someone saved since `based_on`: then nothing
        changes and the answer carries both versions."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            if fresh.rev != based_on:
                theirs = {"id": fresh.pk.hex, "rev": fresh.rev, **fresh.values()}
                return EditResult(
                    False,
                    "Changed meanwhile",
                    item=theirs,
                    conflict={"theirs": theirs, "mine": values},
                )
            for name in self.EDITABLE:
                if name in values:
                    setattr(fresh, name, values[name])
            fresh.rev += 1
            fresh.save(update_fields=[*self.EDITABLE, "rev", "updated_at"])
        self.__dict__.update({k: v for k, v in fresh.__dict__.items() if not k.startswith("_")})
        return EditResult(item={"id": self.pk.hex, "rev": self.rev, **self.values()})
