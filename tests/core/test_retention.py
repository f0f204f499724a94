"""Retention (`samverkan gallra`): incident free text goes INCIDENT_TEXT_RETENTION_YEARS after the incident, survey
free text SURVEY_TEXT_RETENTION_MONTHS after the wave closed; the figures stay, and the audit never kept the texts."""

from __future__ import annotations

import datetime
import io
import json
import zoneinfo

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from samverkan.audit.retention import months_before, retention_apply, years_before
from samverkan.core import clock
from samverkan.sources.incidents.models import Incident, IncidentMonth, IncidentNote
from samverkan.sources.incidents.services import incident_categories_for
from samverkan.sources.surveys.models import Response, Wave
from tests.sources.incidents.test_report import form_data

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def gallra(*args: str) -> str:
    out = io.StringIO()
    call_command("gallra", *args, stdout=out)
    return out.getvalue()


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), timezone.get_current_timezone())


def incident(world, day: datetime.date, text: str, note: str = "") -> Incident:
    made = Incident.objects.create(
        municipality=world.arjeplog,
        category=incident_categories_for(world.arjeplog)[0],
        occurred_from=at(day),
        lat=66.5,
        lng=17.5,
        severity=1,
        description=text,
    )
    if note:
        IncidentNote.objects.create(incident=made, text=note)
    return made


def wave(world, name: str, closed_on: datetime.date | None, *texts: str) -> Wave:
    made = Wave.objects.create(
        name=name, municipality=world.arjeplog, opened_on=datetime.date(2020, 1, 1), closed_on=closed_on, source="web"
    )
    Response.objects.bulk_create([Response(wave=made, free_text=text) for text in texts])
    return made


def test_it_counts_years_and_months_back_on_the_calendar():
    assert years_before(datetime.date(2028, 2, 29), 3) == datetime.date(2025, 2, 28)
    assert years_before(datetime.date(2027, 6, 15), 3) == datetime.date(2024, 6, 15)
    assert months_before(datetime.date(2027, 3, 31), 1) == datetime.date(2027, 2, 28)
    assert months_before(datetime.date(2027, 1, 15), 12) == datetime.date(2026, 1, 15)
    assert months_before(datetime.date(2027, 1, 15), 25) == datetime.date(2024, 12, 15)


@time_machine.travel(datetime.datetime(2027, 6, 15, 10, tzinfo=STOCKHOLM), tick=False)
def test_it_clears_exactly_the_incident_texts_older_than_three_years(world):
    limit = datetime.date(2024, 6, 15)  # three years before 15 June 2027
    old = [incident(world, limit - datetime.timedelta(days=d), f"Gammal {d}", note=f"Not {d}") for d in (1, 400)]
    kept = [incident(world, limit + datetime.timedelta(days=d), f"Ny {d}", note=f"Ny not {d}") for d in (0, 30)]
    kept_notes = set(IncidentNote.objects.filter(incident__in=kept).values_list("text", flat=True))
    months = list(IncidentMonth.objects.values_list("year", "month", "count"))

    out = gallra()

    assert "cleared the description of 2 incidents and the text of 2 handling notes" in out
    assert f"before {limit} (3 years)" in out
    assert set(Incident.objects.filter(pk__in=[i.pk for i in old]).values_list("description", flat=True)) == {""}
    assert set(IncidentNote.objects.filter(incident__in=old).values_list("text", flat=True)) == {""}
    assert [Incident.objects.get(pk=i.pk).description for i in kept] == ["Ny 0", "Ny 30"]
    assert set(IncidentNote.objects.filter(incident__in=kept).values_list("text", flat=True)) == kept_notes
    assert list(IncidentMonth.objects.values_list("year", "month", "count")) == months  # the figures stay
    assert Incident.objects.count() == 4


