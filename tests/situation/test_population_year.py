"""A rate per 1,000 residents on an older population year says which year it used, and a municipality without
an estimate of its present population has its residents stand for it, and says so (issue 13)."""

from __future__ import annotations

import json

from django.conf import settings
from django.urls import reverse

from samverkan.organisations.models import PresentPopulation, ResidentCount
from samverkan.situation.selectors import INTERNAL, situation_for_municipality
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.models import ImportRun
from tests.situation.conftest import YEAR, log

QUERY = f"?start={YEAR.start}&end={YEAR.end}"
OLD = YEAR.end.year - 5  # the latest population figure is five years older than the period


def older_residents(world) -> None:
    ResidentCount.objects.create(municipality=world.arjeplog, year=OLD, residents=2000, source="test")
    for day in ("01-10", "02-05", "07-01", "09-09"):
        log(world, f"{YEAR.end.year}-{day}", "Klotter")
    CrimeStatistic.objects.create(
        region_code="2506",
        municipality=world.arjeplog,
        category=CrimeCategory.objects.create(name="Totalt antal brott"),
        year=YEAR.end.year,
        period="helår",
        count=50,
        per_100k=2500,
        preliminary=False,
        run=ImportRun.objects.create(source="test", name="test"),
    )


def page(client, user) -> str:
    """The page in English (the language switcher's cookie): its words are the source's, whatever the .po has."""
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client.get(reverse("situation_municipality", args=["2506"]) + QUERY).content.decode()


def test_the_picture_carries_the_population_year_it_used(world):
    older_residents(world)
    shown = situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=INTERNAL)
    assert (shown.population.residents, shown.population.residents_year) == (2000, OLD)
    assert shown.older_residents_year == OLD
    (crime,) = shown.crime_statistics
    assert (crime.year, crime.residents_year, crime.per_1000_residents) == (YEAR.end.year, OLD, 25.0)  # 50 / 2 000
    assert next(r for r in shown.incidents if r.category == "Klotter").per_1000_residents == 2.0  # 4 / 2 000


def test_the_pages_say_which_population_year_the_rates_are_per(client, world):
    older_residents(world)
    body = page(client, world.alice)
    assert f"Per 1,000 residents (population {OLD})" in body  # the incidents' table
    assert body.count(f"(population {OLD})") >= 3  # … the residents at a glance, the crime row
    client.force_login(world.alice)
    url = reverse("situation_export", args=["2506"]) + QUERY + "&format=json&audience=internal"
    data = json.loads(client.get(url).content)
    assert data["population"]["residents_year"] == OLD
    assert data["crime_statistics"][0]["residents_year"] == OLD


def test_a_rate_on_the_periods_own_year_says_nothing_more(client, world):
    older_residents(world)
    ResidentCount.objects.create(municipality=world.arjeplog, year=YEAR.end.year, residents=2000, source="test")
    assert "(population " not in page(client, world.alice)


def test_without_an_estimate_of_its_own_the_residents_are_the_present_population(client, world):
    older_residents(world)
    shown = situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=INTERNAL)
    assert shown.population.present_from_residents
    assert shown.population.present_population_mean == 2000
    assert {m.present_population for m in shown.incidents_by_month} == {2000}
    body = page(client, world.alice)
    assert "residents (no estimate of its own)" in body
    assert "Present population: residents (no estimate of its own)." in body


def test_an_estimate_of_its_own_is_used_as_it_is(world):
    older_residents(world)
    for month in range(1, 13):
        PresentPopulation.objects.create(
            municipality=world.arjeplog, year=YEAR.end.year, month=month, residents=2000, visitors=500, source="test"
        )
    shown = situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=INTERNAL)
    assert not shown.population.present_from_residents
    assert shown.population.present_population_mean == 2500
