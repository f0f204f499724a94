"""The named places move here from the incidents, so that every map (the survey's pin, the citizens' reports,
the hotspots) can name a point by its nearest place without importing the incident log; they get a kind.

The table stays incidents_namedplace (db_table), with its rows and the incidents' foreign key to it; the
incidents' next migration removes NamedPlace from their state.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import samverkan.core.fields


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_focusarea"),
        ("incidents", "0006_incident_category_focus_area"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="NamedPlace",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", samverkan.core.fields.GuardedCharField(max_length=100, verbose_name="name")),
                        ("lat", models.FloatField(verbose_name="latitude")),
                        ("lng", models.FloatField(verbose_name="longitude")),
                        (
                            "municipality",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="named_places",
                                to="organisations.municipality",
                                verbose_name="municipality",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "named place",
                        "verbose_name_plural": "named places",
                        "db_table": "incidents_namedplace",
                        "ordering": ["municipality", "name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("municipality", "name"), name="one_place_name_per_municipality"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="namedplace",
            name="kind",
            field=models.CharField(
                choices=[
                    ("village", "village"),
                    ("square", "square"),
                    ("school", "school"),
                    ("station", "station"),
                    ("other", "other place"),
                ],
                default="other",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="namedplace",
            name="lat",
            field=models.FloatField(
                validators=[
                    django.core.validators.MinValueValidator(-90),
                    django.core.validators.MaxValueValidator(90),
                ],
                verbose_name="latitude",
            ),
        ),
        migrations.AlterField(
            model_name="namedplace",
            name="lng",
            field=models.FloatField(
                validators=[
                    django.core.validators.MinValueValidator(-180),
                    django.core.validators.MaxValueValidator(180),
                ],
                verbose_name="longitude",
            ),
        ),
    ]
