from __future__ import annotations

import warnings

import h3
import numpy as np
import pytest
from esda import G_Local
from hypothesis import given
from hypothesis import strategies as st
from libpysal.weights import W, lat2W
from scipy.stats import false_discovery_control

from samverkan.core import hexagons
from samverkan.situation.lib.hotspots import (
    benjamini_hochberg,
    getis_ord_gi_star,
    hotspots,
    study_area,
)

ARJEPLOG = (66.05, 17.88)
ARJEPLOG_RESIDENTS = 2_570


def lattice(rows: int, columns: int, *, rook: bool) -> list[list[int]]:
    """Each unit's neighbours on a rows × columns grid, numbered row by row like lat2W."""
    steps = [(-1, 0), (1, 0), (0, -1), (0, 1)]
    if not rook:
        steps += [(-1, -1), (-1, 1), (1, -1), (1, 1)]
    return [
        sorted((r + dr) * columns + (c + dc) for dr, dc in steps if 0 <= r + dr < rows and 0 <= c + dc < columns)
        for r in range(rows)
        for c in range(columns)
    ]


def esda_z(values: np.ndarray, neighbours: list[list[int]]) -> np.ndarray:
    w = W({i: units for i, units in enumerate(neighbours)}, id_order=list(range(len(neighbours))))
    return G_Local(values, w, transform="B", star=True, permutations=0).Zs


def arjeplog_counts(seed: int, radius: int = 6) -> dict[str, int]:
    centre = h3.latlng_to_cell(*ARJEPLOG, hexagons.resolution_for(ARJEPLOG_RESIDENTS))
    rng = np.random.default_rng(seed)
    counts = {cell: int(rng.poisson(1.5)) for cell in sorted(h3.grid_disk(centre, radius))}
    return {cell: count for cell, count in counts.items() if count > 0}


@pytest.mark.parametrize(
    ("rows", "columns", "rook", "seed"),
    [(5, 5, True, 1), (5, 5, False, 2), (8, 12, True, 3), (8, 12, False, 4), (3, 30, True, 5), (20, 20, False, 6)],
)
def test_it_matches_esda_on_a_lattice(rows, columns, rook, seed):
    neighbours = lattice(rows, columns, rook=rook)
    w = lat2W(rows, columns, rook=rook)
    assert [sorted(w.neighbors[i]) for i in w.id_order] == neighbours

    values = np.random.default_rng(seed).poisson(3.0, rows * columns).astype(float)
    expected = G_Local(values, w, transform="B", star=True, permutations=0).Zs

    np.testing.assert_allclose(getis_ord_gi_star(values, neighbours), expected, rtol=0, atol=1e-9)


def test_it_matches_esda_with_real_valued_and_skewed_input():
    rng = np.random.default_rng(7)
    neighbours = lattice(10, 10, rook=False)
    for values in (rng.normal(50.0, 10.0, 100), rng.lognormal(0.0, 2.0, 100), np.where(rng.random(100) < 0.9, 0, 9)):
        np.testing.assert_allclose(
            getis_ord_gi_star(values, neighbours), esda_z(values.astype(float), neighbours), rtol=0, atol=1e-9
        )


