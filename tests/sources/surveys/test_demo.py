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
        unsafe, victims = results.share_for("trygg_kvall"), results.share_for("utsatt_12man")
        assert results.overall is not None and 1.0 < results.overall < 4.0
        assert unsafe is not None and 0.05 < unsafe.value < 0.35
        assert victims is not None and 0.02 < victims.value < 0.25
    arjeplog = waves.filter(municipality__code="2506")
    for wave in arjeplog:
        assert set(wave.responses.values_list("delomrade", flat=True)) == {"Centrum", "Slagnäs", "Laisvall"}
        items = survey_results(wave=wave).items
        indices = {item.question.key: item.index for item in items if item.index is not None}
        assert len(indices) == len(items)
        ranked = sorted(indices, key=lambda key: indices[key], reverse=True)
        assert set(ranked[:2]) == {"problem_buskorning", "problem_fortkorning"}
    arvidsjaur = waves.filter(municipality__code="2505").first()
    assert arvidsjaur is not None
    assert set(arvidsjaur.responses.values_list("delomrade", flat=True)) == {"Centrum", "Glommersträsk", "Moskosel"}
