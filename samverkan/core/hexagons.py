"""H3 hexagons: where incidents are counted for hotspots. No Django here.

Every incident stores its cell at each of RESOLUTIONS, so the database can count per cell
with a GROUP BY. A municipality's resolution follows its size in residents (see resolution_for).
"""

from __future__ import annotations

import functools

import h3

RESOLUTIONS = (7, 8, 9)
# Hotspots are about places in towns, and a municipality's towns grow with its population: below
# this many residents the finer cells of resolution 9 (edge ≈ 200 m, a block or a square) keep a
# small town several cells wide; larger municipalities get resolution 8 (edge ≈ 530 m).
FINE_BELOW_RESIDENTS = 50_000


def cells_for(lat: float, lng: float) -> dict[int, str]:
    return {resolution: h3.latlng_to_cell(lat, lng, resolution) for resolution in RESOLUTIONS}


def resolution_for(residents: int) -> int:
    return 9 if residents < FINE_BELOW_RESIDENTS else 8


@functools.lru_cache(maxsize=2**16)
def neighbours(cell: str, k: int = 1) -> frozenset[str]:
    """The cells within k steps, the cell itself included (computed once per cell and k)."""
    return frozenset(h3.grid_disk(cell, k))


def boundary(cell: str) -> list[tuple[float, float]]:
    """The hexagon's corners as (lat, lng)."""
    return list(h3.cell_to_boundary(cell))


def centre(cell: str) -> tuple[float, float]:
    """The hexagon's centre as (lat, lng)."""
    lat, lng = h3.cell_to_latlng(cell)
    return lat, lng
