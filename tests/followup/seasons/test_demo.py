"""The demo's coordination tasks for the car-testing season 2026."""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.seasons.demo import demo_load
from samverkan.followup.seasons.models import CoordinationTask
from samverkan.organisations.models import Membership, Role, User
from samverkan.situation.models import RecurringEvent
from samverkan.sources.models import ImportRun


def test_it_prepares_the_car_testing_season_2026_in_both_municipalities(world):
    for username, organisation in [
        ("arjeplog.samordnare", world.arjeplog_org),
        ("arvidsjaur.samordnare", world.arvidsjaur_org),
    ]:
        user = User.objects.create(username=username)
        Membership.objects.create(user=user, organisation=organisation, role=Role.COORDINATOR)
    for municipality in (world.arjeplog, world.arvidsjaur):
        RecurringEvent.objects.create(
            municipality=municipality, name="Biltestsäsong", start_month=1, start_day=7, end_month=3, end_day=31
        )

    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))

    for code in ("2506", "2505"):
        tasks = CoordinationTask.objects.filter(event__municipality__code=code)
        assert tasks.count() == 5
        calendar = demo_calendar()  # the story's season, moved to the present
        assert {(t.year, t.due_on) for t in tasks} == {(calendar.year(2026), datetime.date(calendar.year(2025), 12, 8))}
        assert set(tasks.filter(done=True).values_list("done_by__username", flat=True)) == {
            f"{'arjeplog' if code == '2506' else 'arvidsjaur'}.samordnare"
        }
        assert tasks.filter(done=True).count() == 2
