"""An incident's import key (the EST id) is unique per municipality, not across all of them."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0004_guarded_free_text"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="incident",
            name="import_key",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True),
        ),
        migrations.AddConstraint(
            model_name="incident",
            constraint=models.UniqueConstraint(
                fields=("municipality", "import_key"), name="incident_import_key_per_municipality"
            ),
        ),
    ]
