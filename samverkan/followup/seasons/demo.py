"""Coordination tasks for the car-testing season 2026 in Arjeplog and Arvidsjaur, some already done."""

from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.seasons import services
from samverkan.followup.seasons.models import EventKind
from samverkan.organisations.models import User
from samverkan.situation.models import RecurringEvent
from samverkan.sources.models import ImportRun

YEAR = 2026
CAR_TESTING = "Biltestsäsong"
COORDINATORS = {"2506": "arjeplog.samordnare", "2505": "arvidsjaur.samordnare"}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    for code, username in COORDINATORS.items():
        coordinator = User.objects.get(username=username)
        for event in RecurringEvent.objects.filter(municipality__code=code, name=CAR_TESTING):
            year = demo_calendar().year(YEAR)  # the story's season, moved to the present
            tasks = services.tasks_prepare(event=event, year=year, kind=EventKind.CAR_TESTING)
            for task in rng.sample(tasks, k=2):
                services.task_mark(task=task, done=True, by=coordinator)
