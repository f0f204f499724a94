"""A goal stands as its weakest measured indicator."""

from __future__ import annotations

from samverkan.followup.reports.status import goal_colour
from samverkan.planning.goals.status import GREEN, GREY, RED, YELLOW


def test_it_takes_the_weakest_measured_indicator():
    assert goal_colour([GREEN, YELLOW, GREY]) == YELLOW
    assert goal_colour([GREEN, RED, YELLOW]) == RED
    assert goal_colour([GREY, GREEN]) == GREEN


def test_it_has_no_data_without_a_measured_indicator():
    assert goal_colour([]) == GREY
    assert goal_colour([GREY, GREY]) == GREY
