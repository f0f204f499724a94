"""Named places as plain data: the great-circle distance, the nearest place to a point, and the CSV format they
are imported from. No Django here (the import-linter contract "The pure modules import no Django")."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KINDS = ("village", "square", "school", "station", "other")
HEADER = ("municipality", "name", "kind", "lat", "lng")
NAME_MAX = 100


def great_circle_m(lat1: Any, lng1: Any, lat2: Any, lng2: Any) -> Any:
    """The distance in metres between WGS84 points along the sphere (haversine); takes floats or numpy arrays."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi, dlambda = phi2 - phi1, np.radians(np.asarray(lng2) - np.asarray(lng1))
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * 1000 * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def great_circle_km(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """The distance in km between two WGS84 points along the sphere."""
    return float(great_circle_m(lat1, lng1, lat2, lng2)) / 1000


def nearest(lat: float, lng: float, points: Iterable[tuple[float, float]]) -> tuple[int, float] | None:
    """The index of the point nearest (lat, lng) and its distance in km; the first of equals; None for none."""
    best: tuple[int, float] | None = None
    for index, (plat, plng) in enumerate(points):
        km = great_circle_km(lat, lng, plat, plng)
        if best is None or km < best[1]:
            best = (index, km)
    return best


@dataclass(frozen=True)
class PlaceRow:
    line: int
    municipality: str  # the kommunkod, four digits
    name: str
    kind: str
    lat: float
    lng: float


class PlacesError(ValueError):
    """Every problem of a file, one `FILE:LINE: field: what is wrong` each."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", ".").replace("\u2212", "-"))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_places(text: str, *, file: str) -> list[PlaceRow]:
    """The rows of a named-places CSV (UTF-8; comma or semicolon; a header line `municipality,name,kind,lat,lng`;
    a decimal point or comma). Raises PlacesError with every problem, so a file is taken whole or not at all."""
    text = text.removeprefix("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    problems: list[str] = []
    header = [cell.strip().lower() for cell in next(rows, [])]
    if tuple(header) != HEADER:
        raise PlacesError([f"{file}:1: header: expected {','.join(HEADER)}, found {','.join(header) or 'nothing'}"])
    places: list[PlaceRow] = []
    seen: dict[tuple[str, str], int] = {}
    for line, cells in enumerate(rows, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(HEADER):
            problems.append(f"{file}:{line}: row: expected {len(HEADER)} fields, found {len(cells)}")
            continue
        code, name, kind, lat_text, lng_text = (cell.strip() for cell in cells)
        before = len(problems)
        if not (len(code) == 4 and code.isdigit()):
            problems.append(f"{file}:{line}: municipality: {code!r} is not a four-digit municipality code")
        if not name:
            problems.append(f"{file}:{line}: name: empty")
        elif len(name) > NAME_MAX:
            problems.append(f"{file}:{line}: name: longer than {NAME_MAX} characters")
        elif (code, name.casefold()) in seen:
            problems.append(f"{file}:{line}: name: {name!r} is already on line {seen[(code, name.casefold())]}")
        if kind not in KINDS:
            problems.append(f"{file}:{line}: kind: {kind!r} is not one of {', '.join(KINDS)}")
        lat, lng = _number(lat_text), _number(lng_text)
        if lat is None or not -90 <= lat <= 90:
            problems.append(f"{file}:{line}: lat: {lat_text!r} is not a latitude in decimal degrees (-90 to 90)")
        if lng is None or not -180 <= lng <= 180:
            problems.append(f"{file}:{line}: lng: {lng_text!r} is not a longitude in decimal degrees (-180 to 180)")
        if len(problems) == before and lat is not None and lng is not None:
            seen[(code, name.casefold())] = line
            places.append(PlaceRow(line, code, name, kind, lat, lng))
    if problems:
        raise PlacesError(problems)
    return places
