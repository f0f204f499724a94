"""An evaluation item's focus area: the focus areas moved to the organisations (the table and its rows stay)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_evaluation_versions"),
        ("organisations", "0003_focusarea"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="evaluationitem",
                    name="focus_area",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="organisations.focusarea",
                        verbose_name="focus area",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
