"""Indicator series from CSV: youth surveys (CAN "Skolelevers drogvanor"), supervision figures and the like."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from samverkan.core import figures
from samverkan.core.progress import Output, progress
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import region_label, region_names
from samverkan.sources.importing import Batch, Claim, Plan, bulk_update, expect_written
from samverkan.sources.indicators.models import Indicator, IndicatorValue
from samverkan.sources.indicators.parse import IndicatorRow, parse_indicators
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import Problems, Source
from samverkan.sources.registry import register

UNKNOWN_MUNICIPALITY = _("unknown municipality {name!r}")
NO_KEY = _("{name!r} has no letters or digits to name it by")
REPEATED = _("{indicator} {region} {year} repeats line {line}")
STORED_FIELDS = ["value", "n", "source_note"]


@dataclass(frozen=True)
class Resolved:
    row: IndicatorRow
    key: str
    region_code: str


@dataclass
class IndicatorPlan(Plan):
    names: dict[str, str] = field(default_factory=dict)  # every indicator by key: created by apply if new
    created: list[tuple[str, IndicatorValue]] = field(default_factory=list)  # with its indicator's key
    updated: list[IndicatorValue] = field(default_factory=list)


@register
class IndicatorImporter:
    key = "indicators"
    label = _("Other indicators")
    accept = ".csv,.txt"
    help = _(
        "CSV with the columns indicator,municipality,year,value,n,source (comma or semicolon): one value per "
        "indicator, municipality (kommunkod or name) and year; n is how many answered, when the value is a share."
    )

    def parse(self, source: Source) -> Batch:
        problems = Problems(source.short_name)
        rows = parse_indicators(source, problems)
        kommunkoder = set(Municipality.objects.values_list("code", flat=True))
        names = region_names()
        first: dict[tuple[str, str, int], int] = {}
        resolved = []
        for row in rows:
            code = row.municipality if row.municipality in kommunkoder else names.get(row.municipality.lower())
            key = slugify(row.indicator)[:100]
            if code is None:
                problems.add(row.line, "municipality", UNKNOWN_MUNICIPALITY.format(name=row.municipality))
            if not key:
                problems.add(row.line, "indicator", NO_KEY.format(name=row.indicator))
            if code is None or not key:
                continue
            if (key, code, row.year) in first:
                problems.add(
                    row.line,
                    "year",
                    REPEATED.format(
                        indicator=row.indicator, region=code, year=row.year, line=first[key, code, row.year]
                    ),
                )
                continue
            first[key, code, row.year] = row.line
            resolved.append(Resolved(row, key, code))
        problems.items.sort(key=lambda problem: problem.line or 0)
        problems.raise_if_any()
        return Batch(rows=resolved, municipalities={r.region_code for r in resolved if len(r.region_code) == 4})

    def claims(self, batch: Batch) -> Iterator[Claim]:
        """A value is matched by its own region, so it writes that region only."""
        for resolved in batch.rows:
            yield Claim(resolved.row.line, "municipality", resolved.region_code)

    def plan(self, batch: Batch, *, out: Output | None) -> IndicatorPlan:
        rows: list[Resolved] = batch.rows
        plan = IndicatorPlan()
        stored_indicators = Indicator.objects.in_bulk({resolved.key for resolved in rows}, field_name="key")
        for resolved in rows:  # a new indicator is named as in its first row
            if resolved.key not in plan.names:
                indicator = stored_indicators.get(resolved.key)
                plan.names[resolved.key] = indicator.name if indicator else resolved.row.indicator
        codes = {resolved.region_code for resolved in rows}
        municipality_ids = dict(Municipality.objects.filter(code__in=codes).values_list("code", "id"))
        labels = {code: region_label(code) for code in codes}
        stored = {
            (v.indicator_id, v.region_code, v.year): v
            for v in IndicatorValue.objects.filter(indicator__in=stored_indicators.values(), region_code__in=codes)
        }
        for resolved in progress(rows, total=len(rows), label="indicators", out=out):
            row, indicator = resolved.row, stored_indicators.get(resolved.key)
            shown = figures.as_given(row.value)
            described = f"{plan.names[resolved.key]} {labels[resolved.region_code]} {row.year}: {shown}"
            if row.n is not None:
                described += f" (n={row.n})"
            fields = dict(zip(STORED_FIELDS, (row.value, row.n, row.source), strict=True))
            current = stored.get((indicator.pk, resolved.region_code, row.year)) if indicator else None
            if current is None:
                new = IndicatorValue(
                    region_code=resolved.region_code,
                    municipality_id=municipality_ids.get(resolved.region_code),
                    year=row.year,
                    **fields,
                )
                plan.created.append((resolved.key, new))
                plan.outcome.count("created", described)
            elif all(getattr(current, name) == value for name, value in fields.items()):
                plan.outcome.count("skipped", described)
            else:
                for name, value in fields.items():
                    setattr(current, name, value)
                plan.updated.append(current)
                plan.outcome.count("updated", described)
        return plan

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, IndicatorPlan)
        indicators = {}
        for key, name in plan.names.items():
            indicators[key], _created = Indicator.objects.get_or_create(key=key, defaults={"name": name})
        for key, value in plan.created:
            value.indicator, value.run = indicators[key], run
        for value in plan.updated:
            value.run = run
        IndicatorValue.objects.bulk_create([value for _key, value in plan.created], batch_size=1000)
        written = bulk_update(plan.updated, [*STORED_FIELDS, "run"])
        expect_written(written, len(plan.updated))
