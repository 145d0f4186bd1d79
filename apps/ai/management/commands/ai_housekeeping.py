from django.core.management.base import BaseCommand

from apps.ai.tasks import expire_reservations, grant_monthly_credits


class Command(BaseCommand):
    help = (
        "Queue the AI housekeeping tasks: refund reservations that never finished, and top "
        "every account up to its monthly allowance (idempotent). Run it from cron, e.g. hourly."
    )

    def handle(self, *args, **options) -> None:
        expire_reservations.enqueue()
        grant_monthly_credits.enqueue()
        self.stdout.write("Queued: expire_reservations, grant_monthly_credits.")
