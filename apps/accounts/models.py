import uuid

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models, transaction
from django.db.models import Q

FREE_TEXT_CREDITS = 50
FREE_IMAGE_CREDITS = 10


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        # allauth stores and looks up addresses in lower case: a mixed-case one (typed into
        # createsuperuser or the admin) could never sign in.
        return (email or "").strip().lower()

    def _create_user(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> "User":
        """An admin (`manage.py createsuperuser`) who can sign in at once.

        Sign-in requires a verified address, and no verification email is ever sent for an
        account made on the command line: whoever runs it on the server vouches for it.
        """
        from allauth.account.models import EmailAddress

        extra.update(is_staff=True, is_superuser=True)
        user = self._create_user(email, password, **extra)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user


class User(AbstractUser):
    class Tier(models.TextChoices):
        FREE = "free", "Free"
        PRO = "pro", "Pro"

    class Role(models.TextChoices):
        CREATOR = "creator", "Creator"
        RECRUITER = "recruiter", "Recruiter"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    name = models.CharField(max_length=120, blank=True)
    title = models.CharField(
        max_length=120, blank=True, help_text="What you do, e.g. “Product designer”."
    )
    bio = models.TextField(max_length=2000, blank=True)
    avatar = models.ForeignKey(
        "assets.Asset", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subscription_tier = models.CharField(max_length=10, choices=Tier, default=Tier.FREE)
    ai_text_credits = models.IntegerField("AI text credits", default=FREE_TEXT_CREDITS)
    ai_image_credits = models.IntegerField("AI image credits", default=FREE_IMAGE_CREDITS)
    role = models.CharField(max_length=10, choices=Role, default=Role.CREATOR)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ai_text_credits__gte=0), name="user_ai_text_credits_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(ai_image_credits__gte=0), name="user_ai_image_credits_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs) -> None:
        """Save; a new account's credits are written to the ledger as its opening balance, so
        the ledger always sums to the balance (apps/ai/models/credits.py)."""
        if not self._state.adding:
            return super().save(*args, **kwargs)
        from apps.ai.models import CreditEntry

        with transaction.atomic():
            super().save(*args, **kwargs)
            CreditEntry.objects.open_account(self)

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email.split("@")[0]

    @property
    def display_name(self) -> str:
        return self.get_full_name()

    @property
    def initials(self) -> str:
        words = self.name.split() if self.name else [self.email]
        return "".join(word[0] for word in words[:2]).upper()

    def delete_with_files(self) -> None:
        """Delete the account, everything it owns, and every file stored for it."""
        from apps.assets.models import Asset

        Asset.objects.owned_by(self).delete_with_files()
        self.delete()

    @property
    def has_mfa(self) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=self, type=Authenticator.Type.TOTP).exists()


def user_display(user: User) -> str:
    return user.display_name
