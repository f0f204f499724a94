from __future__ import annotations

from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.models import ImportRun

from .conftest import DATA, run, state


def stored(key: str, region_code: str, year: int) -> tuple[float | None, int | None, str]:
    value = IndicatorValue.objects.get(indicator__key=key, region_code=region_code, year=year)
    return value.value, value.n, value.source_note


def test_it_stores_values_of_a_utf8_file_by_kommunkod_or_name(world):
    out, _err = run(DATA / "can_arjeplog.csv")
    assert out.strip().splitlines()[-1] == "imported: 7 created, 0 updated, 0 skipped"
    key = "alkoholkonsumenter-arskurs-9"
    assert Indicator.objects.get(key=key).name == "Alkoholkonsumenter, årskurs 9"
    assert stored(key, "2506", 2024) == (38.5, 26, "CAN Skolelevers drogvanor Norrbotten 2024")
    assert stored(key, "2506", 2025) == (34.8, 23, "CAN Skolelevers drogvanor Norrbotten 2025")
    assert stored("narkotikaerfarenhet-gymnasiet-ar-2", "2506", 2024)[:2] == (12.5, 8)
    assert stored(key, "25", 2024)[:2] == (36.1, 1874)
    assert stored(key, "00", 2024) == (30.9, 5012, "CAN Skolelevers drogvanor 2024, riket")
    assert stored("tillsynsbesok-alkohol-antal", "2506", 2024) == (14.0, None, "Kommunens tillsynsregister")
    assert stored("rokare-arskurs-9", "2506", 2025) == (None, None, "För få svar för att redovisa")
    assert set(IndicatorValue.objects.filter(region_code="2506").values_list("municipality", flat=True)) == {
        world.arjeplog.pk
    }
    assert set(IndicatorValue.objects.filter(region_code__in=["25", "00"]).values_list("municipality", flat=True)) == {
        None
    }


def test_it_stores_values_of_an_iso_8859_1_semicolon_file(world):
    out, _err = run(DATA / "can_arvidsjaur_latin1.csv")
    assert out.strip().splitlines()[-1] == "imported: 4 created, 0 updated, 0 skipped"
    assert stored("snusare-arskurs-9", "2505", 2024)[:2] == (14.3, 56)
    assert stored("snusare-arskurs-9", "2505", 2025)[:2] == (12.0, 49)
    assert stored("andel-tillsynsbesok-med-brister", "2505", 2024)[:2] == (18.8, 16)
    assert stored("spel-om-pengar-gymnasiet-ar-2", "2505", 2024) == (None, 41, "Frågan ställdes inte i år")


def test_it_records_the_run_of_every_value(world):
    run(DATA / "can_arjeplog.csv")
    import_run = ImportRun.objects.get()
    assert (import_run.source, import_run.created, import_run.by) == ("indicators", 7, None)
    assert set(IndicatorValue.objects.values_list("run", flat=True)) == {import_run.pk}


def test_it_writes_nothing_on_a_dry_run(world):
    before = state()
    out, _err = run(DATA / "can_arjeplog.csv", "--dry-run")
    assert out.strip().splitlines() == ["dry run: nothing was written", "imported: 7 created, 0 updated, 0 skipped"]
    assert state() == before
