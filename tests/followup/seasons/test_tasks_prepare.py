"""Preparing an event's year from the checklist of its kind: due 30 days before the start, idempotent."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from samverkan.followup.seasons import checklists, services
from samverkan.followup.seasons.models import CoordinationTask, EventKind


def test_it_creates_the_kinds_checklist_due_thirty_days_before_the_start(car_testing):
    created = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.CAR_TESTING)

    assert [(t.task, t.owner_role) for t in created] == checklists.CHECKLISTS[checklists.CAR_TESTING]
    assert {t.due_on for t in created} == {datetime.date(2025, 12, 8)}
    assert {(t.year, t.kind, t.done) for t in created} == {(2026, "biltest", False)}


def test_it_changes_nothing_when_prepared_twice(car_testing, world):
    first = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.CAR_TESTING)
    services.task_mark(task=first[0], done=True, by=world.alice)

    again = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.CAR_TESTING)

    assert again == []
    assert CoordinationTask.objects.count() == len(first)
    assert CoordinationTask.objects.get(pk=first[0].pk).done_by == world.alice


def test_it_adds_only_the_missing_items_of_another_kind(car_testing):
    services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.HOLIDAY)
    added = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.CAR_TESTING)

    assert [t.task for t in added] == [checklists.TRAFFIC[0], checklists.SERVING[0]]


def test_it_refuses_an_unknown_kind(car_testing):
    with pytest.raises(ValidationError) as error:
        services.tasks_prepare(event=car_testing, year=2026, kind="konsert")

    assert error.value.message_dict == {"kind": [str(services.UNKNOWN_KIND)]}


def test_it_clears_done_by_when_a_task_is_reopened(car_testing, world):
    task = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.HOLIDAY)[0]
    services.task_mark(task=task, done=True, by=world.alice)
    services.task_mark(task=task, done=False, by=world.bob)

    task.refresh_from_db()
    assert (task.done, task.done_by) == (False, None)
