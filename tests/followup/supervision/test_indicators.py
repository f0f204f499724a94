"""The visits feed the ANDT-S indicators goals bind to: alcohol visits done, and the share with findings."""

from __future__ import annotations

import datetime

from samverkan.followup.supervision import services
from samverkan.followup.supervision.models import SupervisedObject, Visit
from samverkan.sources.indicators.models import IndicatorValue
from samverkan.sources.models import ImportRun
from tests.followup.supervision.conftest import visit


def values(year: int) -> dict[str, tuple]:
    rows = IndicatorValue.objects.filter(year=year).select_related("indicator", "run")
    return {row.indicator.key: (row.region_code, row.municipality_id, row.value, row.n, row.run.source) for row in rows}


def test_it_counts_the_alcohol_visits_and_their_share_with_findings(hotel, shop, world):
    pub = SupervisedObject.objects.create(municipality=world.arjeplog, name="Pub Norrsken", permit="alkohol")
    visit(hotel, world.bob)
    visit(hotel, world.bob, findings="Servering efter tillåten tid.")
    visit(pub, world.alice, kind=Visit.Kind.INNER)
    visit(pub, world.alice, kind=Visit.Kind.TEST_PURCHASE, follow_up="Dialog.")
    visit(hotel, world.bob, visited_on=datetime.date(2024, 5, 1), findings="Äldre brist.")
    visit(shop, world.charlie, findings="Varningstext saknas.")

    assert values(2025) == {
        "tillsynsbesok-alkohol-antal": ("2506", world.arjeplog.id, 3.0, 3, "tillsyn"),
        "andel-tillsynsbesok-med-brister": ("2506", world.arjeplog.id, 33.3, 3, "tillsyn"),
    }
    assert values(2024)["andel-tillsynsbesok-med-brister"][2:4] == (100.0, 1)


def test_it_writes_zero_visits_and_no_share_for_a_year_without_visits(world):
    run = services.supervision_indicators_update(municipality=world.arvidsjaur, year=2025)

    assert values(2025) == {
        "tillsynsbesok-alkohol-antal": ("2505", world.arvidsjaur.id, 0.0, 0, "tillsyn"),
        "andel-tillsynsbesok-med-brister": ("2505", world.arvidsjaur.id, None, 0, "tillsyn"),
    }
    assert (run.created, run.updated) == (2, 0)
    again = services.supervision_indicators_update(municipality=world.arvidsjaur, year=2025)
    assert (again.created, again.updated) == (0, 2)
    assert IndicatorValue.objects.count() == 2 and ImportRun.objects.filter(source="tillsyn").count() == 2
