from __future__ import annotations

import pytest
from django.http import Http404

from samverkan.agreements.access import get_agreement_for_user, visible_agreements
from samverkan.organisations.access import get_municipality_for_user
from tests.logged_in import request_of


def test_it_hides_arjeplogs_draft_from_an_outsider(world):
    with pytest.raises(Http404):
        get_agreement_for_user(request_of(world.charlie), world.arjeplog_part2.pk)
    assert world.arjeplog_part2 not in visible_agreements(world.charlie)


def test_it_shows_part_one_to_every_party(world):
    for user in (world.alice, world.bob, world.charlie, world.lena):
        assert get_agreement_for_user(request_of(user), world.part1.pk)[0] == world.part1


def test_it_hides_part_one_from_a_municipality_that_is_not_a_party(world):
    assert not visible_agreements(world.dave).exists()
    with pytest.raises(Http404):
        get_agreement_for_user(request_of(world.dave), world.part1.pk)


def test_it_lets_leadership_read_but_not_change(world):
    agreement, can_write = get_agreement_for_user(request_of(world.lena), world.arjeplog_part2.pk)
    assert agreement == world.arjeplog_part2
    assert not can_write
    assert not get_municipality_for_user(request_of(world.lena), "2506")[1]
