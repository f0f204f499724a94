"""Did it work? A difference-in-differences rate ratio from monthly counts in an area and a comparison area.

The model (one row per month and place, the area's and the comparison's months stacked):

    log E[count] = b0 + b1·area + b2·after + b3·area·after (+ a term per month of the year)

exp(b3) is the rate ratio: how much the area's count changed from before to after, relative to how the
comparison's changed. The months of the year enter when there are two or more years before the start, so a
season the two places share is not taken for an effect.

The count model is a negative binomial (NB2, its dispersion alpha estimated by maximum likelihood), so months
that vary more than a Poisson count widen the interval. When it does not converge or finds no overdispersion
(alpha under NO_OVERDISPERSION), it is a Poisson model with robust errors (the bias-reduced HC2 sandwich). Both
read the interval from Student's t with the model's residual degrees of freedom: with 15 coefficients on 72 rows
the large-sample intervals were too narrow (see _negative_binomial and _poisson_robust, and bench/effect.py for the
coverage and false positives this gives). When the area or the comparison has no events at all before or after,
no count model can estimate the ratio (it runs to 0 or infinity): then it is the exact conditional odds ratio of
the before/after table (Fisher), with its exact interval and no month-of-year terms. That test assumes Poisson
variation: a burst of events in a single month makes it surer than it should be.

The ring around the area (displacement, or a diffusion of benefits) is the same model with the ring in the
area's place. No Django here.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from dataclasses import dataclass
from typing import Literal

import numpy as np
import statsmodels.api as sm
from scipy import stats
from scipy.stats.contingency import odds_ratio

type Verdict = Literal["decrease", "increase", "no_change", "too_few"]
type RingVerdict = Literal["displacement", "diffusion", "none"]
type Model = Literal["negative_binomial", "poisson_robust", "exact_conditional"]

MIN_EVENTS = 20  # before the start, the area and the comparison together (the ring and the comparison for the ring)
# Before the start, in the ring itself: with fewer, its interval is too wide for "no displacement" to mean anything
# (the comparison alone nearly always brings the ring and the comparison to MIN_EVENTS).
MIN_RING_EVENTS = 10
SEASONAL_MONTHS = 24  # months before the start from which the month of the year enters the model
NO_OVERDISPERSION = 1e-3  # an estimated alpha below this is no overdispersion: Poisson with robust errors
LEVEL = 0.95
INTERACTION = 3  # the column of area·after in the design

UNEVEN = "the series have {months} months but the area {area}, the comparison {comparison} and the ring {ring}"
NO_PERIOD = "the start ({start}) must leave at least one month before it and one after it in {months} months"
NEGATIVE = "a count below zero in the series"


@dataclass(frozen=True)
class Series:
    """Monthly counts, oldest first, the same months for all three places."""

    months: tuple[tuple[int, int], ...]
    area: tuple[int, ...]
    comparison: tuple[int, ...]
    ring: tuple[int, ...]
    start: int  # index of the first month at or after the intervention's start

    def __post_init__(self) -> None:
        n = len(self.months)
        if not len(self.area) == len(self.comparison) == len(self.ring) == n:
            raise ValueError(
                UNEVEN.format(months=n, area=len(self.area), comparison=len(self.comparison), ring=len(self.ring))
            )
        if not 0 < self.start < n:
            raise ValueError(NO_PERIOD.format(start=self.start, months=n))
        if min(self.area + self.comparison + self.ring) < 0:
            raise ValueError(NEGATIVE)

    def before(self, counts: tuple[int, ...]) -> int:
        return sum(counts[: self.start])

    def after(self, counts: tuple[int, ...]) -> int:
        return sum(counts[self.start :])


@dataclass(frozen=True)
class RateRatio:
    rate_ratio: float
    ci_low: float
    ci_high: float
    p_value: float

    def to_json(self) -> dict[str, float | None]:
        """JSON has no infinity: an interval open to one side (exact_conditional) ends in null."""
        return {name: value if math.isfinite(value) else None for name, value in dataclasses.asdict(self).items()}


@dataclass(frozen=True)
class Fit:
    """One comparison: the rate ratio, the model it came from, and whether the months of the year entered."""

    ratio: RateRatio
    model: Model
    seasonal: bool


@dataclass(frozen=True)
class Effect:
    counts: dict[str, dict[str, int]]  # {"area"|"comparison"|"ring": {"before": n, "after": n}}
    area: RateRatio | None  # None when too few events (before-period area + comparison < MIN_EVENTS)
    ring: RateRatio | None  # the ring against the comparison (displacement / diffusion); None when too few
    # (the ring under MIN_RING_EVENTS before the start, or the ring and the comparison under MIN_EVENTS)
    verdict: Verdict
    ring_verdict: RingVerdict | None  # None when the ring has no estimate
    model: Model  # of the area's estimate (the ring's may differ: ring_model)
    seasonal: bool  # month-of-year terms (two or more years before)
    ring_model: Model | None = None


def _design(months: tuple[tuple[int, int], ...], start: int, seasonal: bool) -> np.ndarray:
    """The columns const, area, after, area·after (and a dummy per month of the year but the first seen), for
    the treated place's months followed by the comparison's."""
    n = len(months)
    after = (np.arange(n) >= start).astype(float)
    treated = np.concatenate([np.ones(n), np.zeros(n)])
    after2 = np.concatenate([after, after])
    columns = [np.ones(2 * n), treated, after2, treated * after2]
    if seasonal:
        of_year = np.array([month for _, month in months] * 2)
        seen = sorted(set(of_year.tolist()), key=[month for _, month in months].index)
        columns += [(of_year == month).astype(float) for month in seen[1:]]
    return np.column_stack(columns)


def _t_ratio(coefficient: float, se: float, df: int) -> RateRatio | None:
    """The rate ratio exp(coefficient), its interval and p-value from Student's t with df degrees of freedom."""
    if not (math.isfinite(coefficient) and math.isfinite(se) and se > 0 and df > 0):
        return None
    quantile = float(stats.t.ppf(0.5 + LEVEL / 2, df))
    p = float(2 * stats.t.sf(abs(coefficient / se), df))
    return RateRatio(
        math.exp(coefficient), math.exp(coefficient - quantile * se), math.exp(coefficient + quantile * se), min(1.0, p)
    )


