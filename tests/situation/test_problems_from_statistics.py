"""Problems ranked on Brå's statistics and the police's events alone: no incident logged, no survey answered.

Both come in through their real importers, from files shaped like the real ones: Brå's SOL text export
(tab-separated, ISO-8859-1, spaces between thousands, decimal comma, "prel" on the latest year) and the police's
events feed (JSON as polisen.se serves it).
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from samverkan.organisations.models import ResidentCount
from samverkan.situation.selectors import INTERNAL, PUBLIC, situation_for_municipality
from tests.situation.conftest import YEAR

SOL = """Anmälda brott, antal och per 100 000 inv

Brott\tRegion\tÅr\tPeriod\tAntal\t/100 000 inv
Misshandel\tArjeplog kommun\t2024\tJan-dec\t20\t778,2
Misshandel\tArjeplog kommun\t2025 prel\tJan-dec\t30\t1 167,3
Skadegörelse\tArjeplog kommun\t2024\tJan-dec\t14\t544,7
Skadegörelse\tArjeplog kommun\t2025 prel\tJan-dec\t12\t466,9
Narkotikastrafflagen\tArjeplog kommun\t2025 prel\tJan-dec\t4\t155,6
Misshandel\tNorrbottens län\t2025 prel\tJan-dec\t2 500\t1 000,0
Skadegörelse\tNorrbottens län\t2025 prel\tJan-dec\t12 500\t5 000,0
Narkotikastrafflagen\tNorrbottens län\t2025 prel\tJan-dec\t1 250\t500,0
Misshandel\tHela landet\t2025 prel\tJan-dec\t86 912\t823,7

Källa: Brottsförebyggande rådet (Brå)
Uppgifterna för 2025 är preliminära.
"""

# (type, the event's date): the feed's shape, each event in Arjeplog.
EVENTS = [("Misshandel", f"2025-0{m}-1{d} 21:0{d}:00 +0{1 if m < 4 else 2}:00") for m in (2, 5, 8) for d in (1, 2)]
EVENTS += [("Skadegörelse", "2025-06-03 02:10:00 +02:00"), ("Skadegörelse", "2024-06-03 02:10:00 +02:00")]
EVENTS += [("Narkotikabrott", "2025-09-09 19:45:00 +02:00")]


def feed() -> list[dict]:
    events = []
    for number, (kind, when) in enumerate(EVENTS, start=1):
        day = when[:10]
        events.append(
            {
                "id": 700_000 + number,
                "datetime": when,
                "name": f"{day}, {kind}, Arjeplog",
                "summary": "Händelse i Arjeplog.",
                "url": f"/aktuellt/handelser/{day.replace('-', '/')}/{number}/",
                "type": kind,
                "location": {"name": "Arjeplog", "gps": "66.051716,17.889061"},
            }
        )
    return events


@pytest.fixture
def statistics(world, tmp_path):
    ResidentCount.objects.create(municipality=world.arjeplog, year=2025, residents=2570, source="test")
    sol, events = tmp_path / "anmalda_brott.txt", tmp_path / "events.json"
    sol.write_bytes(SOL.encode("iso-8859-1"))
    events.write_text(json.dumps(feed(), ensure_ascii=False), encoding="utf-8")
    call_command("import_bra", str(sol), stdout=io.StringIO(), stderr=io.StringIO())
    call_command("import_police_events", str(events), stdout=io.StringIO(), stderr=io.StringIO())
    return world


def problems(world, audience=INTERNAL) -> dict[str, dict]:
    shown = situation_for_municipality(municipality=world.arjeplog, period=YEAR, audience=audience).to_json()
    assert shown["incidents"] == [] and shown["survey"] == []
    return {p["name"]: p for p in shown["problems"]}


def test_it_ranks_problems_on_bra_and_police_events_alone(statistics):
    ranked = problems(statistics)
    both = [name for name, p in ranked.items() if {"crime", "police_events"} <= set(p["sources"])]
    assert sorted(both) == ["Narkotika", "Skadegörelse", "Våld och hot"]
    violence = ranked["Våld och hot"]
    assert [(e["source"], e["value"], e["previous"]) for e in violence["evidence"]] == [
        ("police_events", 6, 0),
        ("crime", 30, 20),
    ]
    # Violence leads: the most events and crimes of any theme, rising, and above the county's level.
    assert next(iter(ranked)) == "Våld och hot"


def test_it_sets_each_crime_against_the_county_shrunk_by_hand(statistics):
    violence = problems(statistics)["Våld och hot"]
    # 30 assaults where the county's 1 000 per 100 000 would give 25.7 among 2 570 residents; a prior worth
    # 5 crimes at the county's level: θ = (30 + 5) / (25.7 + 5), shown as θ / (1 + θ).
    theta = 35 / 30.7
    assert violence["components"]["level"]["value"] == pytest.approx(round(theta / (1 + theta), 3))
    crime = next(e for e in violence["evidence"] if e["source"] == "crime")
    assert (crime["per_1000"], crime["county"], crime["country"]) == (round(30 / 2.57, 2), 10.0, 8.24)


def test_the_public_ranks_the_same_public_statistics(statistics):
    # Brå's statistics and the police's events are public: the public ranking rests on the same evidence.
    internal, public = problems(statistics), problems(statistics, PUBLIC)
    assert list(public) == list(internal)
    assert [p["score"] for p in public.values()] == [p["score"] for p in internal.values()]
