"""Every event's month in Swedish time, so the series count by plain columns (no time-zone function per row)."""

from itertools import batched
from zoneinfo import ZoneInfo

from django.db import migrations, models

SWEDEN = ZoneInfo("Europe/Stockholm")
CHUNK = 1000


def fill_local_months(apps, schema_editor):
    PoliceEvent = apps.get_model("police_events", "PoliceEvent")
    for events in batched(PoliceEvent.objects.only("id", "occurred_at").iterator(chunk_size=CHUNK), CHUNK):
        for event in events:
            local = event.occurred_at.astimezone(SWEDEN)
            event.year, event.month = local.year, local.month
        PoliceEvent.objects.bulk_update(events, ["year", "month"])


class Migration(migrations.Migration):
    dependencies = [
        ("police_events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="policeevent",
            name="year",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Of the date, in Swedish time.", verbose_name="year"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="policeevent",
            name="month",
            field=models.PositiveSmallIntegerField(
                default=0, help_text="Of the date, in Swedish time.", verbose_name="month"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_local_months, migrations.RunPython.noop),
    ]
