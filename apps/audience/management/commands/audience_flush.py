from django.core.management.base import BaseCommand

from apps.audience.tasks import flush_counts


class Command(BaseCommand):
    help = "Queue the flush of buffered analytics counts to the database (cron: every minute)."

    def handle(self, *args, **options):
        flush_counts.enqueue()
        self.stdout.write("Queued: flush_counts.")
