from __future__ import annotations

from samverkan.sources.indicators.selectors import IndicatorPoint, indicator_series

from .conftest import DATA, run


def test_it_returns_one_indicator_for_the_asked_regions(world):
    run(DATA / "can_arjeplog.csv")
    source = "CAN Skolelevers drogvanor Norrbotten"
    assert indicator_series(key="alkoholkonsumenter-arskurs-9", region_codes=["2506", "25"]) == [
        IndicatorPoint("25", 2024, 36.1, 1874, f"{source} 2024"),
        IndicatorPoint("2506", 2024, 38.5, 26, f"{source} 2024"),
        IndicatorPoint("2506", 2025, 34.8, 23, f"{source} 2025"),
    ]
    assert indicator_series(key="alkoholkonsumenter-arskurs-9", region_codes=["2505"]) == []
