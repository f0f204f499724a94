from __future__ import annotations

from decimal import Decimal

from samverkan.sources.bra.models import CrimeStatistic
from tests.sources.bra.helpers import FINAL_2025, NORRBOTTEN, figures, import_bra

TOTAL_2025 = ("Totalt antal brott", 2025, "helår")


def test_it_replaces_a_preliminary_figure_with_the_final_one(world):
    import_bra(str(NORRBOTTEN))
    assert figures("2506")[TOTAL_2025] == (298, Decimal("11595.30"), True)
    out, _err = import_bra(str(FINAL_2025))
    assert out.splitlines()[-1] == "imported: 0 created, 1 updated, 0 skipped"
    assert figures("2506")[TOTAL_2025] == (305, Decimal("11867.70"), False)


def test_it_never_replaces_a_final_figure_with_a_preliminary_one(world):
    import_bra(str(FINAL_2025))
    final = CrimeStatistic.objects.get(region_code="2506", year=2025)
    out, _err = import_bra(str(NORRBOTTEN))
    assert out.splitlines()[-1] == "imported: 15 created, 0 updated, 1 skipped"
    assert figures("2506")[TOTAL_2025] == (305, Decimal("11867.70"), False)
    assert CrimeStatistic.objects.get(region_code="2506", year=2025).run_id == final.run_id