@pytest.mark.parametrize(("seed", "k"), [(11, 1), (12, 1), (13, 2), (14, 2), (15, 3)])
def test_it_matches_esda_on_h3_rings_in_arjeplog(seed, k):
    counts = arjeplog_counts(seed)
    area = study_area(counts, k)
    cells = sorted(area)
    index = {cell: i for i, cell in enumerate(cells)}
    neighbours = [sorted(index[c] for c in h3.grid_disk(cell, k) if c != cell and c in index) for cell in cells]
    values = np.array([area[cell] for cell in cells], dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal warns about the disconnected edge of the study area
        w = W({i: units for i, units in enumerate(neighbours)}, id_order=list(range(len(cells))))
        expected = G_Local(values, w, transform="B", star=True, permutations=0)

    np.testing.assert_allclose(getis_ord_gi_star(values, neighbours), expected.Zs, rtol=0, atol=1e-9)

    spots = {spot.cell: spot for spot in hotspots(counts, k=k)}
    assert set(spots) == set(cells)
    np.testing.assert_allclose([spots[cell].z for cell in cells], expected.Zs, rtol=0, atol=1e-9)
    np.testing.assert_allclose([spots[cell].p for cell in cells], 2 * expected.p_norm, rtol=1e-9, atol=1e-12)


def test_it_finds_a_planted_cluster_as_hot():
    centre = h3.latlng_to_cell(*ARJEPLOG, 8)
    rng = np.random.default_rng(21)
    counts = {cell: int(rng.poisson(1.0)) for cell in h3.grid_disk(centre, 8)}
    cluster = h3.grid_disk(centre, 1)
    counts.update({cell: 20 for cell in cluster})

    spots = {spot.cell: spot for spot in hotspots(counts)}

    assert spots[centre].significant
    assert spots[centre].kind == "hot"
    assert spots[centre].p < 0.001
    assert {cell for cell, spot in spots.items() if spot.kind == "hot"} <= set(h3.grid_disk(centre, 2))
    assert not any(spot.kind == "cold" for spot in spots.values())


def test_it_finds_a_planted_quiet_patch_as_cold():
    centre = h3.latlng_to_cell(*ARJEPLOG, 8)
    counts = {cell: 10 for cell in h3.grid_disk(centre, 10)}
    counts.update({cell: 1 for cell in h3.grid_disk(centre, 2)})

    spots = {spot.cell: spot for spot in hotspots(counts)}

    assert spots[centre].kind == "cold"
    assert {cell for cell, spot in spots.items() if spot.kind == "cold"} == set(h3.grid_disk(centre, 1))
    assert not any(spot.kind == "hot" for spot in spots.values())


def test_it_sorts_by_z_highest_first():
    z = [spot.z for spot in hotspots(arjeplog_counts(31))]
    assert z == sorted(z, reverse=True)


def test_it_marks_kind_only_for_significant_cells():
    for spot in hotspots(arjeplog_counts(32)):
        if not spot.significant:
            assert spot.kind == ""
        else:
            assert spot.kind == ("hot" if spot.z > 0 else "cold")


def test_it_corrects_for_the_false_discovery_rate_by_hand():
    # Sorted: 0.004 ≤ 0.01, 0.025 > 0.02, 0.028 ≤ 0.03, 0.045 > 0.04, 0.3 > 0.05: the three smallest,
    # 0.025 included (step-up), where Bonferroni (p ≤ 0.01) would keep only 0.004.
    p = [0.045, 0.004, 0.3, 0.028, 0.025]
    assert benjamini_hochberg(p, alpha=0.05).tolist() == [False, True, False, True, True]


def test_it_rejects_nothing_when_no_p_value_is_small_enough():
    assert not benjamini_hochberg([0.02, 0.03, 0.04, 0.05], alpha=0.01).any()


def test_it_takes_empty_input():
    assert benjamini_hochberg([]).tolist() == []
    assert getis_ord_gi_star([], []).tolist() == []
    assert hotspots({}) == []


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("alpha", [0.01, 0.05, 0.1])
def test_it_agrees_with_scipys_false_discovery_control(seed, alpha):
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(0, 1, 80), rng.uniform(0, 0.002, 20)])
    assert benjamini_hochberg(p, alpha).tolist() == (false_discovery_control(p) <= alpha).tolist()


p_lists = st.lists(st.floats(0, 1), min_size=1, max_size=60)


@given(p=p_lists, alpha=st.floats(0.001, 0.5))
def test_it_keeps_smaller_p_values_significant(p, alpha):
    significant = benjamini_hochberg(p, alpha)
    if significant.any():
        assert max(np.array(p)[significant]) <= min(np.array(p)[~significant], default=1.0)


@given(p=p_lists, alpha=st.floats(0.001, 0.5), smaller=st.floats(0.0, 1.0))
def test_it_finds_no_more_with_a_stricter_alpha(p, alpha, smaller):
    strict = benjamini_hochberg(p, alpha * smaller)
    loose = benjamini_hochberg(p, alpha)
    assert not (strict & ~loose).any()


def test_it_includes_the_empty_neighbours_in_the_study_area():
    cell = h3.latlng_to_cell(*ARJEPLOG, 8)
    neighbour = next(iter(h3.grid_ring(cell, 1)))

    assert study_area({cell: 5}) == {cell: 5} | {other: 0 for other in h3.grid_ring(cell, 1)}
    assert len(study_area({cell: 5}, k=2)) == 19

    both = study_area({cell: 5, neighbour: 2})
    assert both[cell] == 5
    assert both[neighbour] == 2
    assert set(both) == set(h3.grid_disk(cell, 1)) | set(h3.grid_disk(neighbour, 1))
    assert sum(both.values()) == 7


@pytest.mark.parametrize("value", [0.0, 4.0, 0.1])
def test_it_gives_zero_not_nan_for_constant_input(value):
    z = getis_ord_gi_star(np.full(25, value), lattice(5, 5, rook=True))
    assert z.tolist() == [0.0] * 25


def test_it_gives_zero_for_fewer_than_three_units():
    assert getis_ord_gi_star([1.0, 7.0], [[1], [0]]).tolist() == [0.0, 0.0]


def test_it_gives_no_nan_for_a_single_incident_cell():
    cell = h3.latlng_to_cell(*ARJEPLOG, 9)
    spots = hotspots({cell: 5})

    assert len(spots) == 7
    assert not any(np.isnan(spot.z) or np.isnan(spot.p) for spot in spots)
    # Its neighbourhood is the whole study area: nothing to compare it with.
    assert next(spot for spot in spots if spot.cell == cell).z == 0.0
    assert not any(spot.significant for spot in spots)


@given(
    values=st.lists(st.integers(0, 50), min_size=25, max_size=25),
    shift=st.floats(-1e4, 1e4),
    scale=st.floats(1e-3, 1e3),
)
def test_it_is_invariant_to_shifting_and_scaling_the_values(values, shift, scale):
    neighbours = lattice(5, 5, rook=False)
    x = np.array(values, dtype=float)
    z = getis_ord_gi_star(x, neighbours)

    np.testing.assert_allclose(getis_ord_gi_star(x + shift, neighbours), z, rtol=0, atol=1e-9)
    np.testing.assert_allclose(getis_ord_gi_star(x * scale, neighbours), z, rtol=0, atol=1e-9)
