"""Arjeplog's car-testing season (7 January – 31 March, 2 600 extra people) on the shared cast."""

from __future__ import annotations

import pytest

from samverkan.situation.models import RecurringEvent


@pytest.fixture
def car_testing(world) -> RecurringEvent:
    return RecurringEvent.objects.create(
        municipality=world.arjeplog,
        name="Biltestsäsong",
        start_month=1,
        start_day=7,
        end_month=3,
        end_day=31,
        expected_visitors=2600,
    )


@pytest.fixture
def christmas(world) -> RecurringEvent:
    return RecurringEvent.objects.create(
        municipality=world.arjeplog,
        name="Jul och nyår",
        start_month=12,
        start_day=20,
        end_month=1,
        end_day=6,
        expected_visitors=620,
    )
