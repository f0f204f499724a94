from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.situation.selectors import picture_for
from tests.situation.conftest import YEAR

MAX_QUERIES = 20


def test_it_builds_a_picture_in_at_most_20_queries(picture):
    with CaptureQueriesContext(connection) as queries:
        built = picture_for(municipality=picture.arjeplog, period=YEAR)
    klotter = built.category("Klotter")
    assert klotter is not None and klotter.count == 4  # the picture is complete, not cut short
    assert len(queries) <= MAX_QUERIES, "\n".join(q["sql"][:160] for q in queries.captured_queries)
