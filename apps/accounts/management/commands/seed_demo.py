from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from apps.accounts.models import User

DEMO_EMAIL = "demo@grooya.test"
DEMO_PASSWORD = "grooya-demo-2026"


class Command(BaseCommand):
    help = "Create (or refresh) the demo creator account and its demo content. Safe to re-run."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        user, created = User.objects.get_or_create(
            email=DEMO_EMAIL,
            defaults={
                "name": "Ada Lovelace",
                "title": "Analyst & programmer",
                "bio": "I write notes on engines that weave algebraic patterns.",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
        )
        verb = "Created" if created else "Refreshed"
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo creator account."))
        self.stdout.write("  Sign in at http://127.0.0.1:8000/accounts/login/")
        self.stdout.write(f"  email:    {DEMO_EMAIL}")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
