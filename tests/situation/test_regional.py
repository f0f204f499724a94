"""Regional jämförelse: the municipalities of a police region or polisområde side by side, for its police only.

The expected figures are worked out from the counts of tests/situation/regional.py: a rate is the count over the
residents (or the present population) × 1 000, its interval the Jeffreys interval of the count, the change the
period's share of both periods' incidents under the ranking's prior of 5 at "unchanged"."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from scipy import stats

from samverkan.organisations.models import Municipality, Organisation, ResidentCount, Role
from samverkan.situation.audience import INTERNAL, PUBLIC
from samverkan.situation.regional import regional_situation
from samverkan.situation.selectors import Period, situation_for_municipality
from samverkan.sources.incidents.models import Incident
from tests.conftest import _municipality, _organisation, _user, box
from tests.situation.regional import INCIDENTS, PRESENT_ARJEPLOG, PREVIOUS, RESIDENTS, _log, build_region


@pytest.fixture
def north(world):
    return build_region(world)


def rows(north, user):
    data = regional_situation(organisation=north.region, period=north.period, user=user)
    return data, {row.code: row for row in data.rows}


def jeffreys(count: int, population: float) -> tuple[float, float]:
    low = stats.gamma.ppf(0.05, count + 0.5) if count else 0.0
    return low / population * 1000, stats.gamma.ppf(0.95, count + 0.5) / population * 1000


def test_it_rates_each_municipality_per_1000_residents_and_per_1000_present(north):
    data, by_code = rows(north, north.rut)
    assert data.audience == INTERNAL
    assert set(by_code) == set(RESIDENTS)  # Luleå lies outside the region
    for code, count in INCIDENTS.items():
        row = by_code[code]
        assert (row.incidents, row.previous, row.residents) == (count, PREVIOUS[code], RESIDENTS[code])
        assert row.per_1000.value == pytest.approx(count / RESIDENTS[code] * 1000)
        assert (row.per_1000.low, row.per_1000.high) == pytest.approx(jeffreys(count, RESIDENTS[code]))
    assert by_code["2506"].per_1000.value == pytest.approx(2.5)
    assert by_code["2506"].per_1000_present.value == pytest.approx(5 / PRESENT_ARJEPLOG * 1000)  # 2.0
    assert by_code["2506"].present_estimated
    # Without an estimate of the present population, per 1,000 residents, marked.
    assert by_code["2505"].per_1000_present.value == pytest.approx(1.0)
    assert not by_code["2505"].present_estimated
    assert data.per_1000.value == pytest.approx((5 + 6 + 12) / (2000 + 6000 + 5000) * 1000)


def test_it_gives_no_incident_figures_where_the_municipality_logs_none(north):
    _data, by_code = rows(north, north.rut)
    gallivare = by_code["2523"]
    assert not gallivare.takes_part
    assert (gallivare.incidents, gallivare.per_1000, gallivare.change) == (None, None, None)
    assert gallivare.police_events == 3
    assert gallivare.events_per_1000.value == pytest.approx(3 / 17000 * 1000)
    assert by_code["2510"].takes_part and by_code["2510"].police_events == 0


def test_it_marks_a_change_within_the_noise_and_gives_the_interval_of_one_outside_it(north):
    _data, by_code = rows(north, north.rut)
    assert by_code["2505"].change.steady  # 6 against 6
    jokkmokk = by_code["2510"].change  # 12 against 2
    a, b = 12 + 2.5, 2 + 2.5
    low, high = (stats.beta.ppf(q, a, b) for q in (0.05, 0.95))
    assert not jokkmokk.steady
    assert jokkmokk.percent == pytest.approx((a / b - 1) * 100)
    assert (jokkmokk.low, jokkmokk.high) == pytest.approx(((low / (1 - low) - 1) * 100, (high / (1 - high) - 1) * 100))
    assert jokkmokk.low > 0


def test_it_ranks_each_municipality_as_its_own_picture_does(north):
    """Without surveys or dialogues in the world, the counts' picture ranks exactly as the whole picture."""
    data, by_code = rows(north, north.rut)
    for code in INCIDENTS:
        municipality = Municipality.objects.get(code=code)
        own = situation_for_municipality(municipality=municipality, period=north.period, audience=INTERNAL)
        assert [p.name for p in by_code[code].problems] == [p.name for p in own.problems[:3]]
        assert [p.score for p in by_code[code].problems] == [p.score for p in own.problems[:3]]
    assert by_code["2506"].problems  # Klotter and Brand are ranked


def test_it_takes_brås_reported_crimes_per_100k(north):
    _data, by_code = rows(north, north.rut)
    assert (by_code["2506"].crime_per_100k, by_code["2506"].crime_year) == (2500, north.period.end.year)
    assert by_code["2505"].crime_per_100k is None


def test_it_shows_each_municipality_as_the_public_sees_it_to_one_outside_the_police(north, world):
    data, by_code = rows(north, world.alice)
    assert data.audience == PUBLIC
    assert by_code["2506"].incidents is None  # Brand ×1 is below 3, so the total would tell it
    assert by_code["2506"].per_1000 is None
    assert by_code["2505"].incidents == 6


