from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_form_tokens_and_duplicate_exhibits"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.UniqueConstraint(
                fields=("claim", "sha256"), name="claims_evidence_one_per_content"
            ),
        ),
    ]
