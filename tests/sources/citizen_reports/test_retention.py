"""Retention (`samverkan gallra`): a citizen's report loses its text and its photo INCIDENT_TEXT_RETENTION_YEARS
after it was received, as an incident's text; its category, place, status and public answer stay."""

from __future__ import annotations

import datetime
import zoneinfo

from samverkan.audit.retention import retention_apply
from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from tests.sources.citizen_reports.conftest import filed

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def received(report: CitizenReport, year: int, month: int, day: int, hour: int, minute: int) -> None:
    moment = datetime.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)
    CitizenReport.objects.filter(pk=report.pk).update(received_at=moment)


def test_it_clears_the_text_and_deletes_the_photo_of_reports_older_than_the_retention(world, settings):
    settings.INCIDENT_TEXT_RETENTION_YEARS = 3
    old, kept = filed(world.arjeplog, text="Gammalt tips."), filed(world.arjeplog, text="Nytt tips.")
    received(old, 2027, 3, 14, 23, 59)  # the last minute before 15 March 2027 in Stockholm
    received(kept, 2027, 3, 15, 0, 0)
    CitizenReport.objects.filter(pk=old.pk).update(answer="Tack, lampan är lagad.", status="avslutad")
    for report in (old, kept):
        ReportPhoto.objects.create(report=report, image=b"\xff\xd8", width=1, height=1)
    assert retention_apply(today=datetime.date(2030, 3, 15), dry_run=True).citizen_texts == 1
    done = retention_apply(today=datetime.date(2030, 3, 15))
    assert (done.citizen_texts, done.citizen_photos) == (1, 1)
    old.refresh_from_db()
    assert (old.text, old.answer, old.status, old.category) == ("", "Tack, lampan är lagad.", "avslutad", "belysning")
    assert list(ReportPhoto.objects.values_list("report", flat=True)) == [kept.pk]
    assert CitizenReport.objects.get(pk=kept.pk).text == "Nytt tips."
    again = retention_apply(today=datetime.date(2030, 3, 15))
    assert (again.citizen_texts, again.citizen_photos) == (0, 0)
