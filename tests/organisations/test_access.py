from __future__ import annotations

import pytest
from django.http import Http404

from samverkan.agreements.access import visible_agreements
from samverkan.organisations.access import get_municipality_for_user, visible_municipalities
from tests.logged_in import request_of


def test_it_gives_the_owner_her_municipality_to_change(world):
    municipality, can_write = get_municipality_for_user(request_of(world.alice), "2506")
    assert municipality == world.arjeplog
    assert can_write


def test_it_gives_the_police_every_municipality_of_their_area(world):
    assert set(visible_municipalities(world.bob)) == {world.arjeplog, world.arvidsjaur}
    assert get_municipality_for_user(request_of(world.bob), "2506")[1]


def test_it_gives_a_police_region_the_municipalities_of_its_areas(world):
    from samverkan.organisations.models import Membership, Role, User

    regional = User.objects.create_user("regional")
    Membership.objects.create(user=regional, organisation=world.lpo.parent, role=Role.LEADERSHIP)
    assert set(visible_municipalities(regional)) == {world.arjeplog, world.arvidsjaur}
    assert world.part1 in visible_agreements(regional)


def test_it_hides_arjeplog_from_an_outsider(world):
    with pytest.raises(Http404):
        get_municipality_for_user(request_of(world.charlie), "2506")
    assert world.arjeplog not in visible_municipalities(world.charlie)


def test_it_narrows_a_membership_to_one_municipality(world):
    from samverkan.organisations.models import Membership, Role, User

    reporter = User.objects.create_user("reporter")
    Membership.objects.create(user=reporter, organisation=world.lpo, municipality=world.arvidsjaur, role=Role.REPORTER)
    assert list(visible_municipalities(reporter)) == [world.arvidsjaur]
    assert world.arjeplog_part2 not in visible_agreements(reporter)


def test_it_gives_nothing_to_an_inactive_user(world):
    world.alice.is_active = False
    world.alice.save()
    world.alice.refresh_from_db()
    assert not visible_municipalities(world.alice).exists()
    assert not visible_agreements(world.alice).exists()
