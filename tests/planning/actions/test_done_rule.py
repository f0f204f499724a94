"""The one rule: the first occurrence starts an activity, the one that reaches the target completes it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samverkan.planning.actions import services
from samverkan.planning.actions.models import Activity
from samverkan.planning.actions.selectors import activity_progress
from tests.planning.actions.conftest import log_times

S = Activity.Status


def test_it_starts_an_activity_with_its_first_occurrence(world, arjeplog_plan):
    meet = arjeplog_plan.meet
    log_times(meet, 1, world.bob)
    meet.refresh_from_db()
    assert meet.status == S.ONGOING
    assert (meet.status_changed_by, activity_progress(meet)) == (world.bob, (1, 10))


def test_it_marks_meet_the_public_done_at_the_tenth_occurrence(world, arjeplog_plan):
    meet = arjeplog_plan.meet
    log_times(meet, 9, world.bob)
    meet.refresh_from_db()
    assert (meet.status, activity_progress(meet)) == (S.ONGOING, (9, 10))
    services.occurrence_log(
        activity=meet, held_on=datetime.date(2025, 12, 1), what="Julmarknad", where="Torget", reached=150, by=world.bob
    )
    meet.refresh_from_db()
    assert (meet.status, activity_progress(meet)) == (S.DONE, (10, 10))


def test_it_keeps_counting_after_the_target_without_changing_a_done_status(world, arjeplog_plan):
    drugs = arjeplog_plan.drugs
    log_times(drugs, 2, world.alice)
    drugs.refresh_from_db()
    assert (drugs.status, activity_progress(drugs)) == (S.DONE, (2, 1))


def test_it_leaves_a_cancelled_activity_cancelled(world, arjeplog_plan):
    meet = arjeplog_plan.meet
    services.activity_set_status(activity=meet, status=S.CANCELLED, comment="Ingen personal", by=world.alice)
    log_times(meet, 10, world.bob)
    meet.refresh_from_db()
    assert (meet.status, meet.status_comment) == (S.CANCELLED, "Ingen personal")


def test_it_only_starts_an_activity_without_a_count_target(world, arjeplog_plan):
    neighbours = arjeplog_plan.neighbours
    log_times(neighbours, 3, world.alice)
    neighbours.refresh_from_db()
    assert (neighbours.status, activity_progress(neighbours)) == (S.ONGOING, (3, None))


@pytest.mark.parametrize(
    ("status", "done", "target", "expected"),
    [
        (S.NOT_STARTED, 0, 10, S.NOT_STARTED),
        (S.NOT_STARTED, 1, 10, S.ONGOING),
        (S.NOT_STARTED, 1, 1, S.DONE),
        (S.ONGOING, 9, 10, S.ONGOING),
        (S.ONGOING, 10, 10, S.DONE),
        (S.ONGOING, 4, None, S.ONGOING),
        (S.DONE, 3, 10, S.DONE),
        (S.CANCELLED, 10, 10, S.CANCELLED),
    ],
)
def test_it_follows_the_rule(status, done, target, expected):
    assert services.status_after_occurrence(status=status, done=done, target=target) == expected


def test_it_refuses_an_occurrence_in_the_future(world, arjeplog_plan):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as raised:
        services.occurrence_log(
            activity=arjeplog_plan.meet, held_on=tomorrow, what="Polisen på torget", where="", reached=None, by=None
        )
    assert raised.value.messages == [str(services.OCCURRENCE_IN_FUTURE)]
    assert not arjeplog_plan.meet.occurrences.exists()


def test_it_refuses_a_personnummer_in_an_occurrence(world, arjeplog_plan):
    with pytest.raises(ValidationError) as raised:
        services.occurrence_log(
            activity=arjeplog_plan.meet,
            held_on=datetime.date(2025, 5, 1),
            what="Samtal med 850512-1234",
            where="Torget",
            reached=1,
            by=world.bob,
        )
    assert list(raised.value.message_dict) == ["what"]
    assert not arjeplog_plan.meet.occurrences.exists()
