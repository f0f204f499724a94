"""Every page that lists adopted situation pictures lists the same ones to a user as the user may open.

An adopted lägesbild holds the full figures, so it is for the parties to the picture (DOMAIN.md §4): the
municipality's own organisation and the police of its area; a joint one, the readers of the police area. Bob, the
police contact of Arjeplog's area, meets Arjeplog's and the area's pictures on every page and opens them; Charlie
(Arvidsjaur's coordinator) and Petra (a housing company reading Arjeplog, not a party to its picture) meet them
on none and get 404.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.core import clock
from samverkan.organisations.models import Organisation, Role
from samverkan.situation import services
from samverkan.situation.selectors import Period, joint_picture_for, picture_for
from tests.conftest import _organisation, _user

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(world):
    period = Period.last_full_year(clock.today())
    municipal = services.baseline_adopt(
        picture=picture_for(municipality=world.arjeplog, period=period), by=world.alice, municipality=world.arjeplog
    )
    area = Organisation.objects.get(kind=Organisation.Kind.POLICE_AREA)
    joint = services.baseline_adopt(
        picture=joint_picture_for(police_area=area, period=period), by=world.bob, police_area=area
    )
    return municipal, joint, area


def _listing_pages(area: Organisation) -> list[str]:
    return [
        reverse("situation"),
        reverse("situation_municipality", args=["2506"]),
        reverse("municipality", args=["2506"]),
        reverse("situation_joint", args=[area.pk]),
    ]


def _seen(client, user, baseline, pages: list[str]) -> tuple[list[bool], int]:
    """Where the user meets the baseline's link (a page the user cannot open lists nothing), and what opening it
    answers."""
    client.force_login(user)
    listed = []
    for url in pages:
        response = client.get(url)
        listed.append(response.status_code == 200 and baseline.get_absolute_url() in response.content.decode())
    return listed, client.get(baseline.get_absolute_url()).status_code


def test_it_lists_the_pictures_to_the_police_of_the_area_on_every_page(client, world, adopted):
    municipal, joint, area = adopted
    pages = _listing_pages(area)
    assert _seen(client, world.bob, municipal, pages[:3]) == ([True, True, True], 200)
    assert _seen(client, world.bob, joint, [pages[0], pages[3]]) == ([True, True], 200)


def test_it_lists_the_pictures_to_an_outsider_on_no_page(client, world, adopted):
    municipal, joint, area = adopted
    housing = _organisation("Arjeplogshus", Organisation.Kind.PARTNER, world.arjeplog)
    petra = _user("petra", housing, Role.GROUP_MEMBER)
    pages = _listing_pages(area)
    for user in (world.charlie, petra):
        assert _seen(client, user, municipal, pages[:3]) == ([False, False, False], 404)
        assert _seen(client, user, joint, [pages[0], pages[3]]) == ([False, False], 404)
