"""The monthly aggregates always equal a plain recount of the raw rows in Stockholm local months."""

from __future__ import annotations

import datetime
import io
import random
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from auditlog.context import disable_auditlog
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from samverkan.core.hexagons import cells_for
from samverkan.organisations.models import NamedPlace
from samverkan.sources.incidents import demo as incidents_demo
from samverkan.sources.incidents.aggregates import aggregates_deferred
from samverkan.sources.incidents.models import Incident, IncidentCellMonth, IncidentMonth
from samverkan.sources.incidents.services import incident_categories_for
from samverkan.sources.models import ImportRun
from tests.sources.incidents.test_import import HEADER
from tests.sources.incidents.test_report import form_data

STOCKHOLM = ZoneInfo("Europe/Stockholm")
UTC = datetime.UTC

FIRST = HEADER + (
    # 23:30 local on the last day of January is still January; 00:30 on 1 February is February.
    "est-1,2026-01-31 23:30,,2506,66.5,17.5,,,,Klotter,2,ny,Klotter på elskåp\n"
    "est-2,2026-02-01 00:30,,2506,66.5,17.5,,,,Klotter,3,ny,Klotter vid torget\n"
    "est-3,2026-02-14 12:00,,2506,66.6,17.6,,,,Nedskräpning,1,ny,Skräp\n"
    "est-4,2026-02-20 12:00,,2505,65.5,18.8,,,,Nedskräpning,2,ny,Skräp vid badplatsen\n"
    # The night the clocks go forward: 01:30 local is 00:30 UTC, still 29 March.
    "est-5,2026-03-29 01:30,,2506,66.5,17.5,,,,Brand,3,ny,Brand i container\n"
)
# The second file: est-2 becomes Nedskräpning, est-4 moves to April, and Arvidsjaur's EST has an est-3 too:
# another incident than Arjeplog's, since an id is its municipality's own.
SECOND = (
    FIRST.replace(
        "est-2,2026-02-01 00:30,,2506,66.5,17.5,,,,Klotter", "est-2,2026-02-01 00:30,,2506,66.5,17.5,,,,Nedskräpning"
    )
    .replace("est-3,2026-02-14 12:00,,2506,66.6,17.6", "est-3,2026-02-14 12:00,,2505,65.6,18.9")
    .replace("est-4,2026-02-20 12:00", "est-4,2026-04-20 12:00")
)


def recount() -> tuple[dict, dict]:
    """What the aggregates must hold, counted here from the raw rows in Python, in Stockholm time."""
    months: Counter = Counter()
    severities: Counter = Counter()
    cells: Counter = Counter()
    rows = Incident.objects.values_list("municipality_id", "category_id", "occurred_from", "severity", "lat", "lng")
    for municipality_id, category_id, occurred_from, severity, lat, lng in rows:
        local = occurred_from.astimezone(STOCKHOLM)
        months[municipality_id, category_id, local.year, local.month] += 1
        severities[municipality_id, category_id, local.year, local.month] += severity
        for resolution, cell in cells_for(lat, lng).items():
            if resolution in (8, 9):
                cells[municipality_id, resolution, cell, local.year, local.month] += 1
    return {key: (count, severities[key]) for key, count in months.items()}, dict(cells)


def stored() -> tuple[dict, dict]:
    months = IncidentMonth.objects.values_list(
        "municipality_id", "category_id", "year", "month", "count", "severity_sum"
    )
    cells = IncidentCellMonth.objects.values_list("municipality_id", "resolution", "cell", "year", "month", "count")
    return {row[:4]: row[4:] for row in months}, {row[:5]: row[5] for row in cells}


def category(world, name: str, municipality=None):
    return next(c for c in incident_categories_for(municipality or world.arjeplog) if c.name == name)


def incident(world, when: datetime.datetime, name: str = "Klotter", severity: int = 1) -> Incident:
    """An incident in Arjeplog."""
    return Incident.objects.create(
        municipality=world.arjeplog,
        category=category(world, name),
        occurred_from=when,
        lat=66.5,
        lng=17.5,
        severity=severity,
        description="Klotter på elskåp",
    )


