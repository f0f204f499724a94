"""The demo's dozen supervision visits in 2025, and the indicators they feed."""

from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.supervision.demo import demo_load
from samverkan.followup.supervision.models import Visit
from samverkan.organisations.models import Membership, Role, User
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.models import ImportRun


def test_it_loads_a_dozen_visits_and_their_indicators(world):
    for username, organisation, role in [
        ("arjeplog.samordnare", world.arjeplog_org, Role.COORDINATOR),
        ("arvidsjaur.samordnare", world.arvidsjaur_org, Role.COORDINATOR),
        ("polis.kontaktperson", world.lpo, Role.POLICE_CONTACT),
    ]:
        Membership.objects.create(user=User.objects.create(username=username), organisation=organisation, role=role)

    demo_load(rng=random.Random(1), run=ImportRun.objects.create(source="demo", name="demo"))

    assert Visit.objects.count() == 12
    assert {v.visited_on.year for v in Visit.objects.all()} == {demo_calendar().year(2025)}
    assert not Visit.objects.filter(kind="kontrollkop").exclude(findings="").exists()
    values = {
        (v.indicator.key, v.region_code): (v.value, v.n) for v in IndicatorValue.objects.select_related("indicator")
    }
    assert values == {
        ("tillsynsbesok-alkohol-antal", "2506"): (6.0, 6),
        ("andel-tillsynsbesok-med-brister", "2506"): (50.0, 6),
        ("tillsynsbesok-alkohol-antal", "2505"): (4.0, 4),
        ("andel-tillsynsbesok-med-brister", "2505"): (25.0, 4),
    }
