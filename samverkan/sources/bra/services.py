"""Writing Brå's crime statistics: the category tree and the figures, compared with what is stored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from samverkan.core.progress import Output, progress
from samverkan.organisations.models import Municipality
from samverkan.sources.bra.models import CrimeCategory, CrimeStatistic
from samverkan.sources.bra.parse import MISSING, CrimeRow
from samverkan.sources.bra.taxonomy import tree_order
from samverkan.sources.importing import Outcome, Plan, bulk_update, expect_written
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


@dataclass
class CrimePlan(Plan):
    parents: Mapping[str, str | None] = field(default_factory=dict)  # the category tree, saved by apply
    created: list[tuple[str, CrimeStatistic]] = field(default_factory=list)  # with the category's name
    updated: list[CrimeStatistic] = field(default_factory=list)


def crime_statistics_plan(
    *, rows: list[CrimeRow], parents: Mapping[str, str | None], out: Output | None = None
) -> CrimePlan:
    """Compare the rows with what is stored: new ones are created, changed ones updated, the rest skipped.

    A preliminary figure never replaces a final one; a final one replaces a preliminary one.
    """
    plan = CrimePlan(parents=parents)
    categories = dict(CrimeCategory.objects.filter(name__in=parents).values_list("name", "id"))
    municipalities = dict(Municipality.objects.filter(code__in={r.region_code for r in rows}).values_list("code", "id"))
    # Looked up with a row's category id, None for a category not stored yet.
    stored: dict[tuple[str, int | None, int, str], CrimeStatistic] = {
        (s.region_code, s.category_id, s.year, s.period): s
        for s in CrimeStatistic.objects.filter(
            region_code__in={r.region_code for r in rows}, year__in={r.year for r in rows}
        )
    }
    items: Iterable[CrimeRow] = progress(rows, total=len(rows), label="brå", out=out) if out else rows
    for row in items:
        values = {"count": row.count, "per_100k": row.per_100k, "preliminary": row.preliminary}
        statistic = stored.get((row.region_code, categories.get(row.category), row.year, row.period))
        if statistic is None:
            created = CrimeStatistic(
                region_code=row.region_code,
                municipality_id=municipalities.get(row.region_code),
                year=row.year,
                period=row.period,
                **values,
            )
            plan.created.append((row.category, created))
            plan.outcome.count("created", _describe(row))
        elif (row.preliminary and not statistic.preliminary) or all(
            getattr(statistic, name) == value for name, value in values.items()
        ):
            plan.outcome.count("skipped", _describe(row))
        else:
            for name, value in values.items():
                setattr(statistic, name, value)
            plan.updated.append(statistic)
            plan.outcome.count("updated", _describe(row))
    return plan


def crime_statistics_apply(*, plan: CrimePlan, run: ImportRun) -> None:
    """Write the plan: the category tree first, then the figures, in bulk."""
    categories = crime_categories_save(parents=plan.parents)
    for name, statistic in plan.created:
        statistic.category, statistic.run = categories[name], run
    for statistic in plan.updated:
        statistic.run = run
    CrimeStatistic.objects.bulk_create([statistic for _name, statistic in plan.created], batch_size=1000)
    written = bulk_update(plan.updated, ["count", "per_100k", "preliminary", "run"])
    expect_written(written, len(plan.updated))


def crime_statistics_save(*, rows: list[CrimeRow], parents: Mapping[str, str | None], run: ImportRun) -> Outcome:
    """Plan and apply at once (the demo data, written inside its own transaction)."""
    plan = crime_statistics_plan(rows=rows, parents=parents)
    crime_statistics_apply(plan=plan, run=run)
    return plan.outcome
