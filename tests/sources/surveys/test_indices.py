from __future__ import annotations

import math
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from samverkan.sources.surveys import indices
from samverkan.sources.surveys.bank import ANSWERS
from samverkan.sources.surveys.indices import band, problem_index


# The index functions take tallies (answer → count); these take plain lists of answers, as a respondent gives them.
def item_index(answers):
    return indices.item_index(Counter(answers))


def share(answers, *, kind):
    return indices.share(Counter(answers), kind=kind)


def unsafe_evening_share(answers):
    return indices.unsafe_evening_share(Counter(answers))


def victimisation_share(answers):
    return indices.victimisation_share(Counter(answers))


PROBLEM_KEYS = [o.key for o in ANSWERS["problem"]]
SAFETY_KEYS = [o.key for o in ANSWERS["safety"]]
VICTIM_KEYS = [o.key for o in ANSWERS["victimisation"]]
NOISE = st.lists(st.sampled_from(["vet_ej", None, ""]))

problem_answers = st.lists(st.sampled_from([*PROBLEM_KEYS, None, ""]))


def test_it_scores_six_four_two_zero_and_leaves_out_dont_know_and_blanks():
    assert item_index(["mycket_stort", "ganska_stort", "ganska_litet", "inget"]) == 3.0
    assert item_index(["mycket_stort", "vet_ej", None, ""]) == 6.0
    assert item_index(["vet_ej", None]) is None
    assert item_index([]) is None


def test_it_takes_the_overall_index_as_the_mean_of_the_items():
    # Not the mean of all answers: an item with many answers weighs as much as one with few.
    first = item_index(["mycket_stort"] * 9)
    second = item_index(["inget"])
    assert problem_index([first, second, None]) == 3.0
    assert problem_index([None]) is None


def test_it_counts_unsafe_evenings_among_all_but_dont_know():
    answers = ["ganska_otrygg", "mycket_otrygg", "gar_inte_ut_otrygghet", "gar_inte_ut_andra_skal", "mycket_trygg"]
    result = unsafe_evening_share([*answers, "vet_ej", None])
    assert (result.count, result.n) == (3, 5)
    assert result.value == 0.6


def test_it_counts_victims_among_yes_and_no():
    result = victimisation_share(["ja", "nej", "nej", "nej", "vet_ej", ""])
    assert (result.count, result.n, result.value) == (1, 4, 0.25)
    assert victimisation_share(["vet_ej"]) is None


def test_it_bands_the_index():
    assert [band(1.49), band(1.5), band(2.99), band(3.0), band(6)] == ["low", "medium", "medium", "high", "high"]


@given(problem_answers)
def test_it_keeps_an_item_index_within_zero_and_six(answers):
    index = item_index(answers)
    assert index is None or 0 <= index <= 6


@given(problem_answers, NOISE)
def test_it_ignores_added_dont_know_and_blanks(answers, noise):
    assert item_index(answers + noise) == item_index(answers)
    assert item_index(noise) is None


@given(st.lists(problem_answers, min_size=1, max_size=9))
def test_it_takes_the_mean_of_the_item_indices(items):
    item_indices = [item_index(answers) for answers in items]
    present = [index for index in item_indices if index is not None]
    overall = problem_index(item_indices)
    if not present:
        assert overall is None
    else:
        assert overall is not None
        assert math.isclose(overall, sum(present) / len(present))
        assert min(present) - 1e-9 <= overall <= max(present) + 1e-9


@st.composite
def kind_and_answers(draw) -> tuple[str, list[str | None]]:
    kind = draw(st.sampled_from(list(ANSWERS)))
    return kind, draw(st.lists(st.sampled_from([*(o.key for o in ANSWERS[kind]), None, ""])))


@given(kind_and_answers(), NOISE)
def test_it_keeps_shares_within_zero_and_one_and_ignores_dont_know(drawn, noise):
    kind, answers = drawn
    result = share(answers, kind=kind)
    assert share(answers + noise, kind=kind) == result
    if result is None:
        assert all(a in ("vet_ej", None, "") for a in answers)
    else:
        assert 0 <= result.value <= 1
        assert 0 <= result.count <= result.n == sum(a not in ("vet_ej", None, "") for a in answers)


@given(st.lists(st.sampled_from(SAFETY_KEYS)), st.lists(st.sampled_from(VICTIM_KEYS)))
def test_it_gives_no_share_without_valid_answers(safety, victimisation):
    assert (unsafe_evening_share(safety) is None) == all(a == "vet_ej" for a in safety)
    assert (victimisation_share(victimisation) is None) == all(a == "vet_ej" for a in victimisation)


@given(problem_answers)
def test_it_takes_an_item_index_as_the_mean_score_of_a_tally(answers):
    points = {"mycket_stort": 6, "ganska_stort": 4, "ganska_litet": 2, "inget": 0}
    scored = [points[a] for a in answers if a in points]
    expected = sum(scored) / len(scored) if scored else None
    assert item_index(answers) == expected
    assert indices.scored(Counter(answers)) == len(scored)


def test_it_ignores_answers_counted_zero_times():
    assert indices.item_index({"mycket_stort": 1, "inget": 0, "vet_ej": 3}) == 6.0
    assert indices.share({"ja": 0, "nej": 0, "vet_ej": 2}, kind="victimisation") is None
