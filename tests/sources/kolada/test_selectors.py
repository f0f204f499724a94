from __future__ import annotations

from samverkan.sources.kolada.selectors import KpiPoint, kpi_series

from .conftest import DATA, run


def test_it_returns_one_kpi_for_the_asked_regions_and_gender(world):
    run(DATA / "kolada_arjeplog.json")
    assert kpi_series(kpi_id="N31807", region_codes=["2506", "00"]) == [
        KpiPoint("00", 2023, 4.0, ""),
        KpiPoint("2506", 2023, 2.4, ""),
        KpiPoint("2506", 2024, 2.2, ""),
    ]
    assert kpi_series(kpi_id="N31807", region_codes=["2506"], gender="K") == [
        KpiPoint("2506", 2023, 2.1, ""),
        KpiPoint("2506", 2024, None, ""),
    ]
    assert kpi_series(kpi_id="N07403", region_codes=["2505"]) == []
