"""Loading the municipalities from the bundled GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from samverkan.core.progress import Output, progress
from samverkan.organisations.counties import COUNTIES
from samverkan.organisations.models import Municipality

GEOJSON = Path(__file__).parent / "data" / "swedish_municipalities.geojson"
BAD_FEATURE = "{file}: feature {index}: {field}: {problem}"


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name: str
    county_code: str
    county_name: str
    boundary: dict


def parse_municipalities(path: Path) -> Iterator[MunicipalityRow]:
    """Rows from a GeoJSON FeatureCollection; raises ValueError naming the feature and field."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for index, feature in enumerate(data["features"], start=1):
        properties = feature.get("properties") or {}
        code = str(properties.get("id", ""))
        if not (len(code) == 4 and code.isdigit()):
            raise ValueError(BAD_FEATURE.format(file=path.name, index=index, field="id", problem=repr(code)))
        county_code = str(properties.get("lan_code", ""))
        if county_code not in COUNTIES:
            raise ValueError(
                BAD_FEATURE.format(file=path.name, index=index, field="lan_code", problem=repr(county_code))
            )
        geometry = feature.get("geometry") or {}
        if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            raise ValueError(BAD_FEATURE.format(file=path.name, index=index, field="geometry", problem="not a polygon"))
        yield MunicipalityRow(code, properties["kom_namn"], county_code, COUNTIES[county_code], geometry)


@dataclass
class LoadResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def municipalities_load(*, path: Path = GEOJSON, out: Output) -> LoadResult:
    rows = list(parse_municipalities(path))
    existing = {m.code: m for m in Municipality.objects.all()}
    result = LoadResult()
    fields = ["name", "county_code", "county_name", "boundary"]
    for row in progress(rows, total=len(rows), label="municipalities", out=out):
        current = existing.get(row.code)
        if current is None:
            Municipality.objects.create(code=row.code, **{f: getattr(row, f) for f in fields})
            result.created += 1
        elif any(getattr(current, f) != getattr(row, f) for f in fields):
            for f in fields:
                setattr(current, f, getattr(row, f))
            current.save(update_fields=fields)
            result.updated += 1
        else:
            result.unchanged += 1
    return result