def run(path) -> str:
    out = io.StringIO()
    call_command("import_incidents", str(path), stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


def months_of(world, municipality) -> dict[tuple[str, int, int], tuple[int, int]]:
    rows = IncidentMonth.objects.filter(municipality=municipality).values_list(
        "category__name", "year", "month", "count", "severity_sum"
    )
    return {row[:3]: row[3:] for row in rows}


def test_it_counts_an_import_in_local_months(world, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(FIRST, encoding="utf-8")
    assert run(path) == "imported: 5 created, 0 updated, 0 skipped"
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {
        ("Klotter", 2026, 1): (1, 2),
        ("Klotter", 2026, 2): (1, 3),
        ("Nedskräpning", 2026, 2): (1, 1),
        ("Brand", 2026, 3): (1, 3),
    }
    assert months_of(world, world.arvidsjaur) == {("Nedskräpning", 2026, 2): (1, 2)}


def test_it_follows_a_second_import_that_changes_categories_places_and_times(world, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(FIRST, encoding="utf-8")
    run(path)
    path.write_text(SECOND, encoding="utf-8")
    assert run(path) == "imported: 1 created, 2 updated, 2 skipped"
    assert {i.municipality for i in Incident.objects.filter(import_key="id:est-3")} == {
        world.arjeplog,
        world.arvidsjaur,
    }
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {
        ("Klotter", 2026, 1): (1, 2),
        ("Nedskräpning", 2026, 2): (2, 4),
        ("Brand", 2026, 3): (1, 3),
    }
    assert months_of(world, world.arvidsjaur) == {("Nedskräpning", 2026, 2): (1, 1), ("Nedskräpning", 2026, 4): (1, 2)}


def test_it_counts_an_import_through_the_web(client, world):
    NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.53, lng=17.6)
    client.force_login(world.bob)
    upload = io.BytesIO(FIRST.encode())
    upload.name = "est.csv"
    token = client.post(reverse("import_upload", args=["incidents"]), {"file": upload}).context["token"]
    assert not IncidentMonth.objects.exists()
    client.post(reverse("import_confirm", args=["incidents"]), {"token": token})
    assert Incident.objects.count() == 5
    assert stored() == recount()


def test_it_counts_a_web_report(client, world):
    client.force_login(world.bob)
    client.post(reverse("incident_new"), form_data(occurred_from="2026-11-30T23:30", severity="3"))
    assert Incident.objects.count() == 1
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {("Klotter", 2026, 11): (1, 3)}


def test_it_follows_edits_of_category_time_and_place(world):
    first = incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
    incident(world, datetime.datetime(2026, 1, 20, 12, tzinfo=UTC), severity=2)
    first.category = category(world, "Brand")
    first.save()
    assert stored() == recount()
    first.occurred_from = datetime.datetime(2026, 2, 28, 23, 30, tzinfo=UTC)  # 1 March, local time
    first.save()
    assert stored() == recount()
    first.lat, first.lng, first.municipality = 65.5, 18.8, world.arvidsjaur
    first.save()
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {("Klotter", 2026, 1): (1, 2)}
    assert months_of(world, world.arvidsjaur) == {("Brand", 2026, 3): (1, 1)}


def test_it_follows_an_edit_of_an_instance_it_did_not_load(world):
    first = incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
    copy = Incident.objects.only("pk", "municipality", "occurred_from").get(pk=first.pk)
    copy.occurred_from = datetime.datetime(2026, 5, 1, 12, tzinfo=UTC)
    copy.save(update_fields=["occurred_from"])
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {("Klotter", 2026, 5): (1, 1)}


def test_it_leaves_the_aggregates_alone_on_a_status_change(world, django_assert_num_queries):
    first = incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
    first.status = Incident.Status.CLOSED
    with disable_auditlog(), django_assert_num_queries(1):  # the audit's own queries aside
        first.save(update_fields=["status"])
    assert stored() == recount()


def test_it_follows_queryset_updates(world):
    incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
    incident(world, datetime.datetime(2026, 3, 15, 12, tzinfo=UTC))
    january = Incident.objects.filter(occurred_from__lt=datetime.datetime(2026, 2, 1, tzinfo=UTC))
    january.update(occurred_from=datetime.datetime(2026, 6, 1, 12, tzinfo=UTC))
    assert stored() == recount()
    Incident.objects.update(category=category(world, "Brand"), severity=3)
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {("Brand", 2026, 3): (1, 3), ("Brand", 2026, 6): (1, 3)}


def test_it_follows_deletes(world):
    first = incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
    incident(world, datetime.datetime(2026, 1, 16, 12, tzinfo=UTC))
    incident(world, datetime.datetime(2026, 4, 16, 12, tzinfo=UTC), name="Brand")
    first.delete()
    assert stored() == recount()
    Incident.objects.filter(category__name="Brand").delete()
    assert stored() == recount()
    assert months_of(world, world.arjeplog) == {("Klotter", 2026, 1): (1, 1)}
    Incident.objects.all().delete()
    assert stored() == ({}, {})


def test_it_counts_bulk_created_incidents(world):
    rows = [
        Incident(
            municipality=world.arjeplog,
            category=category(world, "Klotter"),
            occurred_from=datetime.datetime(2025, day % 12 + 1, 28, 23, 30, tzinfo=UTC),
            lat=66.5 + day / 1000,
            lng=17.5,
            severity=day % 3 + 1,
            description="Klotter",
        )
        for day in range(30)
    ]
    for row in rows:
        row.locate_cells()
    Incident.objects.bulk_create(rows)
    assert stored() == recount()


def test_it_counts_the_demo_incidents(world):
    incidents_demo.demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))
    assert Incident.objects.count() > 100
    assert stored() == recount()


def test_it_recounts_once_when_deferred(world):
    with aggregates_deferred():
        incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
        incident(world, datetime.datetime(2026, 2, 15, 12, tzinfo=UTC))
        assert not IncidentMonth.objects.exists()
    assert stored() == recount()


def test_it_recounts_nothing_when_a_deferred_block_fails(world):
    with pytest.raises(RuntimeError), transaction.atomic(), aggregates_deferred():
        incident(world, datetime.datetime(2026, 1, 15, 12, tzinfo=UTC))
        raise RuntimeError
    assert not Incident.objects.exists() and not IncidentMonth.objects.exists()


def test_it_rebuilds_the_aggregates_from_the_raw_rows(world, tmp_path):
    path = tmp_path / "est.csv"
    path.write_text(FIRST, encoding="utf-8")
    run(path)
    expected = recount()
    IncidentMonth.objects.filter(month=2).update(count=99)
    IncidentCellMonth.objects.all().delete()
    IncidentMonth.objects.create(
        municipality=world.arvidsjaur,
        category=category(world, "Brand", world.arvidsjaur),
        year=2020,
        month=1,
        count=5,
        severity_sum=5,
    )
    out = io.StringIO()
    call_command("rebuild_aggregates", stdout=out, stderr=io.StringIO())
    assert stored() == expected
    months, cells = expected
    last = out.getvalue().strip().splitlines()[-1]  # other sources add their counts to the same line
    assert last.startswith(f"rebuilt: {len(months)} incident months, {len(cells)} incident cell months")
