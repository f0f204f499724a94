"""The communication plan's reminder: an activity not done whose planned day is within two weeks or past, told
to those who write for its owner (any party's writers when it has none), again when it is planned anew."""

from __future__ import annotations

import datetime

from samverkan.agreements.follow_up import communication_item_follow_up
from samverkan.core import clock
from samverkan.followup.notifications.communication import COMMUNICATION_DUE_DAYS
from samverkan.followup.notifications.models import Kind
from samverkan.followup.notifications.selectors import notices_for


def _titles(user, today: datetime.date) -> list[str]:
    return [n.title for n in notices_for(user=user, today=today, kinds=[Kind.COMMUNICATION_DUE])]


def _item(world, message: str, *, planned_in: int | None, owner, done: bool = False):
    today = clock.today()
    item = world.part1.communication_plan.create(
        message=message, audience="Invånare", channel="Webb", when="Vid behov", responsible="Kommunikatörer"
    )
    planned = today + datetime.timedelta(days=planned_in) if planned_in is not None else None
    communication_item_follow_up(
        item=item, planned_on=planned, done_on=today if done else None, owner=owner, by=world.alice
    )
    return item


def test_it_tells_the_owner_s_writers_of_an_activity_due(world):
    today = clock.today()
    _item(world, "Pressmeddelande om trygghetsvandring", planned_in=3, owner=world.arjeplog_org)
    _item(world, "Polisens webbnyhet", planned_in=-2, owner=world.lpo)
    _item(world, "Gemensam annons", planned_in=0, owner=None)
    _item(world, "Senare inlägg", planned_in=COMMUNICATION_DUE_DAYS + 1, owner=world.arjeplog_org)
    _item(world, "Redan gjort", planned_in=-5, owner=world.arjeplog_org, done=True)
    assert _titles(world.alice, today) == ["Gemensam annons", "Pressmeddelande om trygghetsvandring"]
    assert _titles(world.bob, today) == ["Polisens webbnyhet", "Gemensam annons"]
    assert _titles(world.charlie, today) == ["Gemensam annons"]
    assert _titles(world.lena, today) == [] and _titles(world.dave, today) == []


def test_it_tells_again_when_the_activity_is_planned_anew(world):
    today = clock.today()
    item = _item(world, "Pressmeddelande", planned_in=1, owner=world.arjeplog_org)
    [first] = notices_for(user=world.alice, today=today, kinds=[Kind.COMMUNICATION_DUE])
    communication_item_follow_up(
        item=item, planned_on=today + datetime.timedelta(days=5), done_on=None, owner=world.arjeplog_org, by=None
    )
    [second] = notices_for(user=world.alice, today=today, kinds=[Kind.COMMUNICATION_DUE])
    assert first.key != second.key
    assert second.path == f"{world.part1.get_absolute_url()}#communication-follow-up-heading"