def _negative_binomial(y: np.ndarray, x: np.ndarray) -> RateRatio | None:
    """NB2 with alpha estimated; None when it fails to converge or finds no overdispersion.

    Maximum likelihood takes no account of the degrees of freedom the coefficients use (15 of 72 rows with the
    months of the year), so alpha comes out too small and the plain Wald interval too narrow (6-10 % false
    positives at a nominal 5 % in simulations like bench/effect.py's). The variance is scaled by n / (n - k)
    (k with alpha) and the interval read from Student's t with n - k degrees of freedom, as for a dispersion
    estimated from residuals."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = sm.NegativeBinomial(y, x, loglike_method="nb2").fit(disp=0, maxiter=300, method="bfgs")
        except (np.linalg.LinAlgError, ValueError):
            return None
    if not result.mle_retvals.get("converged", False):
        return None
    alpha = float(result.params[-1])
    if not math.isfinite(alpha) or alpha < NO_OVERDISPERSION:
        return None
    n, k = x.shape[0], x.shape[1] + 1
    if n <= k:
        return None
    se = float(result.bse[INTERACTION]) * math.sqrt(n / (n - k))
    return _t_ratio(float(result.params[INTERACTION]), se, n - k)


def _poisson_robust(y: np.ndarray, x: np.ndarray) -> RateRatio | None:
    """Poisson with the bias-reduced sandwich (HC2: each squared residual divided by 1 - its leverage), never
    below the model's own variance, and Student's t with n - k degrees of freedom. HC0/HC1 are too narrow here:
    the area's months after the start carry much leverage (7-12 % false positives with HC1 in simulations like
    bench/effect.py's)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = sm.GLM(y, x, family=sm.families.Poisson()).fit()
        except (np.linalg.LinAlgError, ValueError):
            return None
    n, k = x.shape
    if n <= k:
        return None
    mu = np.asarray(result.mu, dtype=float)
    weighted = x * np.sqrt(mu)[:, None]
    try:
        bread = np.linalg.inv(weighted.T @ weighted)
    except np.linalg.LinAlgError:
        return None
    leverage = np.einsum("ij,jk,ik->i", weighted, bread, weighted)
    if not np.all(leverage < 1 - 1e-9):
        return None
    meat = x.T @ (x * ((y - mu) ** 2 / (1 - leverage))[:, None])
    robust = float((bread @ meat @ bread)[INTERACTION, INTERACTION])
    # Never narrower than the Poisson model's own interval: months steadier than a Poisson count are chance.
    variance = max(robust, float(bread[INTERACTION, INTERACTION]))
    return _t_ratio(float(result.params[INTERACTION]), math.sqrt(variance), n - k)


