import copy
import uuid
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from apps.blocks.validation import DocumentError, clean_pages, new_id
from apps.core import link_preview, published, slugs
from apps.core.revisions import Revision
from apps.core.slugs import validate_slug

from .design import DEFAULT_DESIGN, clean_design, palette
from .editing import DocumentEditing, EditResult, find_block

CHECKPOINT_EVERY = timedelta(minutes=10)
# What the public pages at an address show depends on these: saving one makes them stale.
PUBLIC_FIELDS = frozenset({"live", "visibility", "slug", "chat_enabled", "chat_blocked"})


def default_pages() -> list[dict]:
    return [{"id": new_id(), "slug": "home", "title": "Home", "blocks": []}]


def default_design() -> dict:
    return dict(DEFAULT_DESIGN)


class Portfolio(DocumentEditing, models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", "Public"
        UNLISTED = "unlisted", "Unlisted (anyone with the link)"
        PRIVATE = "private", "Private (only you)"

    class Goal(models.TextChoices):
        JOB = "job", "Find a job"
        FREELANCE = "freelance", "Win freelance clients"
        PERSONAL = "personal", "A personal site"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolios"
    )
    title = models.CharField(max_length=120)
    slug = models.CharField(max_length=50, unique=True, validators=[validate_slug])
    design = models.JSONField(default=default_design)
    pages = models.JSONField(default=default_pages)
    live = models.ForeignKey(
        "PortfolioRevision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(max_length=10, choices=Visibility, default=Visibility.PUBLIC)
    is_guided = models.BooleanField(default=False)
    goal = models.CharField(max_length=10, choices=Goal, default=Goal.JOB)
    role = models.CharField(max_length=120, blank=True, help_text="e.g. Product designer")
    seo_title = models.CharField(max_length=70, blank=True)
    seo_description = models.CharField(max_length=160, blank=True)
    og_image = models.ForeignKey(
        "assets.Asset", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "Ask my portfolio" (apps/audience/views/chat.py): the owner opts in and pays from their
    # credits; the caps bound what that can cost, the admin's block overrides the owner.
    chat_enabled = models.BooleanField(
        "Let visitors ask questions about my work",
        default=False,
        help_text="An AI answers from your published pages only, citing them. Each answer "
        "costs you one text credit; every conversation lands in your inbox.",
    )
    chat_daily_cap = models.PositiveSmallIntegerField(
        "Answers per day", default=30, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    chat_ip_daily_cap = models.PositiveSmallIntegerField(
        "Answers per visitor per day",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    chat_conversation_cap = models.PositiveSmallIntegerField(
        "Questions per conversation",
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    chat_blocked = models.BooleanField(
        "Chat turned off by an admin",
        default=False,
        help_text="The kill switch: overrides the owner.",
    )
    last_checkpoint_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["owner", "-updated_at"], name="portfolio_owner_recent")]

    def __str__(self) -> str:
        return self.title

    def save(self, **kwargs) -> None:
        """Save; when the fields public pages depend on change, their cached copies go stale —
        whoever saves (operation, admin, shell)."""
        super().save(**kwargs)
        fields = kwargs.get("update_fields")
        if fields is None or PUBLIC_FIELDS.intersection(fields):
            for slug in {self.slug, getattr(self, "_stored_slug", None)} - {None}:
                published.forget(f"p/{slug}")
        self._stored_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        portfolio = super().from_db(db, field_names, values, **kwargs)
        portfolio._stored_slug = portfolio.__dict__.get("slug")  # absent when deferred
        return portfolio

    @classmethod
    def create_for(
        cls,
        owner,
        *,
        title: str,
        goal: str,
        role: str,
        theme: str,
        from_library: bool,
        show_email: bool = False,
        is_guided: bool = False,
    ) -> "Portfolio":
        from .drafts import library_draft

        if from_library:
            pages = library_draft(owner, role=role, show_email=show_email)
        else:
            pages = default_pages()
        design = clean_design({"theme": theme})
        return cls.objects.create(
            owner=owner,
            title=title,
            goal=goal,
            role=role,
            design=design,
            pages=clean_pages(pages),
            slug=free_address(owner.name or title),
            is_guided=is_guided,
        )

    def clean(self) -> None:
        self.pages = clean_pages(self.pages)
        self.design = clean_design(self.design)

    # --- reading --------------------------------------------------------------------------

    def find_block(self, block_id: str) -> tuple[dict, dict, int] | None:
        return find_block(self.pages, block_id)

    def page(self, page_id: str) -> dict | None:
        return next((p for p in self.pages if p["id"] == page_id), None)

    @property
    def status(self) -> str:
        if not self.live_id:
            return "draft"
        live = self.live.snapshot
        if live["pages"] != self.pages or live["design"] != self.design:
            return "changed"
        return "published"

    # --- editing: each operation locks the row, changes a fresh copy, validates, saves -------

    def _edit(self, change: Callable[[list[dict]], EditResult], by=None) -> EditResult:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            checkpoint = fresh.draft_snapshot() if fresh._checkpoint_due() else None
            # Just decoded from the locked row, so ours to change in place (no copy). The
            # operations check before they change anything, so a refusal leaves it as stored.
            pages = fresh.pages
            result = change(pages)
            if result.ok:
                try:
                    cleaned = clean_pages(pages, changed=_changed_blocks(result))
                except DocumentError as exc:  # e.g. one page or block too many: say so, keep all
                    return EditResult(False, f"Not saved: {exc.detail[0].upper()}{exc.detail[1:]}")
                if checkpoint:
                    fresh.revisions.create(
                        snapshot=checkpoint,
                        author=by,
                        kind=PortfolioRevision.Kind.CHECKPOINT,
                        label="Automatic checkpoint",
                    )
                    fresh.last_checkpoint_at = timezone.now()
                fresh.pages = cleaned
                fresh.save(update_fields=["pages", "updated_at", "last_checkpoint_at"])
        self.pages, self.updated_at = fresh.pages, fresh.updated_at
        return result

    def _checkpoint_due(self) -> bool:
        last = self.last_checkpoint_at
        return not last or timezone.now() - last >= CHECKPOINT_EVERY

    def set_design(self, design: dict, by=None) -> None:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            fresh.design = clean_design({**fresh.design, **design})
            fresh.save(update_fields=["design", "updated_at"])
        self.design = fresh.design

    # --- publishing -----------------------------------------------------------------------

    def publish(self, by=None) -> "PortfolioRevision":
        from . import rendering

        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            snap = rendering.snapshot(fresh)
            if not snap["seo"]["image"]:  # shared links show a card drawn for it
                snap["seo"]["image"] = fresh._link_preview(snap)
            revision = fresh.revisions.create(
                snapshot=snap,
                author=by,
                kind=PortfolioRevision.Kind.PUBLISH,
                label="Published",
            )
            fresh.live = revision
            fresh.save(update_fields=["live", "updated_at"])
        self.live = revision
        return revision

    def _link_preview(self, snap: dict) -> dict | None:
        profile = snap["library"]["profile"]
        return link_preview.card(
            name=profile.get("name") or snap["title"],
            title=profile.get("title") or snap["seo"].get("description") or "",
            colors=palette(snap["design"], "light"),
            owner=self.owner,
            address=f"{urlsplit(settings.SITE_URL).netloc}/p/{self.slug}/",
        )

    def unpublish(self) -> None:
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().only("slug").get(pk=self.pk)
            fresh.live = None
            fresh.save(update_fields=["live"])
        self.live = None

    def change_slug(self, new_slug: str) -> None:
        """Move to a new address; the old one keeps working as a redirect."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().only("slug").get(pk=self.pk)
            old = fresh.slug
            if new_slug != old:
                SlugRedirect.objects.filter(old_slug=new_slug).delete()
                SlugRedirect.objects.update_or_create(old_slug=old, defaults={"portfolio": self})
                fresh.slug = new_slug
                fresh.save(update_fields=["slug", "updated_at"])  # both addresses go stale
        self.slug = self._stored_slug = new_slug

    def change_settings(self, *, slug: str, **values) -> None:
        """Save the settings page (title, visibility, SEO fields…) and move to `slug`, changing
        no other field: a block edit or a publish committed meanwhile stays."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().defer("pages", "design").get(pk=self.pk)
            for name, value in values.items():
                setattr(fresh, name, value)
            fresh.save(update_fields=[*values, "updated_at"])
            if slug != fresh.slug:
                fresh.change_slug(slug)
        for name in values:
            setattr(self, name, getattr(fresh, name))
        self.slug = self._stored_slug = slug

    @property
    def is_public(self) -> bool:
        return bool(self.live_id) and self.visibility != self.Visibility.PRIVATE

    @property
    def chat_open(self) -> bool:
        """Visitors may ask: published, opted in, and not turned off by an admin."""
        return self.is_public and self.chat_enabled and not self.chat_blocked

    # --- revisions ------------------------------------------------------------------------

    def draft_snapshot(self) -> dict:
        return {"pages": copy.deepcopy(self.pages), "design": dict(self.design)}

    def save_version(self, label: str, by=None) -> "PortfolioRevision":
        return self.revisions.create(
            snapshot=self.draft_snapshot(),
            author=by,
            label=label[:120] or "Saved version",
            kind=PortfolioRevision.Kind.CHECKPOINT,
        )

    def restore(self, revision: "PortfolioRevision", by=None) -> None:
        """Copy a revision into the draft; the current draft becomes a checkpoint first."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            fresh.revisions.create(
                snapshot=fresh.draft_snapshot(),
                author=by,
                kind=PortfolioRevision.Kind.RESTORE,
                label=f"Before restoring “{revision.name}”"[:120],
            )
            fresh.pages = clean_pages(revision.snapshot["pages"])
            fresh.design = clean_design(revision.snapshot["design"])
            fresh.save(update_fields=["pages", "design", "updated_at"])
        self.pages, self.design = fresh.pages, fresh.design


@receiver(post_delete, sender=Portfolio)
def _forget_deleted_portfolio(sender, instance: Portfolio, **kwargs) -> None:
    # A receiver, not Portfolio.delete(): deleting an account deletes its portfolios by
    # cascade, which never calls delete(). Their public pages must go at once all the same.
    published.forget(f"p/{instance.slug}")


class SlugRedirect(models.Model):
    """An address a portfolio used to have: visitors are sent on with a 301."""

    old_slug = models.CharField(max_length=50, unique=True)
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.portfolio.slug}"


class PortfolioRevision(Revision):
    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="revisions")

    class Meta(Revision.Meta):
        pass


def _changed_blocks(result: EditResult) -> set[str]:
    """The block an operation added or changed: the one whose data must be validated again."""
    return {result.block["id"]} if result.block else set()


@receiver(pre_delete, sender=PortfolioRevision)
def _forget_deleted_live_revision(sender, instance: PortfolioRevision, **kwargs) -> None:
    # Deleting the live revision (say, in the admin) unpublishes by SET_NULL, which saves nothing.
    if instance.kind == PortfolioRevision.Kind.PUBLISH:
        for slug in Portfolio.objects.filter(live=instance).values_list("slug", flat=True):
            published.forget(f"p/{slug}")


def free_address(text: str) -> str:
    """A free portfolio address made from a name: ada-lovelace, ada-lovelace-2, …"""
    return slugs.free_address(text, fallback="portfolio", suffix="site", taken=_taken)


def _taken(base: str) -> set[str]:
    live = Portfolio.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    moved = SlugRedirect.objects.filter(old_slug__startswith=base).values_list(
        "old_slug", flat=True
    )
    return {*live, *moved}
