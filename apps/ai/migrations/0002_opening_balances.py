"""Accounts that existed before the ledger get an opening entry per balance, so every
person's ledger sums to their balance from the start."""

from django.db import migrations


def open_accounts(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    CreditEntry = apps.get_model("ai", "CreditEntry")
    entries = []
    for user in User.objects.only("pk", "ai_text_credits", "ai_image_credits").iterator():
        for kind, amount in (("text", user.ai_text_credits), ("image", user.ai_image_credits)):
            if amount:
                entries.append(
                    CreditEntry(
                        user_id=user.pk,
                        kind=kind,
                        delta=amount,
                        balance_after=amount,
                        reason="opening",
                    )
                )
    CreditEntry.objects.bulk_create(entries, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("ai", "0001_initial")]

    operations = [migrations.RunPython(open_accounts, migrations.RunPython.noop)]
