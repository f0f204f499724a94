from __future__ import annotations

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from samverkan.core import clock
from samverkan.organisations.models import NamedPlace
from samverkan.sources.incidents.selectors import EXPORT_COLUMNS, current_week, last_complete_week, weekly_view
from samverkan.sources.incidents.services import IncidentReport, incident_report

WEEK = datetime.date(2026, 11, 16)  # a Monday


def at(day: str, category: str, world, place=None, hour: int = 12):
    when = datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour), timezone.get_current_timezone()
    )
    report = IncidentReport(
        occurred_from=when,
        occurred_to=None,
        lat=66.5,
        lng=17.5,
        category=category,
        severity=1,
        description=f"{category} vid skolan",
        place=place,
    )
    return incident_report(report=report, by=world.alice, allowed=[world.arjeplog])


def scenario(world):
    torget = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.5, lng=17.5)
    at("2026-11-17", "Klotter", world, torget)
    at("2026-11-22", "Klotter", world, hour=23)  # Sunday late evening: still this week
    at("2026-11-10", "Klotter", world, torget)
    at("2026-10-20", "Brand", world)
    at("2026-10-12", "Brand", world)  # five weeks before: outside the view
    at("2026-11-23", "Brand", world)  # next week: outside the view


def test_it_counts_the_week_beside_the_four_weeks_before(world):
    scenario(world)
    view = weekly_view(municipality=world.arjeplog, week=WEEK, no_place="(ingen)")
    assert view.weeks == [WEEK - datetime.timedelta(weeks=i) for i in range(5)]
    rows = {r.label: (r.this_week, r.weeks_before) for r in view.by_category}
    assert rows == {"Klotter": (2, [1, 0, 0, 0]), "Brand": (0, [0, 0, 0, 1])}
    places = {r.label: (r.this_week, r.weeks_before) for r in view.by_place}
    assert places == {"Torget": (1, [1, 0, 0, 0]), "(ingen)": (1, [0, 0, 0, 1])}
    assert len(view.incidents) == 2
    assert view.by_category[0].mean_before == 0.25


def test_it_filters_by_category(world):
    scenario(world)
    view = weekly_view(municipality=world.arjeplog, week=WEEK, no_place="-", category__name="Brand")
    assert [r.label for r in view.by_category] == ["Brand"]


def test_it_defaults_to_the_last_complete_week():
    assert last_complete_week(datetime.date(2026, 11, 26)) == WEEK


def test_it_opens_on_the_current_week_today_included():
    assert current_week(datetime.date(2026, 11, 26)) == WEEK + datetime.timedelta(weeks=1)
    assert current_week(datetime.date(2026, 11, 23)) == WEEK + datetime.timedelta(weeks=1)  # a Monday: itself
    assert current_week(datetime.date(2026, 11, 22)) == WEEK  # a Sunday: the week it ends


def test_it_shows_an_incident_of_today_without_choosing_a_week(client, world):
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    at(today.isoformat(), "Klotter", world, hour=0)
    at((monday - datetime.timedelta(days=3)).isoformat(), "Brand", world)  # the week before
    client.force_login(world.alice)
    response = client.get(reverse("incidents_week"), {"kommun": "2506"})
    view = response.context["view"]
    assert view.week == monday
    assert [(r.label, r.this_week, r.weeks_before[0]) for r in view.by_category] == [
        ("Klotter", 1, 0),
        ("Brand", 0, 1),
    ]
    assert [i.category.name for i in view.incidents] == ["Klotter"]


def test_it_exports_the_week_as_csv_and_xlsx(client, world):
    scenario(world)
    client.force_login(world.alice)
    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "2026-11-18", "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="incidenter-2506-2026-v47.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == EXPORT_COLUMNS
    assert sorted(r[1] for r in rows[1:]) == ["2026-11-17 12:00", "2026-11-22 23:00"]
    assert {r[7] for r in rows[1:]} == {"Klotter"}
    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "2026-11-16", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == EXPORT_COLUMNS
    assert sheet.max_row == 3


def test_it_shows_the_week_page(client, world):
    scenario(world)
    client.force_login(world.bob)
    body = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "2026-11-16"}).content.decode()
    assert "vecka 47" in body.lower()
    assert "Klotter" in body