def test_it_counts_any_number_of_municipalities_in_the_same_queries(north):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            regional_situation(organisation=north.region, period=north.period, user=None)
        return len(captured)

    before = queries()
    area = _organisation("LPO Kiruna", Organisation.Kind.POLICE_AREA, parent=north.district)
    for i in range(5):
        m = _municipality(f"29{i:02d}", f"Extra {i}", box(25.0 + i, 60.0, 25.5 + i, 60.5))
        area.municipalities.add(m)
        ResidentCount.objects.create(municipality=m, year=north.period.end.year, residents=1000, source="test")
    assert queries() == before
    assert before <= 14


def _order(response) -> list[str]:
    return re.findall(r'<tr data-municipality="(\d{4})"', response.content.decode())


def test_the_police_of_the_region_read_it_ranked_by_rate_and_sorted_by_any_column(client, north):
    client.force_login(north.rut)
    url = reverse("situation_region", args=[north.region.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert _order(response) == ["2506", "2510", "2505", "2523"]  # 2.5, 2.4, 1.0 per 1,000, then none
    assert _order(client.get(url + "?sort=events"))[0] == "2523"
    assert _order(client.get(url + "?sort=name")) == ["2506", "2505", "2523", "2510"]
    assert _order(client.get(url + "?sort=nonsense")) == _order(response)
    page = response.content.decode()
    for code in RESIDENTS:
        assert reverse("situation_municipality", args=[code]) in page
    for area in Organisation.objects.filter(
        kind=Organisation.Kind.POLICE_AREA, parent__in=[north.region, north.district]
    ):
        assert reverse("situation_joint", args=[area.pk]) in page


def test_the_polisområde_shows_its_own_municipalities(client, north):
    client.force_login(north.dora)
    response = client.get(reverse("situation_region", args=[north.district.pk]))
    assert response.status_code == 200
    assert sorted(_order(response)) == ["2510", "2523"]


@pytest.mark.parametrize("who", ["bob", "alice", "dave", "dora", "sven"])
def test_it_is_not_found_for_anyone_outside_the_regions_police(client, north, world, who):
    """The police of one of its areas (Bob) or of its polisområde (Dora), its municipalities' staff, and the police
    of another region (Sven, of Polisregion Syd) get 404."""
    users = {"dora": north.dora}
    if who == "sven":
        south = _organisation("Polisregion Syd", Organisation.Kind.POLICE_REGION)
        users["sven"] = _user("sven", south, Role.POLICE_CONTACT)
    client.force_login(users.get(who) or getattr(world, who))
    assert client.get(reverse("situation_region", args=[north.region.pk])).status_code == 404


def test_the_joint_picture_links_to_the_comparison_of_the_region_for_its_police(client, north, world):
    region_url = reverse("situation_region", args=[north.region.pk])
    joint_url = reverse("situation_joint", args=[world.lpo.pk])
    client.force_login(north.rut)
    assert region_url in client.get(joint_url).content.decode()
    assert region_url in client.get(reverse("situation")).content.decode()
    client.force_login(world.bob)
    assert region_url not in client.get(joint_url).content.decode()


def test_it_counts_a_period_cutting_months_as_a_plain_count_of_the_incidents_does(north):
    start, end = datetime.date(north.period.end.year, 1, 5), datetime.date(north.period.end.year, 3, 9)
    period = Period(start, end)
    data = regional_situation(organisation=north.region, period=period, user=north.rut)
    tz = timezone.get_current_timezone()

    def plain(municipality: Municipality, first: datetime.date, last: datetime.date) -> int:
        since = datetime.datetime.combine(first, datetime.time.min, tz)
        until = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tz)
        return Incident.objects.filter(
            municipality=municipality, occurred_from__gte=since, occurred_from__lt=until
        ).count()

    before = period.previous()
    for row in data.rows:
        if not row.takes_part:
            continue
        municipality = Municipality.objects.get(code=row.code)
        assert row.incidents == plain(municipality, start, end)
        assert row.previous == plain(municipality, before.start, before.end)
    assert {row.code: row.incidents for row in data.rows if row.takes_part} == {"2506": 2, "2505": 2, "2510": 2}


def _incidents_in_rows(response) -> dict[str, str]:
    """Each row's incidents as the page shows them, by the municipality's code."""
    row = r'<tr data-municipality="(\d{4})">.*?data-figure="incidents">(.*?)</td>'
    return dict(re.findall(row, response.content.decode(), re.S))


def test_a_write_renders_its_municipalitys_row_again_and_keeps_the_others_rows(
    client, north, world, monkeypatch, settings
):
    client.force_login(north.rut)
    url = reverse("situation_region", args=[north.region.pk])
    before = _incidents_in_rows(client.get(url))
    assert before["2506"] == str(INCIDENTS["2506"]) and before["2505"] == str(INCIDENTS["2505"])
    assert "inte med i Samverkan" in before["2523"]
    rendered: list[str] = []
    cache = caches["pictures"]
    set_many = cache.set_many

    def recorded(values, **kwargs):
        rendered.extend(values)
        return set_many(values, **kwargs)

    monkeypatch.setattr(cache, "set_many", recorded)
    _log(world.alice, world.arjeplog, datetime.date(north.period.end.year, 5, 5), "Klotter")
    after = _incidents_in_rows(client.get(url))
    assert after == before | {"2506": str(INCIDENTS["2506"] + 1)}
    assert len([name for name in rendered if name.startswith("html:region_row:")]) == 1  # Arjeplog's row alone
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "not in Samverkan" in _incidents_in_rows(client.get(url))["2523"]  # kept per language
