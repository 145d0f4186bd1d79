import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Sum

from . import images


class AssetQuerySet(models.QuerySet["Asset"]):
    def owned_by(self, user) -> "AssetQuerySet":
        return self.filter(owner=user)

    def search(self, text: str) -> "AssetQuerySet":
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(title__icontains=text) | Q(alt_text__icontains=text))

    def bytes_used(self) -> int:
        return self.aggregate(total=Sum("bytes"))["total"] or 0

    def delete_with_files(self) -> int:
        """Delete rows and every stored file (originals and renditions)."""
        assets = list(self)
        for asset in assets:
            asset.delete_files()
        return self.filter(pk__in=[a.pk for a in assets]).delete()[0]


class Asset(models.Model):
    class Kind(models.TextChoices):
        UPLOAD = "upload", "Uploaded"
        AI = "ai", "AI generated"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assets"
    )
    file = models.FileField(max_length=255)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.UPLOAD)
    prompt = models.TextField(blank=True, max_length=4000)
    title = models.CharField(max_length=200, blank=True)
    alt_text = models.CharField(
        max_length=500,
        blank=True,
        help_text="Describe the image for people who cannot see it.",
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    bytes = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=50)
    renditions = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssetQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "sha256"], name="asset_unique_per_owner"),
        ]
        indexes = [models.Index(fields=["owner", "-created_at"], name="asset_owner_recent")]

    def __str__(self) -> str:
        return self.title or f"Image {self.width}×{self.height}"

    # --- creating -------------------------------------------------------------------------

    @classmethod
    def create_from_upload(
        cls, owner, upload, *, kind: str = Kind.UPLOAD, title: str = "", prompt: str = ""
    ) -> tuple["Asset", bool]:
        """Validate, re-encode and store an upload; (asset, created). Duplicates reuse the asset.

        Raises ValidationError with a message for people; leaves no file or row behind.
        """
        raw = _read_all(upload)
        sha256 = hashlib.sha256(raw).hexdigest()
        existing = cls.objects.filter(owner=owner, sha256=sha256).first()
        if existing:
            return existing, False
        quota = quota_for(owner)
        used = cls.objects.owned_by(owner).bytes_used()
        if used + len(raw) > quota:
            raise ValidationError(
                f"This upload would take you past your {_mb(quota)} storage. "
                f"You use {_mb(used)}; delete images you no longer need to make room.",
                code="quota",
            )
        original = images.encode_original(images.decode(upload))
        asset = cls(
            owner=owner,
            kind=kind,
            title=title[:200] or _title_from(upload),
            prompt=prompt,
            width=original.width,
            height=original.height,
            bytes=len(original.data),
            sha256=sha256,
            content_type=original.content_type,
        )
        asset.file.name = asset.file.storage.save(
            f"{asset.folder}/original.{original.extension}", _content(original)
        )
        try:
            with transaction.atomic():
                asset.save()
                from .tasks import generate_renditions

                generate_renditions.enqueue(str(asset.pk))
                asset.refresh_from_db(
                    fields=["renditions"]
                )  # filled already by an immediate backend
        except IntegrityError:
            # The same file arrived twice at once: keep the first, drop our copy.
            asset.file.storage.delete(asset.file.name)
            return cls.objects.get(owner=owner, sha256=sha256), False
        except BaseException:
            asset.file.storage.delete(asset.file.name)
            raise
        return asset, True

    @property
    def folder(self) -> str:
        return f"assets/{self.owner_id}/{self.pk}"

    # --- renditions -----------------------------------------------------------------------

    def generate_renditions(self) -> None:
        storage = self.file.storage
        with storage.open(self.file.name, "rb") as fh:
            image = images.decode(fh)
        fallback = images.fallback_format(image.format)
        saved: dict = {"webp": [], "fallback": [], "thumb": None}
        written: list[str] = []

        def store(stem: str, encoded: images.Encoded) -> dict:
            name = storage.save(f"{self.folder}/{stem}.{encoded.extension}", _content(encoded))
            written.append(name)
            return {
                "name": name,
                "w": encoded.width,
                "h": encoded.height,
                "type": encoded.content_type,
            }

        try:
            # Widest first, each from the one before; listed narrowest first.
            for width, copy in images.resized(image, images.rendition_widths(image.width)):
                saved["webp"].insert(0, store(f"w{width}", images.encode(copy, "WEBP")))
                saved["fallback"].insert(0, store(f"w{width}", images.encode(copy, fallback)))
            saved["thumb"] = store("thumb", images.encode_thumb(image))
            self.renditions = saved
            self.save(update_fields=["renditions"])
        except BaseException:
            for name in written:
                storage.delete(name)
            raise

    def stored_names(self) -> list[str]:
        names = [self.file.name]
        for key in ("webp", "fallback"):
            names += [r["name"] for r in self.renditions.get(key, [])]
        if self.renditions.get("thumb"):
            names.append(self.renditions["thumb"]["name"])
        return names

    def delete_files(self) -> None:
        for name in self.stored_names():
            self.file.storage.delete(name)

    # --- URLs for templates ---------------------------------------------------------------

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def thumb_url(self) -> str:
        thumb = self.renditions.get("thumb")
        return self.file.storage.url(thumb["name"]) if thumb else self.file.url

    def srcset(self, key: str = "webp") -> str:
        storage = self.file.storage
        return ", ".join(
            f"{storage.url(r['name'])} {r['w']}w" for r in self.renditions.get(key, [])
        )

    @property
    def webp_srcset(self) -> str:
        return self.srcset("webp")

    @property
    def fallback_srcset(self) -> str:
        return self.srcset("fallback")

    @property
    def fallback_type(self) -> str:
        fallback = self.renditions.get("fallback")
        return fallback[0]["type"] if fallback else self.content_type

    @property
    def has_renditions(self) -> bool:
        return bool(self.renditions.get("webp"))

    @property
    def filename(self) -> str:
        """The name offered on download: the title, made safe, with the right extension."""
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in (self.title or "image"))
        return f"{stem.strip('-')[:80] or 'image'}.{self.file.name.rsplit('.', 1)[-1]}"


def quota_for(user) -> int:
    if user.subscription_tier == "pro":
        return settings.ASSET_QUOTA_PRO_BYTES
    return settings.ASSET_QUOTA_FREE_BYTES


def _content(encoded: images.Encoded) -> ContentFile:
    # Object storage would guess the type from the name, and hosts without /etc/mime.types
    # don't know .webp: say what we encoded.
    content = ContentFile(encoded.data)
    content.content_type = encoded.content_type
    return content


def _read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _title_from(upload) -> str:
    name = getattr(upload, "name", "") or ""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return stem.replace("_", " ").replace("-", " ").strip()[:200]


def _mb(size: int) -> str:
    return f"{size / 1_048_576:.0f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"
