"""An activity as it stood at the end of a day: its progress counts the occurrences held by then, and its status
is the one set by then, or, when it was set later, what the occurrences by then made it (with no comment)."""

from __future__ import annotations

import datetime

from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity
from samverkan.planning.actions.selectors import activity_progress, activity_status_on
from samverkan.planning.promises import services as promises
from samverkan.planning.promises.selectors import promise_activity_progress

D = datetime.date
S = Activity.Status


def log(activity: Activity, day: datetime.date) -> None:
    services.occurrence_log(activity=activity, held_on=day, what="Tillfälle", where="", reached=None, by=None)


def set_at(activity: Activity, status: str, comment: str, day: datetime.date) -> None:
    services.activity_set_status(activity=activity, status=status, comment=comment, by=None)
    at = datetime.datetime.combine(day, datetime.time(12), datetime.UTC)
    Activity.objects.filter(pk=activity.pk).update(status_changed_at=at)
    activity.refresh_from_db()


def test_it_counts_the_occurrences_held_by_the_day(arjeplog_plan):
    meet = arjeplog_plan.meet  # a target of 10 times
    for day in (D(2025, 3, 1), D(2025, 9, 1), D(2026, 2, 1)):
        log(meet, day)
    assert activity_progress(meet) == (3, 10)
    assert activity_progress(meet, until=D(2025, 12, 31)) == (2, 10)
    assert activity_progress(meet, until=D(2025, 3, 1)) == (1, 10)
    assert activity_progress(meet, until=D(2025, 2, 28)) == (0, 10)


def test_it_takes_the_status_set_by_the_day_or_what_the_occurrences_made_it(arjeplog_plan):
    neighbours, drugs = arjeplog_plan.neighbours, arjeplog_plan.drugs
    set_at(neighbours, S.DONE, "Klart i tre byar.", D(2026, 5, 4))
    assert activity_status_on(neighbours, D(2026, 5, 4)) == (S.DONE, "Klart i tre byar.")
    assert activity_status_on(neighbours, D(2025, 12, 31)) == (S.NOT_STARTED, "")  # nothing held in 2025
    log(drugs, D(2025, 4, 1))
    set_at(drugs, S.CANCELLED, "Skolan sa nej.", D(2026, 1, 20))
    assert activity_status_on(drugs, D(2025, 12, 31)) == (S.ONGOING, "")  # held once by then
    assert activity_status_on(drugs, D(2026, 1, 20)) == (S.CANCELLED, "Skolan sa nej.")


def test_it_gives_a_promise_its_activitys_progress_on_the_day(world, arjeplog_plan):
    meet = arjeplog_plan.meet
    for day in (D(2025, 3, 1), D(2025, 9, 1), D(2026, 2, 1)):
        log(meet, day)
    promise_set = promises.promise_set_create(
        municipality=world.arjeplog,
        title="Medborgarlöfte",
        starts_on=D(2025, 1, 1),
        ends_on=D(2026, 12, 31),
        by=world.alice,
    )
    promise = promises.promise_add(promise_set=promise_set, text="Polisen möter allmänheten.", by=world.alice)
    linked = promises.promise_activity_add(
        promise=promise, who="polis", what="Möten", unit="möten", activity=meet, by=world.alice
    )
    assert (promise_activity_progress(linked).done, promise_activity_progress(linked).planned) == (3, 10)
    at_year_end = promise_activity_progress(linked, until=D(2025, 12, 31))
    assert (at_year_end.done, at_year_end.planned) == (2, 10)