def _exact(after_treated: int, before_treated: int, after_comparison: int, before_comparison: int) -> RateRatio:
    """The conditional maximum-likelihood odds ratio of the before/after table with its exact interval and
    Fisher's two-sided p-value; (0, ∞) and p = 1 when a place has no events at all."""
    table = [[after_treated, before_treated], [after_comparison, before_comparison]]
    result = odds_ratio(table, kind="conditional")
    interval = result.confidence_interval(confidence_level=LEVEL)
    p = float(stats.fisher_exact(table).pvalue)
    ratio = float(result.statistic)
    if math.isnan(ratio):
        return RateRatio(1.0, 0.0, math.inf, 1.0)
    return RateRatio(ratio, float(interval.low), float(interval.high), min(1.0, p))


def rate_ratio(
    months: tuple[tuple[int, int], ...], treated: tuple[int, ...], comparison: tuple[int, ...], start: int
) -> Fit:
    """The difference-in-differences rate ratio of `treated` against `comparison` (see the module's text)."""
    seasonal = start >= SEASONAL_MONTHS
    cells = (sum(treated[start:]), sum(treated[:start]), sum(comparison[start:]), sum(comparison[:start]))
    if min(cells) > 0:
        y = np.array(treated + comparison, dtype=float)
        x = _design(months, start, seasonal)
        ratio = _negative_binomial(y, x)
        if ratio is not None:
            return Fit(ratio, "negative_binomial", seasonal)
        ratio = _poisson_robust(y, x)
        if ratio is not None:
            return Fit(ratio, "poisson_robust", seasonal)
    return Fit(_exact(*cells), "exact_conditional", False)


def _verdict(ratio: RateRatio) -> Verdict:
    if ratio.ci_high < 1:
        return "decrease"
    if ratio.ci_low > 1:
        return "increase"
    return "no_change"


def _ring_verdict(ratio: RateRatio) -> RingVerdict:
    if ratio.ci_low > 1:
        return "displacement"
    if ratio.ci_high < 1:
        return "diffusion"
    return "none"


def estimate(series: Series) -> Effect:
    """The effect in the area and in the ring around it, each against the comparison."""
    counts = {
        name: {"before": series.before(values), "after": series.after(values)}
        for name, values in (("area", series.area), ("comparison", series.comparison), ("ring", series.ring))
    }
    seasonal = series.start >= SEASONAL_MONTHS
    if counts["area"]["before"] + counts["comparison"]["before"] < MIN_EVENTS:
        return Effect(counts, None, None, "too_few", None, "negative_binomial", seasonal, None)
    area = rate_ratio(series.months, series.area, series.comparison, series.start)
    ring: Fit | None = None
    ring_before = counts["ring"]["before"]
    if ring_before >= MIN_RING_EVENTS and ring_before + counts["comparison"]["before"] >= MIN_EVENTS:
        ring = rate_ratio(series.months, series.ring, series.comparison, series.start)
    return Effect(
        counts=counts,
        area=area.ratio,
        ring=ring.ratio if ring else None,
        verdict=_verdict(area.ratio),
        ring_verdict=_ring_verdict(ring.ratio) if ring else None,
        model=area.model,
        seasonal=area.seasonal,
        ring_model=ring.model if ring else None,
    )
