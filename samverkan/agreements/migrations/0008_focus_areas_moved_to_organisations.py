"""The focus areas moved to the organisations: the agreements' fields point there, and FocusArea leaves the
agreements' state once every app's fields point there. The table and its rows stay (agreements_focusarea)."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the permissions and history of the focus areas: their content type moves with them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="organisations", model="focusarea").exists():
        ContentType.objects.filter(app_label="agreements", model="focusarea").update(app_label="organisations")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="agreements", model="focusarea").exists():
        ContentType.objects.filter(app_label="organisations", model="focusarea").update(app_label="agreements")


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0007_focus_area_proposals"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0003_focusarea"),
        # Every field pointing at agreements.FocusArea points at organisations.FocusArea before it leaves the state.
        ("dialogues", "0003_raised_problem_focus_area"),
        ("goals", "0004_goal_focus_area"),
        ("incidents", "0006_incident_category_focus_area"),
        ("reports", "0005_evaluation_item_focus_area"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="agreement",
                    name="focus_areas",
                    field=models.ManyToManyField(
                        blank=True, related_name="agreements", to="organisations.focusarea", verbose_name="focus areas"
                    ),
                ),
                migrations.AlterField(
                    model_name="commitment",
                    name="focus_area",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to="organisations.focusarea",
                        verbose_name="focus area",
                    ),
                ),
                migrations.AlterField(
                    model_name="focusareaproposal",
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
                migrations.DeleteModel(name="FocusArea"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
