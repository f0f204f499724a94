"""The audience boundary: nothing the public sees may depend on a count below 3 (or a survey figure of fewer
than 10 answers).

The property: two pictures that differ only in their small figures (1 instead of 2 incidents, another
index from 7 answers) look exactly the same to the public – in the JSON, the page's sections with their
charts, and the PDF – so no shown number can be derived from the small ones. Large figures, which the
public may see, are the same in both pictures.
"""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from samverkan.situation import picture as facts
from samverkan.situation.audience import INTERNAL, PUBLIC, for_audience
from samverkan.situation.presentation import charts_for, glance, key_figure_panels
from samverkan.situation.reports import pdf_for
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import IncidentReport, incident_report
from tests.conftest import ARJEPLOG_BOX

NAMES = ["Klotter", "Brand", "Skadegörelse", "Nedskräpning", "Inbrott", "Egen kategori"]
CELLS = ["8908e63154bffff", "8908e631547ffff", "8908e631543ffff", "8908e63155bffff"]


def small(draw) -> int:
    return draw(st.sampled_from([1, 2]))


def large(draw) -> int:
    return draw(st.integers(3, 40))


@st.composite
def structures(draw):
    """Which figures are small (below 3 incidents, below 10 answers) and which are large, and the large values."""
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    return {
        "categories": [(n, draw(st.booleans()), draw(st.booleans()), large(draw), large(draw)) for n in names],
        "months": [(draw(st.sampled_from(["zero", "small", "large"])), large(draw)) for _ in range(12)],
        "seasons": [(draw(st.booleans()), large(draw), draw(st.integers(0, 30))) for _ in range(12)],
        "cells": [(cell, draw(st.booleans()), large(draw)) for cell in CELLS[: draw(st.integers(0, 4))]],
        "waves": [(draw(st.booleans()), draw(st.integers(10, 200))) for _ in range(draw(st.integers(0, 2)))],
        "indicator": (draw(st.booleans()), draw(st.floats(0, 100, allow_nan=False))),
    }


def build(structure: dict, draw) -> facts.SituationPicture:
    """A picture of the structure; every small figure drawn anew, every large one as the structure says."""
    categories = tuple(
        facts.CategoryFact(
            name,
            "BRÅ",
            count := small(draw) if is_small else big,
            small(draw) if previous_small else big_previous,
            count * draw(st.integers(1, 3)) if is_small else big * 2,
        )
        for name, is_small, previous_small, big, big_previous in structure["categories"]
    )
    months = tuple(
        facts.MonthFact(2025, i + 1, 0 if kind == "zero" else small(draw) if kind == "small" else big, 2000.0)
        for i, (kind, big) in enumerate(structure["months"])
    )
    seasons = tuple(
        facts.SeasonFact(i + 1, small(draw) if is_small else big, events, 2000.0)
        for i, (is_small, big, events) in enumerate(structure["seasons"])
    )
    waves = tuple(
        facts.WaveFact(
            wave_id=i + 1,
            name=f"Trygghetsmätning {2024 + i}",
            opened_on=datetime.date(2024 + i, 10, 1),
            respondents=draw(st.integers(1, 9)) if is_small else respondents,
            problem_index=draw(st.floats(0, 6)) if is_small else 2.5,
            unsafe_evening_share=draw(st.floats(0, 1)) if is_small else 0.25,
            victimisation_share=draw(st.floats(0, 1)) if is_small else 0.1,
            items=(
                facts.ItemFact(
                    "problem_klotter",
                    "Klotter",
                    draw(st.floats(0, 6)) if is_small else 3.0,
                    draw(st.integers(1, 9)) if is_small else respondents,
                ),
            ),
            areas=(facts.AreaFact("Centrum", draw(st.integers(1, 9)), draw(st.floats(0, 6))),),
        )
        for i, (is_small, respondents) in enumerate(structure["waves"])
    )
    n_small, value = structure["indicator"]
    return facts.SituationPicture(
        schema=facts.SCHEMA_VERSION,
        municipality=facts.Region("2506", "Arjeplog"),
        county=facts.Region("25", "Norrbottens län"),
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        generated_at=datetime.datetime(2026, 1, 15, 9, 0, tzinfo=datetime.UTC),
        population=(facts.YearPopulation(2025, 2000, 2025, 2500.0),),
        present_mean=2500.0,
        categories=categories,
        months=months,
        season_years=(2023, 2025),
        seasons=seasons,
        named_seasons=(facts.NamedSeason("Biltestsäsong", (1, 2, 3), 2000),),
        police_events=(facts.EventFact("rattfylleri", "Rattfylleri", 2, 1),),
        crime=(facts.CrimeFact("Totalt antal brott", 2025, 50, False),),
        survey=waves,
        kolada=(),
        indicators=(
            facts.IndicatorFact(
                "alkohol_ak9",
                "Alkoholkonsumenter åk 9",
                "2506",
                2025,
                draw(st.floats(0, 100, allow_nan=False)) if n_small else value,
                draw(st.integers(1, 9)) if n_small else 40,
            ),
        ),
        hotspot_resolution=9,
        cells=tuple(
            facts.CellFact(cell, small(draw) if is_small else big) for cell, is_small, big in structure["cells"]
        ),
        raised=(facts.RaisedFact("Klotter vid skolan", "BRÅ", 4, 7, 12),),
        comparison_regions=(facts.Region("2506", "Arjeplog"), facts.Region("25", "Norrbottens län")),
        comparison_crime=(facts.ComparisonCrime("2506", 2025, 2500.0, False),),
        comparison_survey=(),
        conclusions=(facts.Conclusion("", "Klottret ökar."),),
    )


