"""The focus areas move here from the agreements, so the sources can name them without importing the agreements.

Only the state moves: the table stays agreements_focusarea (db_table), with its rows and the foreign keys to it.
The apps whose fields point at a focus area follow in their own migrations; the agreements' last one removes its
FocusArea from the state.
"""

import samverkan.core.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_guarded_free_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="FocusArea",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "name",
                            samverkan.core.fields.GuardedCharField(max_length=200, unique=True, verbose_name="name"),
                        ),
                        (
                            "short_name",
                            samverkan.core.fields.GuardedCharField(
                                max_length=30, unique=True, verbose_name="short name"
                            ),
                        ),
                        ("description", samverkan.core.fields.GuardedTextField(blank=True, verbose_name="description")),
                        ("order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "verbose_name": "focus area",
                        "verbose_name_plural": "focus areas",
                        "db_table": "agreements_focusarea",
                        "ordering": ["order", "name"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
