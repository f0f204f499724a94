from __future__ import annotations

from decimal import Decimal

from samverkan.sources.bra.models import CrimeStatistic
from samverkan.sources.models import ImportRun
from tests.sources.bra.helpers import NORRBOTTEN, database_state, figures, import_bra


def test_it_stores_the_figures_of_a_tab_separated_latin1_export(world):
    out, _err = import_bra(str(NORRBOTTEN))
    assert out.splitlines()[-1] == "imported: 16 created, 0 updated, 0 skipped"
    assert figures("2506") == {
        ("Totalt antal brott", 2023, "helår"): (312, Decimal("12140.10"), False),
        ("Misshandel", 2023, "helår"): (21, Decimal("817.10"), False),
        ("Klotter", 2023, "helår"): (None, None, False),
        ("Totalt antal brott", 2024, "helår"): (341, Decimal("13268.50"), False),
        ("Misshandel", 2024, "helår"): (24, Decimal("933.90"), False),
        ("Klotter", 2024, "helår"): (9, Decimal("350.20"), False),
        ("Totalt antal brott", 2025, "helår"): (298, Decimal("11595.30"), True),
    }
    assert figures("2505") == {
        ("Totalt antal brott", 2024, "helår"): (702, Decimal("11719.50"), False),
        ("Misshandel", 2024, "helår"): (51, Decimal("851.40"), False),
        ("Klotter", 2024, "helår"): (17, Decimal("283.80"), False),
    }
    assert figures("25") == {
        ("Totalt antal brott", 2024, "helår"): (31855, Decimal("12731.80"), False),
        ("Misshandel", 2024, "helår"): (2456, Decimal("981.60"), False),
        ("Klotter", 2024, "helår"): (1203, Decimal("480.80"), False),
    }
    assert figures("00") == {
        ("Totalt antal brott", 2024, "helår"): (1467712, Decimal("13909.60"), False),
        ("Misshandel", 2024, "helår"): (86912, Decimal("823.70"), False),
        ("Klotter", 2024, "helår"): (48233, Decimal("457.10"), False),
    }


def test_it_links_municipal_figures_to_their_municipality_only(world):
    import_bra(str(NORRBOTTEN))
    links = set(CrimeStatistic.objects.values_list("region_code", "municipality__code"))
    assert links == {("2506", "2506"), ("2505", "2505"), ("25", None), ("00", None)}


def test_it_records_the_run_of_every_value(world):
    import_bra(str(NORRBOTTEN))
    run = ImportRun.objects.get()
    assert (run.source, run.name, run.by, run.created) == ("bra", str(NORRBOTTEN), None, 16)
    assert set(CrimeStatistic.objects.values_list("run", flat=True)) == {run.id}


def test_it_changes_nothing_the_second_time(world):
    import_bra(str(NORRBOTTEN))
    before = database_state()
    out, _err = import_bra(str(NORRBOTTEN))
    assert out.splitlines()[-1] == "imported: 0 created, 0 updated, 16 skipped"
    assert database_state() == before


def test_it_writes_nothing_on_a_dry_run(world):
    before = database_state()
    out, _err = import_bra(str(NORRBOTTEN), "--dry-run")
    assert out.splitlines() == ["dry run: nothing was written", "imported: 16 created, 0 updated, 0 skipped"]
    assert database_state() == before


def test_it_updates_a_corrected_figure(world):
    import_bra(str(NORRBOTTEN))
    CrimeStatistic.objects.filter(region_code="2506", year=2024, category__name="Misshandel").update(count=99)
    out, _err = import_bra(str(NORRBOTTEN))
    assert out.splitlines()[-1] == "imported: 0 created, 1 updated, 15 skipped"
    assert figures("2506")[("Misshandel", 2024, "helår")] == (24, Decimal("933.90"), False)
