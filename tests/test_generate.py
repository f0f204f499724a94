"""`samverkan generate`: a synthetic country, the same for the same seed, with its incidents where people live."""

from __future__ import annotations

import contextlib
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from scipy.stats import spearmanr
from shapely.geometry import Point, shape

from samverkan.core import clock
from samverkan.generate import generate
from samverkan.organisations.models import Municipality, ResidentCount, User
from samverkan.organisations.municipalities import GEOJSON, parse_municipalities
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.incidents import aggregates
from samverkan.sources.incidents.models import Incident, IncidentCellMonth, IncidentMonth
from samverkan.sources.police_events.models import PoliceEvent
from samverkan.sources.surveys.models import Answer

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(autouse=True)
def country() -> None:
    """The bundled municipalities with their boundaries (what load_municipalities loads, without the rest)."""
    Municipality.objects.bulk_create(
        Municipality(
            code=row.code,
            name=row.name,
            county_code=row.county_code,
            county_name=row.county_name,
            boundary=row.boundary,
        )
        for row in parse_municipalities(GEOJSON)
    )


def _small(seed: int = 7, incidents: int = 2_000, municipalities: int = 3):
    return generate(municipalities=municipalities, years=1, incidents=incidents, seed=seed, respondents=20)


def _rows() -> dict[str, list[tuple]]:
    """What was generated, by natural keys (ids differ from run to run)."""
    return {
        "incidents": sorted(
            Incident.objects.values_list(
                "municipality__code",
                "category__name",
                "occurred_from",
                "lat",
                "lng",
                "place__name",
                "severity",
                "description",
                "status",
                "reported_by__username",
                "reported_at",
                "h3_r7",
                "h3_r8",
                "h3_r9",
            )
        ),
        "events": sorted(
            PoliceEvent.objects.values_list("event_id", "occurred_at", "name", "type_key", "region_code", "is_summary")
        ),
        "crime": sorted(CrimeStatistic.objects.values_list("region_code", "category__name", "year", "count")),
        "answers": sorted(
            Answer.objects.values_list(
                "response__wave__municipality__code",
                "response__wave__name",
                "response__number",
                "question__key",
                "value",
            )
        ),
        "residents": sorted(ResidentCount.objects.values_list("municipality__code", "year", "residents")),
        "users": sorted(User.objects.values_list("username", "email")),
    }


class _Undo(Exception):
    pass


def _rows_of(seed: int) -> dict[str, list[tuple]]:
    """The rows a small run with the seed writes; rolled back afterwards, so the next run starts afresh."""
    with contextlib.suppress(_Undo), transaction.atomic():
        _small(seed=seed)
        rows = _rows()
        raise _Undo
    return rows


def test_it_generates_the_same_rows_from_the_same_seed_and_others_from_another():
    first, again, other = _rows_of(7), _rows_of(7), _rows_of(8)
    assert first["incidents"] and first["events"] and first["crime"] and first["answers"]
    assert again == first
    assert other["incidents"] != first["incidents"]
    assert other["events"] != first["events"]


def test_it_writes_as_many_incidents_as_asked_in_as_many_municipalities():
    made = _small(incidents=2_345)
    assert made.incidents == Incident.objects.count() == 2_345
    assert Incident.objects.values("municipality").distinct().count() == 3
    assert made.last_day == clock.today() - datetime.timedelta(days=1)
    assert not Incident.objects.filter(
        occurred_from__gte=datetime.datetime.combine(clock.today(), datetime.time(), STOCKHOLM)
    ).exists()


def test_its_incidents_follow_the_population():
    _small(incidents=4_000, municipalities=20)
    year = clock.today().year
    residents = dict(ResidentCount.objects.filter(year=year).values_list("municipality__code", "residents"))
    counts = {code: Incident.objects.filter(municipality__code=code).count() for code in residents}
    assert len(residents) == 20
    correlation, _p = spearmanr([residents[c] for c in sorted(residents)], [counts[c] for c in sorted(residents)])
    assert correlation > 0.8


def test_every_incident_lies_inside_its_municipality():
    _small(incidents=3_000, municipalities=4)
    for municipality in Municipality.objects.filter(incidents__isnull=False).distinct():
        boundary = shape(municipality.boundary)
        points = Incident.objects.filter(municipality=municipality).values_list("lat", "lng")
        assert all(boundary.contains(Point(lng, lat)) for lat, lng in points), municipality.name


def test_it_leaves_the_aggregates_as_a_rebuild_from_the_raw_rows_does():
    _small()
    months = sorted(IncidentMonth.objects.values_list("municipality_id", "category_id", "year", "month", "count"))
    cells = sorted(
        IncidentCellMonth.objects.values_list("municipality_id", "resolution", "cell", "year", "month", "count")
    )
    aggregates.rebuild()
    assert months and cells
    assert (
        sorted(IncidentMonth.objects.values_list("municipality_id", "category_id", "year", "month", "count")) == months
    )
    assert (
        sorted(IncidentCellMonth.objects.values_list("municipality_id", "resolution", "cell", "year", "month", "count"))
        == cells
    )


def test_a_generated_municipalitys_picture_counts_what_plain_sql_counts():
    _small(incidents=3_000)
    today = clock.today()
    municipality = Municipality.objects.filter(incidents__isnull=False).order_by("code").first()
    assert municipality is not None
    period = Period(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=1))
    picture = picture_for(municipality=municipality, period=period)
    begin = datetime.datetime.combine(period.start, datetime.time(), STOCKHOLM)
    end = datetime.datetime.combine(today, datetime.time(), STOCKHOLM)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM {Incident._meta.db_table} WHERE municipality_id = %s"
            " AND occurred_from >= %s AND occurred_from < %s",
            [
                municipality.pk,
                connection.ops.adapt_datetimefield_value(begin),
                connection.ops.adapt_datetimefield_value(end),
            ],
        )
        (expected,) = cursor.fetchone()
    assert expected > 0
    assert sum(category.count for category in picture.categories) == expected
    assert sum(month.count for month in picture.months) == expected


def test_the_command_prints_what_it_made_and_its_users_log_in():
    out = io.StringIO()
    call_command(
        "generate", "--municipalities=2", "--years=1", "--incidents=500", "--seed=3", "--password=lösen-123", stdout=out
    )
    assert "500 incidents" in out.getvalue()
    code = Incident.objects.values_list("municipality__code", flat=True).first()
    coordinator = User.objects.get(username=f"{code}.samordnare")
    assert coordinator.check_password("lösen-123")
    assert coordinator.memberships.get().role == "samordnare"
    assert User.objects.get(username=f"{code}.rapportor").check_password("lösen-123")


def test_it_refuses_a_database_that_has_incidents():
    _small(incidents=100)
    with pytest.raises(ValueError, match="already has incidents"):
        _small(incidents=100)
