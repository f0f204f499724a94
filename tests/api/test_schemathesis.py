"""Schemathesis against the schema the API serves: every generated request, as a demo user with a token, gets an
answer that is no server error and that the schema documents (status code, content type, body).

Deterministic (Hypothesis derandomized, no example database), offline (the WSGI app in this process, on the test's
database), at least MIN_CASES cases across the operations.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import hypothesis
import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase
from schemathesis import BaseSchema
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from samverkan.api.services import api_token_create
from samverkan.organisations.models import User
from samverkan.wsgi import application

CASES_PER_OPERATION = 75
MIN_CASES = 1000
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def schema(settings) -> Iterator[BaseSchema]:
    settings.ALLOWED_HOSTS = ["*"]  # the WSGI client's host
    # As Django's test client does: a request must not close the test's connection (inside its transaction).
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        for signal in (signals.request_started, signals.request_finished):
            signal.connect(close_old_connections)


def test_it_answers_every_generated_request_as_the_schema_says(demo, schema):
    # The police contact of the demo: reaches both municipalities, writes for them, logs incidents, imports.
    user = User.objects.get(username="polis.kontaktperson")
    _token, secret = api_token_create(user=user, name="schemathesis")
    headers = {"Authorization": f"Bearer {secret}"}
    cases = 0
    started = time.perf_counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} >= {"POST /api/incidents", "POST /api/imports/{key}"}
    for operation in operations:

        @hypothesis.given(case=operation.as_strategy())
        @hypothesis.settings(
            max_examples=CASES_PER_OPERATION,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def call(case) -> None:
            nonlocal cases
            cases += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        call()
    print(f"\nschemathesis: {cases} cases on {len(operations)} operations in {time.perf_counter() - started:.1f} s")
    assert cases >= MIN_CASES
