"""A goal's focus area: the focus areas moved to the organisations (the table and its rows stay)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0003_guarded_free_text"),
        ("organisations", "0003_focusarea"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="goal",
                    name="focus_area",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="goals",
                        to="organisations.focusarea",
                        verbose_name="focus area",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
