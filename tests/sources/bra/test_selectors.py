from __future__ import annotations

from decimal import Decimal

from samverkan.sources.bra.selectors import CrimeFigure, crime_statistics_for
from tests.sources.bra.helpers import DATABASFIL, NORRBOTTEN, import_bra

PERSON = ("Totalt antal brott", "Brott mot brottsbalken", "3-7 kap. Brott mot person")


def test_it_gives_a_regions_figures_in_tree_order(world):
    import_bra(str(NORRBOTTEN))
    import_bra(str(DATABASFIL))
    assert crime_statistics_for(region_code="2506", years=[2024, 2025]) == [
        CrimeFigure("Totalt antal brott", ("Totalt antal brott",), 2024, "helår", 341, Decimal("13268.50"), False),
        CrimeFigure("Totalt antal brott", ("Totalt antal brott",), 2025, "helår", 298, Decimal("11595.30"), True),
        CrimeFigure("Totalt antal brott", ("Totalt antal brott",), 2025, "jan-jun", 151, Decimal("5875.50"), True),
        CrimeFigure("Misshandel", (*PERSON, "Misshandel"), 2024, "helår", 24, Decimal("933.90"), False),
        CrimeFigure("Misshandel", (*PERSON, "Misshandel"), 2025, "jan-jun", 12, Decimal("466.90"), True),
        CrimeFigure("Våldtäkt", (*PERSON, "Våldtäkt"), 2025, "jan-jun", None, None, True),
        CrimeFigure(
            "Klotter",
            ("Totalt antal brott", "Brott mot brottsbalken", "12 kap. Skadegörelsebrott", "Klotter"),
            2024,
            "helår",
            9,
            Decimal("350.20"),
            False,
        ),
        CrimeFigure(
            "Narkotikastrafflagen",
            ("Totalt antal brott", "Brott mot specialstraffrättsliga författningar", "Narkotikastrafflagen"),
            2025,
            "jan-jun",
            8,
            Decimal("311.30"),
            True,
        ),
    ]


def test_it_gives_every_year_without_a_filter(world):
    import_bra(str(NORRBOTTEN))
    assert [f.year for f in crime_statistics_for(region_code="2506")] == [2023, 2024, 2025, 2023, 2024, 2023, 2024]
    assert crime_statistics_for(region_code="2580") == []
