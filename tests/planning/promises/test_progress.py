"""Progress counts once: a promise linked to an action-plan activity shows that activity's occurrences."""

from __future__ import annotations

import datetime

from samverkan.planning.actions.models import Activity
from samverkan.planning.promises import services
from samverkan.planning.promises.selectors import Progress, promise_activity_progress
from tests.planning.promises.conftest import action_activity, log_occurrence, published


def test_it_shows_the_linked_activitys_occurrences_against_its_target(world):
    activity = action_activity(world.arjeplog, target=10, done=6)
    promise_set = published(world.arjeplog, world.alice, activity=activity)
    promise_activity = promise_set.promises.get().activities.get()
    ongoing = str(Activity.Status.ONGOING.label)
    assert promise_activity_progress(promise_activity) == Progress(done=6, planned=10, status=ongoing)
    log_occurrence(activity, datetime.date(2025, 9, 1))
    assert promise_activity_progress(promise_activity).done == 7


def test_it_uses_its_own_planned_count_only_without_an_activity(world):
    promise_set = published(world.arjeplog, world.alice, planned=4)
    progress = promise_activity_progress(promise_set.promises.get().activities.get())
    assert progress == Progress(done=None, planned=4)
    assert not progress.complete


def test_it_counts_an_occurrence_once_for_every_version_of_the_promises(world):
    activity = action_activity(world.arjeplog, target=10, done=3)
    old = published(world.arjeplog, world.alice, activity=activity)
    new = services.promise_set_revise(promise_set=old, by=world.alice)
    for promise_set in (old, new):
        progress = promise_activity_progress(promise_set.promises.get().activities.get())
        assert (progress.done, progress.planned) == (3, 10)


def test_it_is_complete_at_the_target():
    assert Progress(done=10, planned=10).complete
    assert Progress(done=12, planned=10).complete
    assert not Progress(done=9, planned=10).complete
    assert not Progress(done=3, planned=None).complete
