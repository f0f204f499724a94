"""Results come from the tallies and equal what the answer rows give, for the whole wave and per delområde."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

from samverkan.sources.surveys import bank
from samverkan.sources.surveys.indices import Share
from samverkan.sources.surveys.models import Answer, Response
from samverkan.sources.surveys.selectors import SurveyResults, survey_results, wave_results
from tests.sources.surveys.conftest import answer, open_wave

KEYS = ["problem_klotter", "problem_fortkorning", "trygg_kvall", "utsatt_12man"]
COUNTED = {"trygg_kvall": {"ganska_otrygg", "mycket_otrygg", "gar_inte_ut_otrygghet"}, "utsatt_12man": {"ja"}}


def test_it_computes_hand_made_results(world):
    wave = open_wave(world.arjeplog, *KEYS, delomraden="Centrum\nSlagnäs")
    answer(wave, "Centrum", problem_klotter="mycket_stort", trygg_kvall="ganska_otrygg", utsatt_12man="ja")
    answer(wave, "Centrum", problem_klotter="ganska_stort", trygg_kvall="mycket_trygg", utsatt_12man="nej")
    answer(wave, problem_klotter="vet_ej", problem_fortkorning="ganska_litet", trygg_kvall="vet_ej")
    whole = survey_results(wave=wave)
    assert whole.respondents == 3
    # Klotter: 6, 4 and "Vet ej" left out: (6 + 4) / 2. Fortkörning: one answer scoring 2.
    assert [(i.question.key, i.index, i.n) for i in whole.items] == [
        ("problem_klotter", 5.0, 2),
        ("problem_fortkorning", 2.0, 1),
    ]
    assert whole.overall == 3.5
    assert (whole.share_for("trygg_kvall"), whole.share_for("utsatt_12man")) == (Share(1, 2), Share(1, 2))

    results = wave_results(wave=wave)
    assert results.whole == whole
    assert list(results.areas) == ["Centrum"]  # those without a delområde are no area
    centrum = results.areas["Centrum"]
    assert (centrum.respondents, centrum.overall) == (2, 5.0)
    assert [(i.index, i.n) for i in centrum.items] == [(5.0, 2), (None, 0)]
    assert survey_results(wave=wave, delomrade="Centrum") == centrum
    without = survey_results(wave=wave, delomrade="")
    assert (without.respondents, without.overall, without.share_for("trygg_kvall")) == (1, 2.0, None)
    assert survey_results(wave=wave, delomrade="Slagnäs").respondents == 0


def from_rows(wave, delomrade: str | None = None) -> tuple:
    """The results recounted in plain Python from the answer rows, as (respondents, items, overall, shares)."""
    responses = Response.objects.filter(wave=wave)
    if delomrade is not None:
        responses = responses.filter(delomrade=delomrade)
    values: dict[str, list[str]] = defaultdict(list)
    for key, value in Answer.objects.filter(response__in=responses).values_list("question__key", "value"):
        values[key].append(value)
    points = {"mycket_stort": 6, "ganska_stort": 4, "ganska_litet": 2, "inget": 0}
    items, shares = [], []
    for key in KEYS:
        kind = bank.QUESTION_BY_KEY[key].kind
        if kind == bank.PROBLEM:
            scored = [points[value] for value in values[key] if value in points]
            items.append((key, sum(scored) / len(scored) if scored else None, len(scored)))
        else:
            valid = [value for value in values[key] if value != "vet_ej"]
            counted = {
                "trygg_kvall": {"ganska_otrygg", "mycket_otrygg", "gar_inte_ut_otrygghet"},
                "utsatt_12man": {"ja"},
            }
            shares.append((key, sum(value in counted[key] for value in valid), len(valid)))
    indices = [index for _key, index, _n in items if index is not None]
    overall = round(sum(indices) / len(indices), 9) if indices else None  # the sum's last bit may differ
    return responses.count(), items, overall, shares


def as_tuple(results: SurveyResults) -> tuple:
    items = [(i.question.key, i.index, i.n) for i in results.items]
    shares = [(s.question.key, s.share.count, s.share.n) if s.share else (s.question.key, 0, 0) for s in results.shares]
    overall = None if results.overall is None else round(results.overall, 9)
    return results.respondents, items, overall, shares


def test_it_equals_a_recount_of_the_answer_rows(world):
    rng = random.Random(9)
    areas = ["Centrum", "Slagnäs", "Laisvall"]
    wave = open_wave(world.arjeplog, *KEYS, delomraden="\n".join(areas))
    for _ in range(60):
        answers = {
            key: rng.choice(["", *(option.key for option in bank.ANSWERS[bank.QUESTION_BY_KEY[key].kind])])
            for key in KEYS
        }
        answers = {key: value for key, value in answers.items() if value} or {"problem_klotter": "inget"}
        answer(wave, rng.choice(["", *areas]), **answers)
    results = wave_results(wave=wave)
    assert as_tuple(results.whole) == from_rows(wave)
    assert list(results.areas) == sorted(areas)
    for area, part in results.areas.items():
        assert as_tuple(part) == from_rows(wave, area)
        assert as_tuple(survey_results(wave=wave, delomrade=area)) == from_rows(wave, area)
    assert Counter(r.delomrade for r in Response.objects.filter(wave=wave))[""] == (
        results.whole.respondents - sum(part.respondents for part in results.areas.values())
    )


def test_it_reads_a_whole_wave_in_two_queries(world, django_assert_num_queries):
    wave = open_wave(world.arjeplog, *KEYS, delomraden="Centrum\nSlagnäs")
    answer(wave, "Centrum", problem_klotter="inget")
    answer(wave, "Slagnäs", trygg_kvall="mycket_trygg")
    with django_assert_num_queries(2):
        wave_results(wave=wave)
