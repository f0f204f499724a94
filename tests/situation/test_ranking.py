"""The ranking's rule (lib.ranking): shrinkage checked against hand-computed cases, intervals against other
formulas for the same distributions, and the rule's promises (small numbers never outrank large ones)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import chi2, f

from samverkan.situation.lib.ranking import (
    PRIOR,
    WEIGHTS,
    Counted,
    Estimate,
    Level,
    ProblemFacts,
    level,
    pool,
    rank,
    score,
    shrunk_ratio,
    shrunk_share,
    trend,
)


def test_the_weights_add_up_to_one():
    assert math.isclose(sum(WEIGHTS.values()), 1)


def test_it_shrinks_a_rate_toward_the_county_by_hand():
    # 2 crimes where the county's rate would give 4: a prior worth 5 events at the county's level (θ = 1)
    # makes the posterior Gamma(2 + 5, 4 + 5), whose mean is 7 / 9.
    estimate = shrunk_ratio(2, 4)
    assert estimate.value == pytest.approx(7 / 9)
    # Gamma(shape a, rate b) has its quantile q at chi2(q, 2a) / 2b: another formula for the same interval.
    assert estimate.low == pytest.approx(chi2.ppf(0.05, 14) / 18)
    assert estimate.high == pytest.approx(chi2.ppf(0.95, 14) / 18)


def test_one_event_moves_little_and_sixty_stand_nearly_as_counted():
    # Against 1 expected event each: 1 observed stays near the county (6/6 = 1), 60 observed far above it.
    assert shrunk_ratio(1, 1).value == pytest.approx(1.0)
    assert shrunk_ratio(60, 1).value == pytest.approx(65 / 6)
    # As many observed as expected: exactly the county's level, however few.
    assert shrunk_ratio(3, 3).value == pytest.approx(1.0)


def test_it_shrinks_a_share_toward_its_reference_by_hand():
    # 3 of 10 against a reference of 0.5 worth 5 answers: Beta(3 + 2.5, 7 + 2.5), mean 5.5 / 15.
    estimate = shrunk_share(3, 10, 0.5)
    assert estimate.value == pytest.approx(5.5 / 15)
    # X ~ Beta(a, b) gives bX / (a(1 − X)) ~ F(2a, 2b); solved for X at F's quantiles.
    a, b = 5.5, 9.5
    for q, bound in ((0.05, estimate.low), (0.95, estimate.high)):
        x = f.ppf(q, 2 * a, 2 * b)
        assert bound == pytest.approx(a * x / (b + a * x))


def test_a_trend_is_the_periods_share_shrunk_toward_unchanged():
    assert trend(7, 7).value == pytest.approx(0.5)
    assert trend(1, 0).value == pytest.approx(3.5 / 6)  # (1 + 2.5) / (1 + 0 + 5)
    assert trend(20, 10).value == pytest.approx(22.5 / 35)
    assert trend(10, 20).value == pytest.approx(12.5 / 35)


def test_a_level_of_counts_is_the_shrunk_ratio_as_a_share():
    theta = (1 + PRIOR) / (0.5 + PRIOR)  # 1 crime where the county's rate gives 0.5
    assert level(Level("crime", "Brand", 1, 0.5)).value == pytest.approx(theta / (1 + theta))


def test_a_level_of_a_share_is_shrunk_toward_the_county_share():
    # 40 % of 20 pupils against the county's 25 %: Beta(8 + 1.25, 12 + 3.75), mean 9.25 / 25 = 0.37.
    theta = (9.25 / 25) / 0.25
    assert level(Level("indicators", "rokare", 0.40, 0.25, 20)).value == pytest.approx(theta / (1 + theta))


def test_it_scores_the_weighted_mean_of_what_is_known():
    found = {"volume": Estimate(0.5, 0.4, 0.6), "survey": Estimate(0.8, 0.7, 0.9)}
    total = score(found)
    assert total.value == pytest.approx(round(100 * (0.25 * 0.5 + 0.15 * 0.8) / 0.40, 1))
    # The interval: the weighted distances combined as independent errors.
    half = math.sqrt((0.25 * 0.1) ** 2 + (0.15 * 0.1) ** 2) / 0.40
    assert total.low == pytest.approx(round(100 * ((0.25 * 0.5 + 0.15 * 0.8) / 0.40 - half), 1))


def _incidents(name: str, count: int, previous: int | None, severity: int) -> ProblemFacts:
    return ProblemFacts(
        name, "BRÅ", counted=[Counted("incidents", count, previous)], severity=(severity * count, count)
    )


@pytest.mark.parametrize("previous", [(60, 30, 0), (0, 0, 0), (30, 60, 0), (None, None, None)])
def test_one_fire_ranks_below_sixty_vandalism_and_thirty_littering(previous):
    ranked = rank(
        [
            _incidents("Brand", 1, previous[2], 3),
            _incidents("Skadegörelse", 60, previous[0], 1),
            _incidents("Nedskräpning", 30, previous[1], 1),
        ]
    )
    assert [p.name for p in ranked][-1] == "Brand"


def test_it_marks_neighbours_it_cannot_tell_apart():
    ranked = rank([_incidents("A", 40, 40, 1), _incidents("B", 39, 40, 1), _incidents("C", 2, 40, 1)])
    assert [p.name for p in ranked] == ["A", "B", "C"]
    assert ranked[1].tied and not ranked[2].tied
    # Tied: the difference lies within the root of the squared half-widths that face each other.
    for upper, lower in zip(ranked, ranked[1:], strict=False):
        half = math.sqrt((upper.score - upper.low) ** 2 + (lower.high - lower.score) ** 2)
        assert lower.tied == (upper.score - lower.score <= half)


def test_it_says_where_each_problem_would_rank_without_a_source():
    ranked = rank(
        [
            ProblemFacts("Klotter", "BRÅ", counted=[Counted("incidents", 10, 10)], survey=(1.0, 200)),
            ProblemFacts("Buskörning", "BRÅ", counted=[Counted("incidents", 8, 8)], survey=(5.0, 200)),
        ]
    )
    by_name = {p.name: dict(p.without) for p in ranked}
    assert [p.name for p in ranked] == ["Buskörning", "Klotter"]  # the survey outweighs 2 incidents more
    assert by_name["Klotter"] == {"incidents": 2, "survey": 1}  # without the survey, the incidents decide
    assert by_name["Buskörning"] == {"incidents": 1, "survey": 2}


def test_a_problem_left_with_no_evidence_is_unranked_without_its_source():
    ranked = rank([ProblemFacts("Oro", "Hälsa", dialogue=(4, 10)), _incidents("Klotter", 5, 5, 1)])
    assert dict(next(p for p in ranked if p.name == "Oro").without) == {"dialogue": None}


def test_it_names_the_sources_a_problem_rests_on():
    facts = ProblemFacts(
        "Våld", "BRÅ", counted=[Counted("police_events", 12, 9), Counted("crime", 30, 28)], dialogue=(1, 10)
    )
    assert rank([facts])[0].sources == ("police_events", "crime", "dialogue")


def test_pooling_adds_counts_and_weighs_shares_by_their_answers():
    one = ProblemFacts("Klotter", "BRÅ", counted=[Counted("incidents", 4, 2)], survey=(2.0, 100))
    two = ProblemFacts("Klotter", "", counted=[Counted("incidents", 6, None)], survey=(5.0, 50))
    three = ProblemFacts("Klotter", "BRÅ", levels=[Level("indicators", "rokare", 0.2, 0.1, 30)])
    four = ProblemFacts("Klotter", "BRÅ", levels=[Level("indicators", "rokare", 0.5, 0.1, 10)])
    (pooled,) = pool([[one], [two], [three], [four]])
    assert pooled.counted == [Counted("incidents", 10, None)]  # the period before is not known everywhere
    assert pooled.survey == (pytest.approx((2.0 * 100 + 5.0 * 50) / 150), 150)
    (share,) = pooled.levels
    assert (share.source, share.key, share.expected, share.n) == ("indicators", "rokare", 0.1, 40)
    assert share.observed == pytest.approx((0.2 * 30 + 0.5 * 10) / 40)


@given(
    count=st.integers(0, 500),
    previous=st.integers(0, 500),
    severity=st.integers(1, 3),
    survey=st.floats(0, 6),
    answers=st.integers(10, 500),
    prioritised=st.integers(0, 20),
)
def test_it_keeps_every_score_and_interval_between_0_and_100(count, previous, severity, survey, answers, prioritised):
    facts = ProblemFacts(
        "x",
        "",
        counted=[Counted("incidents", count, previous)],
        severity=(severity * count, count),
        survey=(survey, answers),
        dialogue=(prioritised, 20),
    )
    ranked = rank([facts, _incidents("y", 500, 500, 2)])[0]
    assert 0 <= ranked.low <= ranked.score <= ranked.high <= 100


@given(small=st.integers(1, 2), large=st.integers(20, 200), severity=st.integers(1, 3))
def test_a_count_of_one_or_two_never_outranks_one_ten_times_larger(small, large, severity):
    ranked = rank([_incidents("small", small, 0, 3), _incidents("large", large, large, severity)])
    assert [p.name for p in ranked] == ["large", "small"]
