"""Arjeplog's plan with one activity, on the shared cast of tests/conftest.py, and points in the town a few hundred
metres apart (Arjeplog's test box is 17–18° E, 66–67° N): the lit place, a comparison place 1.1 km north of it,
one 445 m north (too close: 145 m edge to edge at 150 m radii) and one 55 m away (overlapping)."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.sources.incidents import aggregates
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import incident_categories_for

LIT = (66.05, 17.89)
FAR = (66.06, 17.89)  # 1 112 m north: 812 m edge to edge at 150 m radii
NEAR = (66.054, 17.89)  # 445 m north: 145 m edge to edge
OVERLAPPING = (66.0505, 17.89)
STARTS, ENDS = datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)


@dataclass
class Lit:
    plan: ActionPlan
    activity: Activity
    square: NamedPlace
    school: NamedPlace


def form_data(**values: object) -> dict[str, object]:
    """A valid form: the lit place with a 150 m radius from 1 September 2025, against the far place."""
    data: dict[str, object] = {
        "lat": LIT[0],
        "lng": LIT[1],
        "radius_m": 150,
        "polygon": "",
        "starts_on": "2025-09-01",
        "ends_on": "",
        "comparison_lat": FAR[0],
        "comparison_lng": FAR[1],
        "comparison_radius_m": "",
        "comparison_name": "Skolan",
    }
    data.update(values)
    return data


# A day the tests stand on: the whole months after a start on 1 September 2025 are September 2025 – October 2026.
TODAY = datetime.datetime(2026, 11, 15, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))
RING = (66.0515, 17.89)  # 167 m north of the lit place: in its ring (150–300 m)
VANDALISM = "Skadegörelse"


def months(first: datetime.date, count: int) -> list[datetime.date]:
    index = first.year * 12 + first.month - 1
    return [datetime.date((index + i) // 12, (index + i) % 12 + 1, 10) for i in range(count)]


def plant(world, *, category: str = VANDALISM) -> dict[str, dict[str, int]]:
    """Incidents from September 2023 to October 2026: at the lit place 2 and 4 in turn a month before the start
    on 1 September 2025 and 0 and 2 after it; at the far place 2 and 4 all along; in the ring 1 a month. Returns
    the counts of the 24 months before and the 14 after, worked out by hand."""
    category_row = next(c for c in incident_categories_for(world.arjeplog) if c.name == category)
    rows = []
    for i, day in enumerate(months(datetime.date(2023, 9, 1), 38)):
        after = day >= datetime.date(2025, 9, 1)
        lit = (0 if i % 2 == 0 else 2) if after else (2 if i % 2 == 0 else 4)
        for point, count in ((LIT, lit), (FAR, 2 if i % 2 == 0 else 4), (RING, 1)):
            when = datetime.datetime.combine(day, datetime.time(20), zoneinfo.ZoneInfo("Europe/Stockholm"))
            rows += [
                Incident(
                    municipality=world.arjeplog,
                    category=category_row,
                    occurred_from=when,
                    lat=point[0],
                    lng=point[1],
                    severity=1,
                    description="Krossad ruta",
                )
                for _ in range(count)
            ]
    for row in rows:
        row.locate_cells()
    Incident.objects.bulk_create(rows)
    aggregates.rebuild()
    # Before: 12 months of 2 and 12 of 4 at both places (72), 24 in the ring; after: 7 × 0 + 7 × 2 = 14 at the lit
    # place, 7 × 2 + 7 × 4 = 42 at the far one, 14 in the ring.
    return {
        "area": {"before": 72, "after": 14},
        "comparison": {"before": 72, "after": 42},
        "ring": {"before": 24, "after": 14},
    }
