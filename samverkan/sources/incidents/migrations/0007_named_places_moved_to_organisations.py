"""The named places moved to the organisations: the incident's place points there, and NamedPlace leaves the
incidents' state. The table and its rows stay (incidents_namedplace)."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the permissions and history of the named places: their content type moves with them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="organisations", model="namedplace").exists():
        ContentType.objects.filter(app_label="incidents", model="namedplace").update(app_label="organisations")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="incidents", model="namedplace").exists():
        ContentType.objects.filter(app_label="organisations", model="namedplace").update(app_label="incidents")


class Migration(migrations.Migration):
    dependencies = [
        ("incidents", "0006_incident_category_focus_area"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0004_named_place"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="incident",
                    name="place",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="incidents",
                        to="organisations.namedplace",
                        verbose_name="place",
                    ),
                ),
                migrations.DeleteModel(name="NamedPlace"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
