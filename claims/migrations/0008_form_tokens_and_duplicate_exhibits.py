"""One-time form tokens, and one exhibit per content: earlier duplicates are merged.

Double submits before this migration could store the same file twice in one claim. The next
migration makes (claim, sha256) unique, so here each claim keeps the first copy of each
content (its category and caption), events that pointed at a later copy point at the first,
and the later copies' rows go. Their files become orphans that purge_orphan_files deletes:
a migration cannot see the storage the running site is configured with. The constraint is
its own migration because PostgreSQL refuses to alter a table with deferred checks pending
from these deletes in the same transaction.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

BATCH = 500


def keep_first_copy(apps, schema_editor):
    Evidence = apps.get_model("claims", "Evidence")
    ClaimEvent = apps.get_model("claims", "ClaimEvent")
    first, later = {}, {}
    rows = Evidence.objects.order_by("uploaded_at", "pk").values_list("pk", "claim_id", "sha256")
    for pk, claim_id, sha256 in rows.iterator():
        kept = first.setdefault((claim_id, sha256), pk)
        if kept != pk:
            later[pk] = kept
    for pk, kept in later.items():
        ClaimEvent.objects.filter(evidence_id=pk).update(evidence_id=kept)
    doomed = list(later)
    for start in range(0, len(doomed), BATCH):
        Evidence.objects.filter(pk__in=doomed[start : start + BATCH]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_claim_signed_digest"),
    ]

    operations = [
        migrations.CreateModel(
            name="FormToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=64)),
                ("landing", models.CharField(blank=True, max_length=500)),
                (
                    "used_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="form_tokens",
                        to="claims.claim",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("claim", "token"), name="claims_formtoken_once"
                    )
                ],
            },
        ),
        migrations.RunPython(keep_first_copy, migrations.RunPython.noop, elidable=True),
    ]
