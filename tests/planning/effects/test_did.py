"""The difference-in-differences estimate on generated counts with a known effect, and cross-checked against
fits of the same models written here (Poisson by iteratively reweighted least squares with the HC2 sandwich;
the negative binomial by minimising its log-likelihood with scipy), and the exact interval by bisection."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import optimize, stats
from scipy.special import comb, gammaln

from samverkan.planning.effects.lib.did import (
    MIN_EVENTS,
    MIN_RING_EVENTS,
    NEGATIVE,
    NO_PERIOD,
    UNEVEN,
    RateRatio,
    Series,
    estimate,
)


def months(count: int, year: int = 2022, month: int = 1) -> tuple[tuple[int, int], ...]:
    return tuple((year + (month - 1 + i) // 12, (month - 1 + i) % 12 + 1) for i in range(count))


def season(of: tuple[tuple[int, int], ...]) -> np.ndarray:
    """A shared season peaking in the autumn."""
    return np.array([1 + 0.5 * math.sin(2 * math.pi * (month - 7) / 12) for _, month in of])


def draw(rng: np.random.Generator, mean: np.ndarray, alpha: float) -> tuple[int, ...]:
    """Negative binomial counts (variance mean + alpha·mean²) as a gamma mixture of Poissons."""
    rate = rng.gamma(1 / alpha, alpha * mean) if alpha > 0 else mean
    return tuple(int(count) for count in rng.poisson(rate))


def simulated(
    seed: int,
    *,
    ratio: float,
    ring_ratio: float = 1.0,
    before: int = 24,
    after: int = 12,
    base: tuple[float, float, float] = (6.0, 8.0, 7.0),
    alpha: float = 0.1,
) -> Series:
    rng = np.random.default_rng(seed)
    of = months(before + after)
    shape = season(of)
    after_start = np.arange(before + after) >= before
    return Series(
        months=of,
        area=draw(rng, base[0] * shape * np.where(after_start, ratio, 1.0), alpha),
        comparison=draw(rng, base[1] * shape, alpha),
        ring=draw(rng, base[2] * shape * np.where(after_start, ring_ratio, 1.0), alpha),
        start=before,
    )


def design(of: tuple[tuple[int, int], ...], start: int) -> np.ndarray:
    """Rows interleaved (each month's area row, then its comparison row); columns: interaction, const, area,
    after, month-of-year dummies against January. A different layout from the module's, the same model."""
    rows = []
    for index, (_, month) in enumerate(of):
        for treated in (1.0, 0.0):
            after = 1.0 if index >= start else 0.0
            rows.append([treated * after, 1.0, treated, after, *[1.0 if month == m else 0.0 for m in range(2, 13)]])
    return np.array(rows)


def interleaved(first: tuple[int, ...], second: tuple[int, ...]) -> np.ndarray:
    return np.array([count for pair in zip(first, second, strict=True) for count in pair], dtype=float)


def t_interval(coefficient: float, se: float, df: int) -> RateRatio:
    q = stats.t.ppf(0.975, df)
    p = 2 * stats.t.sf(abs(coefficient / se), df)
    return RateRatio(math.exp(coefficient), math.exp(coefficient - q * se), math.exp(coefficient + q * se), p)


def assert_same(ours: RateRatio | None, theirs: RateRatio, rel: float) -> None:
    assert ours is not None
    assert ours.rate_ratio == pytest.approx(theirs.rate_ratio, rel=rel)
    assert ours.ci_low == pytest.approx(theirs.ci_low, rel=rel)
    assert ours.ci_high == pytest.approx(theirs.ci_high, rel=rel)
    assert ours.p_value == pytest.approx(theirs.p_value, rel=rel * 10, abs=1e-9)


def test_it_finds_a_known_halving_in_the_area():
    effect = estimate(simulated(1, ratio=0.5, base=(40.0, 50.0, 45.0), alpha=0.05))
    assert effect.area is not None
    assert effect.verdict == "decrease"
    assert effect.area.ci_low < 0.5 < effect.area.ci_high < 1
    assert effect.area.rate_ratio == pytest.approx(0.5, abs=0.1)
    assert effect.model == "negative_binomial"
    assert effect.seasonal is True
    assert effect.ring_verdict == "none"


def test_it_finds_no_change_where_there_was_none():
    effect = estimate(simulated(2, ratio=1.0, base=(40.0, 50.0, 45.0), alpha=0.05))
    assert effect.area is not None
    assert effect.verdict == "no_change"
    assert effect.area.ci_low < 1 < effect.area.ci_high
    assert effect.area.p_value > 0.05


def test_it_tells_displacement_from_a_diffusion_of_benefits():
    moved = estimate(simulated(3, ratio=0.5, ring_ratio=1.6, base=(40.0, 50.0, 45.0), alpha=0.05))
    assert (moved.verdict, moved.ring_verdict) == ("decrease", "displacement")
    assert moved.ring is not None and moved.ring.ci_low > 1
    spread = estimate(simulated(4, ratio=0.5, ring_ratio=0.6, base=(40.0, 50.0, 45.0), alpha=0.05))
    assert (spread.verdict, spread.ring_verdict) == ("decrease", "diffusion")
    assert spread.ring is not None and spread.ring.ci_high < 1


def test_it_finds_an_increase():
    effect = estimate(simulated(5, ratio=2.0, base=(40.0, 50.0, 45.0), alpha=0.05))
    assert effect.verdict == "increase"
    assert effect.area is not None and effect.area.ci_low > 1


@pytest.mark.parametrize("seed", [21, 22, 23, 24])
def test_it_gives_the_inverse_ratio_when_the_area_and_the_comparison_swap(seed):
    # The model is the same with the places' roles swapped: the interaction changes sign, nothing else.
    series = simulated(seed, ratio=0.7, alpha=0.1 if seed % 2 else 0.0)
    swapped = Series(series.months, series.comparison, series.area, series.ring, series.start)
    effect, other = estimate(series), estimate(swapped)
    assert effect.area is not None and other.area is not None
    assert effect.model == other.model
    assert other.area.rate_ratio == pytest.approx(1 / effect.area.rate_ratio, rel=1e-4)
    assert other.area.ci_low == pytest.approx(1 / effect.area.ci_high, rel=1e-3)
    assert other.area.ci_high == pytest.approx(1 / effect.area.ci_low, rel=1e-3)
    assert other.area.p_value == pytest.approx(effect.area.p_value, rel=1e-3, abs=1e-6)


def test_it_counts_before_and_after():
    series = simulated(6, ratio=0.5)
    effect = estimate(series)
    for name, counts in (("area", series.area), ("comparison", series.comparison), ("ring", series.ring)):
        assert effect.counts[name] == {"before": sum(counts[:24]), "after": sum(counts[24:])}


def test_it_says_too_few_under_twenty_events_before():
    of = months(24)
    # 19 events before in the area and the comparison together: too few, however many after.
    few = Series(of, (1,) * 9 + (0,) * 3 + (50,) * 12, (1,) * 10 + (0,) * 2 + (50,) * 12, (50,) * 24, 12)
    effect = estimate(few)
    assert (effect.verdict, effect.area, effect.ring, effect.ring_verdict) == ("too_few", None, None, None)
    assert (MIN_EVENTS, MIN_RING_EVENTS) == (20, 10)
    enough = Series(of, (1,) * 10 + (0,) * 2 + (5,) * 12, (1,) * 10 + (0,) * 2 + (5,) * 12, (0,) * 24, 12)
    effect = estimate(enough)
    assert effect.verdict != "too_few" and effect.area is not None
    assert (effect.ring, effect.ring_verdict) == (None, None)  # the ring has no events: no estimate for it


def test_it_says_nothing_of_the_ring_under_ten_events_before_in_it():
    series = simulated(12, ratio=0.5, base=(40.0, 50.0, 45.0), alpha=0.05)
    # Nine events in the ring before (and plenty in the comparison): too few to tell displacement.
    sparse = Series(series.months, series.area, series.comparison, (1,) * 9 + (0,) * 15 + (1,) * 12, series.start)
    effect = estimate(sparse)
    assert effect.area is not None and (effect.ring, effect.ring_verdict) == (None, None)
    ten = Series(series.months, series.area, series.comparison, (1,) * 10 + (0,) * 14 + (1,) * 12, series.start)
    assert estimate(ten).ring is not None


def test_it_models_the_season_from_two_years_before():
    assert estimate(simulated(7, ratio=0.5, before=23)).seasonal is False
    assert estimate(simulated(7, ratio=0.5, before=24)).seasonal is True


def steady() -> Series:
    """Counts within 2 of their means: less spread than a Poisson count (no overdispersion)."""
    of = months(36)
    shape = season(of)
    after = np.arange(36) >= 24
    wobble = np.random.default_rng(9).integers(-2, 3, size=(2, 36))
    area = tuple(int(v) for v in np.round(20 * shape * np.where(after, 0.6, 1.0)) + wobble[0])
    comparison = tuple(int(v) for v in np.round(25 * shape) + wobble[1])
    return Series(of, area, comparison, comparison, 24)


def poisson_fit(series: Series) -> tuple[float, float, float]:
    """The interaction's coefficient, its HC2 sandwich variance and its Poisson model variance, by iteratively
    reweighted least squares."""
    x, y = design(series.months, series.start), interleaved(series.area, series.comparison)
    beta = np.zeros(x.shape[1])
    beta[1] = math.log(y.mean())
    for _ in range(100):
        mu = np.exp(x @ beta)
        z = x @ beta + (y - mu) / mu
        new = np.linalg.solve(x.T @ (x * mu[:, None]), x.T @ (mu * z))
        done = np.max(np.abs(new - beta)) < 1e-12
        beta = new
        if done:
            break
    mu = np.exp(x @ beta)
    bread = np.linalg.inv(x.T @ (x * mu[:, None]))
    leverage = np.array([mu[i] * x[i] @ bread @ x[i] for i in range(len(y))])
    meat = sum(np.outer(x[i], x[i]) * (y[i] - mu[i]) ** 2 / (1 - leverage[i]) for i in range(len(y)))
    return float(beta[0]), float((bread @ meat @ bread)[0, 0]), float(bread[0, 0])


@pytest.mark.parametrize("robust_wider", [False, True])
def test_it_matches_a_poisson_fit_with_the_hc2_sandwich_written_here(robust_wider):
    # Poisson counts (seed 11) spread as much as Poisson ones: the sandwich comes out wider than the model's
    # variance. Steady counts: narrower, and the model's variance is taken.
    series = simulated(11, ratio=0.6, base=(15.0, 20.0, 18.0), alpha=0.0) if robust_wider else steady()
    effect = estimate(series)
    assert effect.model == "poisson_robust"
    coefficient, robust, model = poisson_fit(series)
    assert (robust > model) == robust_wider
    df = 2 * len(series.months) - design(series.months, series.start).shape[1]
    assert_same(effect.area, t_interval(coefficient, math.sqrt(max(robust, model)), df), rel=1e-6)


def test_it_matches_a_negative_binomial_fit_written_here():
    series = simulated(8, ratio=0.6, base=(15.0, 20.0, 18.0), alpha=0.15)
    effect = estimate(series)
    assert effect.model == "negative_binomial"

    x, y = design(series.months, series.start), interleaved(series.area, series.comparison)

    def negative_log_likelihood(theta: np.ndarray) -> float:
        beta, alpha = theta[:-1], math.exp(theta[-1])
        mu = np.exp(x @ beta)
        r = 1 / alpha
        return -float(
            np.sum(gammaln(y + r) - gammaln(r) - gammaln(y + 1) + r * np.log(r / (r + mu)) + y * np.log(mu / (r + mu)))
        )

    start = np.zeros(x.shape[1] + 1)
    start[1], start[-1] = math.log(y.mean()), math.log(0.1)
    fit = optimize.minimize(negative_log_likelihood, start, method="BFGS", options={"gtol": 1e-9, "maxiter": 5000})
    theta = fit.x
    # The observed information by central differences; the coefficients' block of its inverse does not depend on
    # how alpha is parametrised (log alpha here).
    h, k = 1e-4, len(theta)
    hessian = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            e_i, e_j = np.eye(k)[i] * h, np.eye(k)[j] * h
            hessian[i, j] = (
                negative_log_likelihood(theta + e_i + e_j)
                - negative_log_likelihood(theta + e_i - e_j)
                - negative_log_likelihood(theta - e_i + e_j)
                + negative_log_likelihood(theta - e_i - e_j)
            ) / (4 * h * h)
    se = math.sqrt(np.linalg.inv(hessian)[0, 0])
    n, parameters = len(y), k  # the coefficients and alpha
    # The module's small-sample rule: the variance scaled by n / (n - k) and Student's t with n - k df.
    expected = t_interval(theta[0], se * math.sqrt(n / (n - parameters)), n - parameters)
    assert_same(effect.area, expected, rel=2e-3)


def test_it_gives_the_exact_interval_when_the_area_has_none_after():
    of = months(24)
    area = (3,) * 12 + (0,) * 12  # 36 before, none after
    comparison = (2,) * 12 + (2,) * 12  # 24 before, 24 after
    effect = estimate(Series(of, area, comparison, comparison, 12))
    assert effect.model == "exact_conditional"
    assert effect.area is not None
    assert (effect.area.rate_ratio, effect.area.ci_low) == (0.0, 0.0)
    assert effect.verdict == "decrease"

    # The exact upper limit: the odds ratio psi at which P(X <= 0) = 2.5 % for X, the area's count after given the
    # table's margins, noncentral hypergeometric (area total 36, comparison total 48, 24 after in all).
    def at_most_zero(psi: float) -> float:
        weights = [comb(36, x) * comb(48, 24 - x) * psi**x for x in range(0, 25)]
        return weights[0] / sum(weights)

    upper = optimize.brentq(lambda psi: at_most_zero(psi) - 0.025, 1e-9, 1.0)
    assert effect.area.ci_high == pytest.approx(upper, rel=1e-4)


def test_it_covers_the_true_ratio_in_most_seeds():
    # bench/effect.py runs 1,000 seeds a scenario; this is a quick look at 60.
    covered = 0
    for seed in range(60):
        effect = estimate(simulated(100 + seed, ratio=0.5))
        assert effect.area is not None
        covered += effect.area.ci_low <= 0.5 <= effect.area.ci_high
    assert 0.85 <= covered / 60 <= 1.0


@pytest.mark.parametrize(
    ("series", "error"),
    [
        (
            lambda: Series(months(3), (1, 2), (1, 2, 3), (1, 2, 3), 1),
            UNEVEN.format(months=3, area=2, comparison=3, ring=3),
        ),
        (lambda: Series(months(3), (1, 2, 3), (1, 2, 3), (1, 2, 3), 0), NO_PERIOD.format(start=0, months=3)),
        (lambda: Series(months(3), (1, 2, 3), (1, 2, 3), (1, 2, 3), 3), NO_PERIOD.format(start=3, months=3)),
        (lambda: Series(months(3), (1, -2, 3), (1, 2, 3), (1, 2, 3), 1), NEGATIVE),
    ],
)
def test_it_refuses_a_series_it_cannot_compare(series, error):
    with pytest.raises(ValueError) as raised:
        series()
    assert str(raised.value) == error
