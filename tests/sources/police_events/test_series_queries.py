"""A series is one query, grouping plain columns: no time-zone function per row on SQLite."""

from __future__ import annotations

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.sources.police_events.series import police_event_series
from tests.sources.police_events.support import import_file


def test_it_counts_in_one_query_without_a_python_function(world):
    import_file("archive-excerpt.json.gz")
    with CaptureQueriesContext(connection) as queries:
        series = police_event_series(
            municipality=world.arjeplog, start=datetime.date(2023, 1, 1), end=datetime.date(2026, 12, 31)
        )
    assert series.total() > 0
    assert len(queries) == 1
    # Django's SQLite functions (django_datetime_cast_date, django_date_extract, …) run Python per row.
    assert "django_" not in queries[0]["sql"]
