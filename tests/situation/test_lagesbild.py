from __future__ import annotations

from django.urls import reverse

from samverkan.situation.selectors import INTERNAL, PUBLIC, situation_for_municipality
from tests.situation.conftest import YEAR


def internal(world) -> dict:
    return situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=INTERNAL).to_json()


def public(world) -> dict:
    return situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=PUBLIC).to_json()


def test_it_counts_incidents_per_1000_residents_and_per_1000_present(picture):
    rows = {r["category"]: r for r in internal(picture)["incidents"]}
    assert rows["Klotter"] == {
        "category": "Klotter",
        "focus_area": "BRÅ",
        "count": 4,
        "previous": 1,
        "per_1000_residents": 2.0,  # 4 / 2 000 × 1 000
        "per_1000_present": 1.6,  # 4 / 2 500 × 1 000
    }
    assert (rows["Brand"]["count"], rows["Brand"]["per_1000_residents"], rows["Brand"]["per_1000_present"]) == (
        1,
        0.5,
        0.4,
    )


def test_it_shows_small_counts_as_under_3_to_the_public(picture):
    rows = {r["category"]: r for r in public(picture)["incidents"]}
    assert rows["Klotter"]["count"] == 4 and rows["Klotter"]["previous"] == "<3"
    assert rows["Brand"] == {
        "category": "Brand",
        "focus_area": "BRÅ",
        "count": "<3",
        "previous": 0,
        "per_1000_residents": None,
        "per_1000_present": None,
    }


def test_it_rates_each_month_by_that_months_present_population(picture):
    months = {r["month"]: r for r in internal(picture)["incidents_by_month"]}
    assert months["2025-01"] == {"month": "2025-01", "count": 2, "present_population": 4000, "per_1000_present": 0.5}
    assert months["2025-07"] == {"month": "2025-07", "count": 1, "present_population": 2000, "per_1000_present": 0.5}
    assert months["2025-04"]["count"] == 0
    published = {r["month"]: r for r in public(picture)["incidents_by_month"]}
    assert published["2025-01"] == {
        "month": "2025-01",
        "count": "<3",
        "present_population": 4000,
        "per_1000_present": None,
    }


def test_it_rates_reported_crimes_by_residents_and_by_present_population(picture):
    assert internal(picture)["crime_statistics"] == [
        {
            "category": "Totalt antal brott",
            "year": 2025,
            "count": 50,
            "per_1000_residents": 25.0,  # 50 / 2 000 × 1 000
            "per_1000_present": 20.0,  # 50 / 2 500 × 1 000
            "preliminary": False,
            "residents_year": 2025,  # the residents the rate is per
        }
    ]


def test_it_counts_police_events_without_summaries(picture):
    assert internal(picture)["police_events"] == [{"type": "Trafikolycka", "count": 3, "previous": 1}]


def test_it_computes_the_survey_by_the_documented_rules(picture):
    (wave,) = internal(picture)["survey"]
    assert (wave["wave"], wave["respondents"]) == ("Trygghetsmätning 2025", 12)
    assert wave["problem_index"] == 3.0  # (6 × 6 + 6 × 0) / 12, the only item
    assert wave["unsafe_evening_share"] == 0.25  # 3 of 12
    assert wave["victimisation_share"] == 0.2  # 2 of 10 who answered Ja or Nej
    assert wave["items"] == [{"key": "problem_klotter", "text": "Klotter", "index": 3.0, "n": 12}]
    assert wave["opened_on"] == "2025-10-01" and wave["url"] == reverse("survey_results", args=[wave["wave_id"]])
    assert wave["areas"] == [
        {"delomrade": "Centrum", "respondents": 8, "problem_index": 4.5},  # 6 × 6 and 2 × 0 of 8
        {"delomrade": "Slagnäs", "respondents": 4, "problem_index": 0.0},
    ]


def test_it_hides_survey_figures_of_fewer_than_10_from_the_public(picture):
    (wave,) = public(picture)["survey"]
    assert wave["problem_index"] == 3.0  # 12 respondents
    assert [a["problem_index"] for a in wave["areas"]] == [None, None]  # 8 and 4


def test_it_hides_small_cells_from_the_public(picture):
    # Every incident was logged at one point: one cell of 5 (Gi* needs neighbours, so it is not significant).
    assert [(c["count"], c["significant"]) for c in public(picture)["hotspots"]] == [(5, False)]
    assert sum(cell["count"] for cell in internal(picture)["hotspots"]) == 5
    assert "points" not in internal(picture)


def test_it_ranks_klotter_on_incidents_and_survey(picture):
    problems = {p["name"]: p for p in internal(picture)["problems"]}
    klotter = problems["Klotter"]
    # Each component shrunk by a prior worth 5 observations (lib.ranking):
    # volume 4 / (4 + 5) (the largest count, as if it had 5 more);
    # trend (4 + 2.5) / (4 + 1 + 5), shrunk toward unchanged;
    # severity: 4 incidents of severity 2 -> 2 of 4 "successes" on 0–1, against every incident's mean 0.5:
    # (2 + 2.5) / (4 + 5); survey: index 3 of 6 from 12 answers against the items' mean 0.5: (6 + 2.5) / (12 + 5).
    expected = {"volume": 4 / 9, "trend": 0.65, "severity": 0.5, "survey": 0.5}
    assert {name: c["value"] for name, c in klotter["components"].items()} == {
        name: round(value, 3) for name, value in expected.items()
    }
    weights = {"volume": 0.25, "trend": 0.15, "severity": 0.10, "survey": 0.15}
    assert klotter["score"] == round(100 * sum(weights[k] * v for k, v in expected.items()) / sum(weights.values()), 1)
    assert klotter["low"] < klotter["score"] < klotter["high"]
    assert [e["source"] for e in klotter["evidence"]] == ["incidents", "survey"]
    scores = [p["score"] for p in internal(picture)["problems"]]
    assert scores == sorted(scores, reverse=True)


def test_it_ranks_the_police_events_under_their_theme(picture):
    # Trafikolycka ×3 in 2025, 1 in 2024: the traffic theme, on police events alone.
    traffic = next(p for p in internal(picture)["problems"] if p["name"] == "Trafik och buskörning")
    assert traffic["sources"] == ["police_events"]
    assert [(e["label"], e["value"], e["previous"]) for e in traffic["evidence"]] == [
        ("Polisens händelser: Trafikolycka", 3, 1)
    ]


def test_it_names_the_period_and_the_audience(picture):
    data = public(picture)
    assert (data["municipality"], data["start"], data["end"], data["audience"]) == (
        "2506",
        "2025-01-01",
        "2025-12-31",
        "public",
    )
