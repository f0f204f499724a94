"""Writes of the yearly wheel: coordination tasks and the present population from the events."""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from samverkan.followup.seasons import checklists
from samverkan.followup.seasons.models import CoordinationTask
from samverkan.organisations.models import Municipality, PresentPopulation, ResidentCount, User
from samverkan.situation.models import RecurringEvent

NO_RESIDENTS = _("There is no resident count for this year or earlier: add one first.")
UNKNOWN_KIND = _("Choose a kind of event.")
# Stored with the rows as their source note (data, like the demo's notes).
SOURCE_NOTE = "Folkmängd {residents_year} + förväntade besökare: {events}"
NO_EVENTS = "inga evenemang"


def event_start(event: RecurringEvent, year: int) -> datetime.date:
    last_day = calendar.monthrange(year, event.start_month)[1]
    return datetime.date(year, event.start_month, min(event.start_day, last_day))


@transaction.atomic
def tasks_prepare(*, event: RecurringEvent, year: int, kind: str) -> list[CoordinationTask]:
    """The kind's checklist as tasks of the event's year, due DUE_DAYS_BEFORE its start; tasks that
    already exist are kept as they are, so preparing twice changes nothing."""
    if kind not in checklists.CHECKLISTS:
        raise ValidationError({"kind": UNKNOWN_KIND})
    due_on = event_start(event, year) - datetime.timedelta(days=checklists.DUE_DAYS_BEFORE)
    created = []
    for task, owner_role in checklists.CHECKLISTS[kind]:
        row, was_created = CoordinationTask.objects.get_or_create(
            event=event, year=year, task=task, defaults={"kind": kind, "owner_role": owner_role, "due_on": due_on}
        )
        if was_created:
            created.append(row)
    return created


def task_mark(*, task: CoordinationTask, done: bool, by: User) -> None:
    task.done = done
    task.done_by = by if done else None
    task.save(update_fields=["done", "done_by"])


def _days_in_month(event: RecurringEvent, year: int, month: int) -> int:
    """How many days of the month the event covers in the year (a wrapping event covers both ends)."""
    last = calendar.monthrange(year, month)[1]
    start = (event.start_month, min(event.start_day, calendar.monthrange(year, event.start_month)[1]))
    end = (event.end_month, min(event.end_day, calendar.monthrange(year, event.end_month)[1]))
    days = [(month, day) for day in range(1, last + 1)]
    if end < start:
        return sum(1 for date in days if date >= start or date <= end)
    return sum(1 for date in days if start <= date <= end)


def visitors_by_month(events: list[RecurringEvent], year: int) -> dict[int, tuple[int, list[str]]]:
    """Per month, the events' expected extra population weighted by the share of the month each covers,
    and the names of the events that touch the month."""
    result = {}
    for month in range(1, 13):
        length = calendar.monthrange(year, month)[1]
        visitors, names = 0.0, []
        for event in events:
            days = _days_in_month(event, year, month)
            if days:
                visitors += event.expected_visitors * days / length
                names.append(event.name)
        result[month] = (round(visitors), names)
    return result


@transaction.atomic
def present_population_from_events(*, municipality: Municipality, year: int) -> list[PresentPopulation]:
    """Residents plus the events' visitors for each month of the year that has no figure yet;
    a month someone already entered is never overwritten."""
    residents = ResidentCount.objects.filter(municipality=municipality, year__lte=year).order_by("-year").first()
    if residents is None:
        raise ValidationError(NO_RESIDENTS)
    taken = set(PresentPopulation.objects.filter(municipality=municipality, year=year).values_list("month", flat=True))
    events = list(RecurringEvent.objects.filter(municipality=municipality))
    rows = [
        PresentPopulation(
            municipality=municipality,
            year=year,
            month=month,
            residents=residents.residents,
            visitors=visitors,
            source=SOURCE_NOTE.format(residents_year=residents.year, events=", ".join(names) or NO_EVENTS),
        )
        for month, (visitors, names) in visitors_by_month(events, year).items()
        if month not in taken
    ]
    for row in rows:
        row.full_clean()
    return PresentPopulation.objects.bulk_create(rows)
