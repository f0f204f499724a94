"""Writing Brå's crime statistics: the category tree and the figures, compared with what is stored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TextIO

from samverkan.core.progress import progress
from samverkan.organisations.models import Municipality
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.bra.parse import MISSING, CrimeRow
from samverkan.sources.bra.taxonomy import tree_order
from samverkan.sources.importing import Outcome
from samverkan.sources.models import ImportRun


def crime_categories_save(*, parents: Mapping[str, str | None]) -> dict[str, CrimeCategory]:
    """The categories by name, created where missing and moved where `parents` places them elsewhere."""
    categories = {category.name: category for category in CrimeCategory.objects.filter(name__in=parents)}
    for path in tree_order(parents):  # parents before their children
        name = path[-1]
        parent = categories[path[-2]] if len(path) > 1 else None
        category = categories.get(name)
        if category is None:
            categories[name] = CrimeCategory.objects.create(name=name, parent=parent)
        elif category.parent_id != (parent and parent.id):
            category.parent = parent
            category.save(update_fields=["parent"])
    return categories


def _describe(row: CrimeRow) -> str:
    count = MISSING if row.count is None else str(row.count)
    preliminary = " prel" if row.preliminary else ""
    return f"{row.region} – {row.category} {row.year}{preliminary} {row.period}: {count}"


def crime_statistics_save(
    *,
    rows: list[CrimeRow],
    parents: Mapping[str, str | None],
    run: ImportRun,
    outcome: Outcome,
    out: TextIO | None = None,
) -> None:
    """Store the rows: new ones are created, changed ones updated, the rest skipped.

    A preliminary figure never replaces a final one; a final one replaces a preliminary one.
    """
    categories = crime_categories_save(parents=parents)
    municipalities = dict(Municipality.objects.filter(code__in={r.region_code for r in rows}).values_list("code", "id"))
    stored = {
        (s.region_code, s.category_id, s.year, s.period): s
        for s in CrimeStatistic.objects.filter(
            region_code__in={r.region_code for r in rows}, year__in={r.year for r in rows}
        )
    }
    created: list[CrimeStatistic] = []
    updated: list[CrimeStatistic] = []
    items: Iterable[CrimeRow] = progress(rows, total=len(rows), label="brå", out=out) if out else rows
    for row in items:
        category = categories[row.category]
        values = {"count": row.count, "per_100k": row.per_100k, "preliminary": row.preliminary}
        statistic = stored.get((row.region_code, category.id, row.year, row.period))
        if statistic is None:
            created.append(
                CrimeStatistic(
                    region_code=row.region_code,
                    municipality_id=municipalities.get(row.region_code),
                    category=category,
                    year=row.year,
                    period=row.period,
                    run=run,
                    **values,
                )
            )
            outcome.count("created", _describe(row))
        elif (row.preliminary and not statistic.preliminary) or all(
            getattr(statistic, name) == value for name, value in values.items()
        ):
            outcome.count("skipped", _describe(row))
        else:
            for name, value in values.items():
                setattr(statistic, name, value)
            statistic.run = run
            updated.append(statistic)
            outcome.count("updated", _describe(row))
    CrimeStatistic.objects.bulk_create(created)
    CrimeStatistic.objects.bulk_update(updated, ["count", "per_100k", "preliminary", "run"])
