"""H3 hexagons: where incidents are counted for hotspots. No Django here.

Every incident stores its cell at each of RESOLUTIONS, so the database can count per cell
with a GROUP BY. A municipality's resolution follows its size (see resolution_for).
"""

from __future__ import annotations

import h3

RESOLUTIONS = (7, 8, 9)
# Municipalities smaller than this (km²) get the finer cells of resolution 9 (edge ≈ 200 m);
# larger ones resolution 8 (edge ≈ 530 m), where a town is still several cells wide.
FINE_BELOW_KM2 = 500


def cells_for(lat: float, lng: float) -> dict[int, str]:
    return {resolution: h3.latlng_to_cell(lat, lng, resolution) for resolution in RESOLUTIONS}


def resolution_for(area_km2: float) -> int:
    return 9 if area_km2 < FINE_BELOW_KM2 else 8


def neighbours(cell: str, k: int = 1) -> set[str]:
    """The cells within k steps, the cell itself included."""
    return set(h3.grid_disk(cell, k))


def boundary(cell: str) -> list[tuple[float, float]]:
    """The hexagon's corners as (lat, lng)."""
    return list(h3.cell_to_boundary(cell))