@time_machine.travel(datetime.datetime(2027, 1, 15, 10, tzinfo=STOCKHOLM), tick=False)
def test_it_clears_survey_free_text_twelve_months_after_the_wave_closed(world):
    limit = datetime.date(2026, 1, 15)  # twelve months before 15 January 2027
    wave(world, "Stängd länge", limit, "Mörkt vid skolan", "", "Otryggt i parken")
    wave(world, "Stängd nyss", limit + datetime.timedelta(days=1), "Fortfarande kvar")
    wave(world, "Öppen", None, "Öppen text")

    out = gallra()

    assert f"cleared the free text of 2 survey responses of waves closed on or before {limit} (12 months)" in out
    remaining = set(Response.objects.values_list("wave__name", "free_text"))
    assert remaining == {("Stängd länge", ""), ("Stängd nyss", "Fortfarande kvar"), ("Öppen", "Öppen text")}
    assert Response.objects.count() == 5  # the answers themselves stay


def test_it_takes_the_periods_from_the_settings(world, settings):
    settings.INCIDENT_TEXT_RETENTION_YEARS = 1
    settings.SURVEY_TEXT_RETENTION_MONTHS = 2
    today = clock.today()
    incident(world, today - datetime.timedelta(days=400), "Drygt ett år")
    incident(world, today - datetime.timedelta(days=300), "Under ett år")
    wave(world, "Tre månader", today - datetime.timedelta(days=95), "Text")
    done = retention_apply(today=today)
    assert (done.descriptions, done.notes, done.survey_texts) == (1, 0, 1)
    assert set(Incident.objects.values_list("description", flat=True)) == {"", "Under ett år"}


def test_it_is_idempotent_and_its_dry_run_clears_nothing(world):
    old = years_before(clock.today(), 3) - datetime.timedelta(days=10)
    incident(world, old, "Gammal", note="Gammal not")
    dry = gallra("--dry-run")
    assert "would clear the description of 1 incidents and the text of 1 handling notes" in dry
    assert "cron" in dry
    assert Incident.objects.get().description == "Gammal"
    assert "cleared the description of 1 incidents" in gallra()
    assert "cleared the description of 0 incidents and the text of 0 handling notes" in gallra()


def test_it_leaves_no_incident_free_text_anywhere_the_audit_included(client, world, in_english):
    """Logged and handled through the pages (so the audit sees every write), then cleared: the texts are gone from
    every row of every table that holds them, the audit log included."""
    day = years_before(clock.today(), 3) - datetime.timedelta(days=2)
    client.force_login(world.alice)
    description, note = "Krossad ruta hos Bergströms kiosk", "Ägaren Bergström kontaktad"
    response = client.post(
        reverse("incident_new"), form_data(occurred_from=f"{day:%Y-%m-%d}T21:30", description=description)
    )
    assert response.status_code == 302
    pk = Incident.objects.get().pk
    client.post(reverse("incident", args=[pk]), {"status": "bedomd", "note": note})
    client.get(reverse("incident", args=[pk]))
    assert LogEntry.objects.filter(object_id=pk).count() >= 3

    gallra()

    rows = [
        *Incident.objects.values(),
        *IncidentNote.objects.values(),
        *LogEntry.objects.values(),
    ]
    dumped = json.dumps(rows, default=str, ensure_ascii=False)
    assert "Bergström" not in dumped
    assert "Krossad ruta" not in dumped
    page = client.get(reverse("incident", args=[pk])).content.decode()
    assert "The text was cleared when its retention period ended." in page


@pytest.mark.parametrize(("day", "three_years_before"), [("2026-01-01", "2023-01-01"), ("2030-12-31", "2027-12-31")])
def test_it_follows_the_clock(world, day, three_years_before):
    today = datetime.date.fromisoformat(day)
    limit = datetime.date.fromisoformat(three_years_before)
    incident(world, limit - datetime.timedelta(days=1), "Gammal")
    incident(world, limit, "Precis tre år")
    assert retention_apply(today=today, dry_run=True).descriptions == 1
