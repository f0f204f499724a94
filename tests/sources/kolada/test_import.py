from __future__ import annotations

from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.models import ImportRun

from .conftest import DATA, run, state

ARJEPLOG = DATA / "kolada_arjeplog.json"


def stored(kpi: str, region_code: str, year: int) -> dict[str, float | None]:
    values = KpiValue.objects.filter(kpi_id=kpi, region_code=region_code, year=year)
    return {value.gender: value.value for value in values}


def test_it_stores_every_value_per_kpi_region_year_and_gender(world):
    out, _err = run(ARJEPLOG)
    assert out.strip().splitlines()[-1] == "imported: 14 created, 0 updated, 0 skipped"
    assert stored("N07403", "2506", 2022) == {"T": 1154.7}
    assert stored("N07403", "2506", 2023) == {"T": 1231.2}
    assert stored("N31807", "2506", 2023) == {"K": 2.1, "M": 2.6, "T": 2.4}
    assert stored("N00945", "2506", 2023) == {"T": 2596.0}


def test_it_keeps_null_values_as_missing(world):
    run(ARJEPLOG)
    assert stored("N31807", "2506", 2024) == {"K": None, "M": None, "T": 2.2}


def test_it_stores_riket_and_region_norrbotten_as_country_and_county(world):
    run(ARJEPLOG)
    assert stored("N07403", "00", 2023) == {"T": 1012.9}
    assert stored("N07403", "25", 2023) == {"T": 1046.4}
    assert stored("N31807", "00", 2023) == {"K": 3.8, "M": 4.1, "T": 4.0}
    assert set(KpiValue.objects.filter(region_code__in=["00", "25"]).values_list("municipality", flat=True)) == {None}
    assert set(KpiValue.objects.filter(region_code="2506").values_list("municipality", flat=True)) == {
        world.arjeplog.pk
    }


def test_it_names_documented_kpis_and_accepts_unknown_ones(world):
    run(ARJEPLOG)
    violence = Kpi.objects.get(id="N07403")
    assert (violence.title, violence.unit) == ("Anmälda våldsbrott, antal/100 000 inv", "antal/100 000 inv")
    assert Kpi.objects.get(id="N00945").title == "N00945"


def test_it_records_the_run_of_every_value(world):
    run(ARJEPLOG)
    import_run = ImportRun.objects.get()
    assert (import_run.source, import_run.name, import_run.by) == ("kolada", str(ARJEPLOG), None)
    assert (import_run.created, import_run.updated, import_run.skipped) == (14, 0, 0)
    assert set(KpiValue.objects.values_list("run", flat=True)) == {import_run.pk}


def test_it_writes_nothing_on_a_dry_run(world):
    before = state()
    out, _err = run(ARJEPLOG, "--dry-run")
    assert out.strip().splitlines() == ["dry run: nothing was written", "imported: 14 created, 0 updated, 0 skipped"]
    assert state() == before
