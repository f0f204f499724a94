"""The migration that added the Swedish month fills it in for the events already stored."""

from __future__ import annotations

import datetime
from importlib import import_module

from django.apps import apps

from samverkan.sources.police_events.models import PoliceEvent
from tests.sources.police_events.support import event

migration = import_module("samverkan.sources.police_events.migrations.0002_local_month")


def test_it_fills_in_the_month_of_stored_events(world):
    event(world.arjeplog, 1, datetime.datetime(2025, 1, 31, 23, 30, tzinfo=datetime.UTC))
    event(world.arjeplog, 2, datetime.datetime(2025, 1, 31, 22, 30, tzinfo=datetime.UTC))
    PoliceEvent.objects.update(year=0, month=0)
    migration.fill_local_months(apps, None)
    assert sorted(PoliceEvent.objects.values_list("event_id", "year", "month")) == [(1, 2025, 2), (2, 2025, 1)]
