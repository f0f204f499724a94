"""Helpers for the promise tests: an action-plan activity with occurrences, and promises in each state."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from samverkan.core import clock
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import ActionPlan, Activity, Occurrence
from samverkan.planning.actions.services import occurrence_log
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet

MEET = "Polisen möter allmänheten på offentliga platser"
SIGNED_AFTER = datetime.timedelta(days=50)


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    # The suggestions' rate limit counts in the cache, which outlives a test.
    cache.clear()


def action_activity(municipality: Municipality, *, title: str = MEET, target: int | None = 10, done: int = 0):
    plan = ActionPlan.objects.filter(municipality=municipality).first() or ActionPlan.objects.create(
        municipality=municipality,
        title=f"Handlingsplan {municipality.name} 2025–2026",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    activity = Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.POLICE,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        kind=Activity.Kind.SITUATIONAL,
        horizon=Activity.Horizon.SHORT,
        target_count=target,
    )
    for day in range(done):
        log_occurrence(activity, datetime.date(2025, 2, 1) + datetime.timedelta(days=7 * day))
    return activity


def log_occurrence(activity: Activity, held_on: datetime.date, *, what: str = "Medborgarmöte") -> Occurrence:
    return occurrence_log(activity=activity, held_on=held_on, what=what, where="Torget", reached=25, by=None)


def draft(municipality: Municipality, by: User, *, title: str | None = None, year: int | None = None) -> PromiseSet:
    """A draft for last year and this one (by default), so that once signed and published it is in force today."""
    year = clock.today().year - 1 if year is None else year
    return services.promise_set_create(
        municipality=municipality,
        title=title or f"Medborgarlöfte {year}–{year + 1}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year + 1, 12, 31),
        by=by,
    )


def sign(promise_set: PromiseSet, by: User) -> None:
    for name, title in [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]:
        services.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=promise_set.starts_on + SIGNED_AFTER, by=by
        )
    services.promise_set_sign(promise_set=promise_set, by=by)


def published(
    municipality: Municipality,
    by: User,
    *,
    text: str = "Polisen möter allmänheten tio gånger per år.",
    activity: Activity | None = None,
    planned: int | None = None,
    unit: str = "medborgarmöten",
) -> PromiseSet:
    """A published set with one promise and one activity, linked to `activity` or with `planned`."""
    promise_set = draft(municipality, by)
    promise = services.promise_add(promise_set=promise_set, text=text, by=by)
    services.promise_activity_add(
        promise=promise, who="polis", what=MEET, unit=unit, planned=planned, activity=activity, by=by
    )
    sign(promise_set, by)
    services.promise_set_publish(promise_set=promise_set, by=by)
    return promise_set
