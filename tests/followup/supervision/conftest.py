"""A hotel with a serving permit in Arjeplog and a shop selling tobacco in Arvidsjaur, on the shared cast."""

from __future__ import annotations

import datetime

import pytest

from samverkan.followup.supervision import services
from samverkan.followup.supervision.models import SupervisedObject, Visit

HOTEL = "Hotell Fjällsippan"


@pytest.fixture
def hotel(world) -> SupervisedObject:
    return services.supervised_object_create(
        municipality=world.arjeplog, name=HOTEL, permit=SupervisedObject.Permit.ALCOHOL, address="Storgatan 12"
    )


@pytest.fixture
def shop(world) -> SupervisedObject:
    return services.supervised_object_create(
        municipality=world.arvidsjaur, name="Butiken Torget", permit=SupervisedObject.Permit.TOBACCO
    )


def visit(obj: SupervisedObject, by, **values) -> Visit:
    arguments = {
        "object": obj,
        "visited_on": datetime.date(2025, 3, 8),
        "announced": False,
        "kind": Visit.Kind.OUTER,
        "joint_with_police": True,
        "checklist": {},
        "findings": "",
        "follow_up": "",
        "by": by,
    }
    return services.visit_create(**(arguments | values))
