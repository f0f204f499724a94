"""The supervision figures are the imported indicators of the same names: one value per municipality and year.
An imported register gives the years before; a year with visits recorded here takes the visits' figures.

By hand: the register says 14 visits in 2024 and 15 in 2025, 0 % and 20 % with findings. Recorded here in
2025: two alcohol visits, one with findings -> 2 visits, 50 %.
"""

from __future__ import annotations

import io

from django.core.management import call_command

from samverkan.sources.indicators.models import IndicatorValue
from tests.followup.supervision.conftest import visit

REGISTER = """indicator,municipality,year,value,n,source
Tillsynsbesök alkohol (antal),2506,2024,14,,Kommunens tillsynsregister
Tillsynsbesök alkohol (antal),2506,2025,15,,Kommunens tillsynsregister
Andel tillsynsbesök med brister (%),2506,2024,0,14,Kommunens tillsynsregister
Andel tillsynsbesök med brister (%),2506,2025,20,15,Kommunens tillsynsregister
"""


def test_it_keeps_one_value_a_year_the_visits_deciding_their_year(world, hotel, tmp_path):
    register = tmp_path / "tillsyn.csv"
    register.write_text(REGISTER, encoding="utf-8")
    call_command("import_indicators", str(register), stdout=io.StringIO(), stderr=io.StringIO())
    visit(hotel, world.bob)
    visit(hotel, world.bob, findings="Servering efter tillåten tid.")
    rows = IndicatorValue.objects.filter(region_code="2506").order_by("indicator__key", "year")
    assert [(row.indicator.key, row.year, row.value, row.n) for row in rows] == [
        ("andel-tillsynsbesok-med-brister", 2024, 0.0, 14),
        ("andel-tillsynsbesok-med-brister", 2025, 50.0, 2),
        ("tillsynsbesok-alkohol-antal", 2024, 14.0, None),
        ("tillsynsbesok-alkohol-antal", 2025, 2.0, 2),
    ]
