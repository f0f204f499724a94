"""The demo coordinators' choices."""

from __future__ import annotations

import random

from samverkan.followup.notifications.demo import demo_load
from samverkan.followup.notifications.models import Kind
from samverkan.followup.notifications.selectors import frequencies_for
from samverkan.organisations.models import User
from samverkan.sources.models import ImportRun


def test_it_gives_both_demo_coordinators_a_choice_for_every_kind(db):
    for username in ("arjeplog.samordnare", "arvidsjaur.samordnare"):
        User.objects.create_user(username=username, password="password")
    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))
    arjeplog = frequencies_for(User.objects.get(username="arjeplog.samordnare"))
    arvidsjaur = frequencies_for(User.objects.get(username="arvidsjaur.samordnare"))
    assert arjeplog[Kind.ACTIVITY_OVERDUE] == "immediately" and arjeplog[Kind.NEW_SUGGESTION] == "immediately"
    assert arvidsjaur[Kind.STALE_SOURCE] == "never"
    assert User.objects.get(username="arjeplog.samordnare").notification_preferences.count() == len(Kind.values)
