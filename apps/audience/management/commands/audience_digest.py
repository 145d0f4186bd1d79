from django.core.management.base import BaseCommand

from apps.audience.tasks import send_weekly_digests


class Command(BaseCommand):
    help = "Queue the weekly digest (cron: once a week; it sends once a week per person)."

    def handle(self, *args, **options):
        send_weekly_digests.enqueue()
        self.stdout.write("Queued: send_weekly_digests.")
