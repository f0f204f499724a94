"""Hotspots of the lägesbild: Getis-Ord Gi* over H3 cells, with a false-discovery-rate correction.

Pure numpy, no Django, no scipy (start-up stays light): the caller counts incidents per cell (see
samverkan.core.hexagons) and hands the counts in. Which cells an audience may see is decided before,
in situation/audience.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from samverkan.core import hexagons

Kind = Literal["hot", "cold", ""]


@dataclass(frozen=True)
class Hotspot:
    cell: str
    count: int
    z: float
    p: float
    significant: bool
    kind: Kind


def study_area(counts: dict[str, int], k: int = 1) -> dict[str, int]:
    """The cells with incidents plus every cell within k steps of one (with 0).

    Without the empty surroundings a cluster would only be compared with other cells that
    also had incidents, and an isolated cluster would look like the norm.
    """
    area: dict[str, int] = {}
    for cell in counts:
        for neighbour in hexagons.neighbours(cell, k):
            area.setdefault(neighbour, 0)
    area.update(counts)
    return area


def getis_ord_gi_star(values: ArrayLike, neighbours: Sequence[Sequence[int]]) -> NDArray[np.float64]:
    """The Gi* z-score of every unit (Getis & Ord 1995), with binary weights.

    neighbours[i] lists the indices of unit i's neighbours, i itself not included; the "star"
    is that every unit also counts itself (w_ii = 1). With w_ij = 1 for i's neighbours and
    itself, 0 otherwise, n units, mean x̄ and population standard deviation
    S = sqrt(Σ x_j² / n - x̄²):

        W_i  = Σ_j w_ij                      (the neighbours plus one)
        Gi*  = (Σ_j w_ij x_j - x̄ W_i) / (S · sqrt((n W_i - W_i²) / (n - 1)))

    This is the same number as esda.G_Local(x, w, transform="B", star=True).Zs, which writes
    it as (G_i - E[G_i]) / sqrt(V[G_i]) with G_i = Σ_j w_ij x_j / Σ_j x_j, E[G_i] = W_i / n
    and V[G_i] = W_i (n - W_i) / ((n - 1) n²) · S² / x̄².

    Fewer than 3 units or constant values give 0.0 everywhere, and so does a unit whose
    neighbourhood is the whole study area (there is nothing to compare it with).
    """
    x = np.asarray(values, dtype=np.float64)
    n = x.size
    z = np.zeros(n)
    if n < 3 or np.all(x == x[0]):
        return z

    lengths = np.array([len(unit) for unit in neighbours], dtype=np.intp)
    indices = np.fromiter((j for unit in neighbours for j in unit), dtype=np.intp, count=int(lengths.sum()))
    rows = np.repeat(np.arange(n), lengths)
    local_sum = np.bincount(rows, weights=x[indices], minlength=n) + x
    cardinality = lengths + 1.0
    mean = x.mean()
    deviation = x.std()
    spread = cardinality * (n - cardinality) / (n - 1)
    comparable = spread > 0
    z[comparable] = (local_sum[comparable] - mean * cardinality[comparable]) / (deviation * np.sqrt(spread[comparable]))
    return z


def benjamini_hochberg(p_values: ArrayLike, alpha: float = 0.05) -> NDArray[np.bool_]:
    """Which tests are significant with the false discovery rate held at alpha (Benjamini & Hochberg 1995).

    With the m p-values sorted, p_(1) ≤ … ≤ p_(m), the largest rank r with p_(r) ≤ r/m · alpha
    is found, and the r smallest p-values are significant (also those between that exceed
    their own r/m · alpha).
    """
    p = np.asarray(p_values, dtype=np.float64)
    significant = np.zeros(p.size, dtype=bool)
    order = np.argsort(p, kind="stable")
    thresholds = alpha * np.arange(1, p.size + 1) / p.size
    passing = np.flatnonzero(p[order] <= thresholds)
    if passing.size:
        significant[order[: passing[-1] + 1]] = True
    return significant


def hotspots(counts: dict[str, int], *, k: int = 1, alpha: float = 0.05) -> list[Hotspot]:
    """Gi* of every cell in the study area, neighbours the cells within k steps, sorted by z (highest first).

    p is two-sided from the normal distribution; a cell is significant after the
    Benjamini-Hochberg correction over all cells of the study area.
    """
    area = study_area(counts, k)
    cells = sorted(area)
    index = {cell: i for i, cell in enumerate(cells)}
    neighbours = [
        [index[other] for other in hexagons.neighbours(cell, k) if other != cell and other in index] for cell in cells
    ]  # one disk per cell of the study area
    z = getis_ord_gi_star([area[cell] for cell in cells], neighbours)
    p = np.array([math.erfc(abs(value) / math.sqrt(2)) for value in z])  # two-sided, standard normal
    significant = benjamini_hochberg(p, alpha)
    spots = [
        Hotspot(
            cell=cell,
            count=area[cell],
            z=float(z[i]),
            p=float(p[i]),
            significant=bool(significant[i]),
            kind=_kind(float(z[i]), bool(significant[i])),
        )
        for i, cell in enumerate(cells)
    ]
    return sorted(spots, key=lambda spot: (-spot.z, spot.cell))


def _kind(z: float, significant: bool) -> Kind:
    if not significant:
        return ""
    return "hot" if z > 0 else "cold"
