"""Feeding the present population from the events: residents plus visitors weighted by the days of each month."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samverkan.followup.seasons import services
from samverkan.organisations.models import PresentPopulation, ResidentCount


def test_it_fills_every_month_from_residents_and_the_events_days(car_testing, christmas, world):
    ResidentCount.objects.create(municipality=world.arjeplog, year=2024, residents=2700, source="SCB")

    created = services.present_population_from_events(municipality=world.arjeplog, year=2026)

    rows = {row.month: row for row in created}
    assert len(rows) == 12
    assert {row.residents for row in created} == {2700}
    # January: 25 of 31 days of car testing and 6 of 31 days of Christmas.
    assert rows[1].visitors == round(2600 * 25 / 31 + 620 * 6 / 31)
    assert (rows[2].visitors, rows[3].visitors, rows[6].visitors) == (2600, 2600, 0)
    assert rows[12].visitors == round(620 * 12 / 31)
    assert rows[1].source == "Folkmängd 2024 + förväntade besökare: Biltestsäsong, Jul och nyår"
    assert rows[6].source == "Folkmängd 2024 + förväntade besökare: inga evenemang"


def test_it_never_overwrites_a_month_someone_entered(car_testing, world):
    ResidentCount.objects.create(municipality=world.arjeplog, year=2026, residents=2650, source="SCB")
    PresentPopulation.objects.create(
        municipality=world.arjeplog, year=2026, month=2, residents=2650, visitors=3100, source="Hotellnätter"
    )

    created = services.present_population_from_events(municipality=world.arjeplog, year=2026)
    again = services.present_population_from_events(municipality=world.arjeplog, year=2026)

    assert sorted(row.month for row in created) == [1, *range(3, 13)]
    assert again == []
    february = PresentPopulation.objects.get(municipality=world.arjeplog, year=2026, month=2)
    assert (february.visitors, february.source) == (3100, "Hotellnätter")


def test_it_needs_a_resident_count(car_testing, world):
    ResidentCount.objects.create(municipality=world.arjeplog, year=2027, residents=2650, source="SCB")

    with pytest.raises(ValidationError) as error:
        services.present_population_from_events(municipality=world.arjeplog, year=2026)

    assert error.value.messages == [str(services.NO_RESIDENTS)]
    assert not PresentPopulation.objects.exists()