def public_renderings(picture: facts.SituationPicture, *, pdf: bool = False) -> tuple[str, ...]:
    shown = for_audience(picture, PUBLIC)
    charts = charts_for(shown, ARJEPLOG_BOX)
    rendered: tuple[str, ...] = (
        json.dumps(shown.to_json(), ensure_ascii=False, sort_keys=True),
        render_to_string(
            "situation/sections.html", {"data": shown, "charts": charts, "key_figures": key_figure_panels(shown)}
        ),
        render_to_string("situation/glance.html", {"data": shown, "glance": glance(shown)}),
    )
    if pdf:
        reader = PdfReader(io.BytesIO(pdf_for(shown, charts)))
        rendered += ("".join(page.extract_text() for page in reader.pages),)
    return rendered


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structure=structures(), data=st.data())
@pytest.mark.django_db  # the hotspots are named by the municipality's named places
def test_it_shows_the_public_nothing_that_depends_on_a_small_figure(structure, data):
    one, other = build(structure, data.draw), build(structure, data.draw)
    assert public_renderings(one) == public_renderings(other)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structure=structures(), data=st.data())
@pytest.mark.django_db  # the hotspots are named by the municipality's named places
def test_it_prints_the_public_nothing_that_depends_on_a_small_figure(structure, data):
    one, other = build(structure, data.draw), build(structure, data.draw)
    assert public_renderings(one, pdf=True)[-1] == public_renderings(other, pdf=True)[-1]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structure=structures(), data=st.data())
def test_it_shows_the_parties_every_small_figure(structure, data):
    """The property is not vacuous: the parties' view does change with the small figures."""
    picture = build(structure, data.draw)
    shown = for_audience(picture, INTERNAL)
    assert [c.count for c in shown.incidents] == [
        c.count for c in sorted(picture.categories, key=lambda c: (-c.count, c.category))
    ]
    assert [m.count for m in shown.incidents_by_month] == [m.count for m in picture.months]


def _incidents(world, rows: list[tuple[str, str, float]]) -> None:
    for day, category, lng in rows:
        when = datetime.datetime.combine(
            datetime.date.fromisoformat(day), datetime.time(12), timezone.get_current_timezone()
        )
        report = IncidentReport(
            occurred_from=when, occurred_to=None, lat=66.5, lng=lng, category=category, severity=3, description="Test"
        )
        incident_report(report=report, by=world.alice, allowed=[world.arjeplog])


def _public_files(client, world) -> tuple[dict, str]:
    client.force_login(world.alice)
    url = reverse("situation_export", args=["2506"]) + "?start=2025-01-01&end=2025-12-31&audience=public"
    data = json.loads(client.get(url + "&format=json").content)
    pdf = PdfReader(io.BytesIO(client.get(url + "&format=pdf").content))
    return data, "".join(page.extract_text() for page in pdf.pages)


def test_it_shows_nothing_of_one_fire_and_two_graffiti(client, world):
    """1 fire in December and 2 graffiti incidents (each at its own place): no figure derived from them is public,
    and swapping them for 2 fires and 1 graffiti changes neither the JSON nor the PDF."""
    _incidents(
        world, [("2025-12-06", "Brand", 17.40), ("2025-05-10", "Klotter", 17.50), ("2025-05-20", "Klotter", 17.60)]
    )
    data, text = _public_files(client, world)
    rows = {r["category"]: r for r in data["incidents"]}
    assert {k: (r["count"], r["per_1000_residents"], r["per_1000_present"]) for k, r in rows.items()} == {
        "Brand": ("<3", None, None),
        "Klotter": ("<3", None, None),
    }
    months = {r["month"]: r["count"] for r in data["incidents_by_month"]}
    assert (months["2025-12"], months["2025-05"], months["2025-01"]) == ("<3", "<3", 0)
    seasons = {m["month"]: m for m in data["seasons"]["months"]}
    assert (seasons[12]["incidents"], seasons[5]["incidents"], seasons[12]["peak"]) == ("<3", "<3", False)
    assert [p["name"] for p in data["problems"] if p["name"] in ("Brand", "Klotter")] == []
    assert data["hotspots"] == []
    for leak in ("0,33", "0.33", "0,67", "0.67"):
        assert leak not in json.dumps(data) and leak not in text

    Incident.objects.all().delete()
    _incidents(
        world, [("2025-12-06", "Brand", 17.40), ("2025-12-07", "Brand", 17.40), ("2025-05-10", "Klotter", 17.50)]
    )
    again, again_text = _public_files(client, world)
    data.pop("generated_at"), again.pop("generated_at")
    assert again == data
    assert again_text == text
