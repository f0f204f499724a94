from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.sources.models import ImportRun
from samverkan.sources.surveys.demo import demo_load
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.selectors import survey_results


def test_it_loads_two_waves_per_municipality_with_believable_answers(world):
    run = ImportRun.objects.create(source="demo", name="demo")
    demo_load(rng=random.Random(7), run=run)
    waves = Wave.objects.order_by("municipality__code", "opened_on")
    first, last = demo_calendar().year(2022), demo_calendar().year(2025)  # the story's waves, moved to the present
    assert [(w.municipality.code, w.name) for w in waves] == [
        ("2505", f"Trygghetsmätning {first}"),
        ("2505", f"Trygghetsmätning {last}"),
        ("2506", f"Trygghetsmätning {first}"),
        ("2506", f"Trygghetsmätning {last}"),
    ]
    for wave in waves:
        assert wave.run == run
        expected = 120 if wave.opened_on.year == first else 250
        assert abs(wave.responses.count() - expected) <= 10
        results = survey_results(wave=wave)
        assert 1.0 < results.overall < 4.0
        assert 0.05 < results.share_for("trygg_kvall").value < 0.35
        assert 0.02 < results.share_for("utsatt_12man").value < 0.25
    arjeplog = waves.filter(municipality__code="2506")
    for wave in arjeplog:
        assert set(wave.responses.values_list("delomrade", flat=True)) == {"Centrum", "Slagnäs", "Laisvall"}
        ranked = sorted(survey_results(wave=wave).items, key=lambda item: item.index, reverse=True)
        assert {item.question.key for item in ranked[:2]} == {"problem_buskorning", "problem_fortkorning"}
    arvidsjaur = waves.filter(municipality__code="2505").first()
    assert set(arvidsjaur.responses.values_list("delomrade", flat=True)) == {"Centrum", "Glommersträsk", "Moskosel"}
