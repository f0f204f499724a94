"""Kolada key figures from a saved answer of Kolada's data API, or straight from the API.

    uv run samverkan import_kolada kolada.json
    uv run samverkan import_kolada https://api.kolada.se/v2/data/kpi/N07403,N07540/municipality/2505,2506,0025,0000/year/2021,2022,2023

From the API every page is read (its "next_page"); a saved file is one page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from samverkan.core import figures
from samverkan.core.progress import Output, progress
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import region_label
from samverkan.sources.importing import Batch, Claim, Plan, bulk_update, expect_written, read_source
from samverkan.sources.kolada.kpis import kpi_defaults
from samverkan.sources.kolada.models import Kpi, KpiValue
from samverkan.sources.kolada.parse import KoladaPage, KoladaValue, parse_kolada
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Problem, Problems, Source, decode_text
from samverkan.sources.registry import register

UNKNOWN_MUNICIPALITY = _("unknown municipality {code!r}")
REPEATED = _("{value} repeats {first}")


def _pages(source: Source) -> Iterator[tuple[KoladaPage, Problems]]:
    """Each page with its problems: from the API every page in turn, a saved file as it is."""
    page, seen = source, {source.name}
    while True:
        problems = Problems(page.short_name)
        parsed = parse_kolada(decode_text(page), problems)
        yield parsed, problems
        if "://" not in source.name or not parsed.next_page or parsed.next_page in seen:
            return
        seen.add(parsed.next_page)
        page = read_source(parsed.next_page)


@dataclass
class KoladaPlan(Plan):
    kpis: set[str] = field(default_factory=set)  # created by apply where they are not stored
    created: list[KpiValue] = field(default_factory=list)
    updated: list[KpiValue] = field(default_factory=list)


@register
class KoladaImporter:
    key = "kolada"
    label = _("Kolada key figures")
    accept = ".json"
    help = _(
        "The JSON answer of Kolada's data API (api.kolada.se/v2/data/kpi/…), saved as a file: values per key figure, "
        "municipality (or 0000 for Sweden, 00NN for a region), year and gender."
    )

    def parse(self, source: Source) -> Batch:
        municipalities = set(Municipality.objects.values_list("code", flat=True))
        found: list[Problem] = []
        values: list[KoladaValue] = []
        first: dict[tuple[str, str, int, str], str] = {}
        for page, problems in _pages(source):
            unknown: set[int] = set()
            for value in page.values:
                key = (value.kpi, value.region_code, value.year, value.gender)
                if len(value.region_code) == 4 and value.region_code not in municipalities:
                    if value.line not in unknown:
                        problems.add(value.line, "municipality", UNKNOWN_MUNICIPALITY.format(code=value.region_code))
                    unknown.add(value.line)
                elif key in first:
                    problems.add(value.line, "values", REPEATED.format(value=" ".join(map(str, key)), first=first[key]))
                else:
                    first[key] = f"{problems.file}:{value.line}"
                    values.append(value)
            found.extend(sorted(problems.items, key=lambda problem: problem.line or 0))
        if found:
            raise ImportFailed(found)
        return Batch(rows=values, municipalities={v.region_code for v in values if len(v.region_code) == 4})

    def claims(self, batch: Batch) -> Iterator[Claim]:
        """A value is matched by its own region, so it writes that region only."""
        for value in batch.rows:
            yield Claim(value.line, "municipality", value.region_code)

    def plan(self, batch: Batch, *, out: Output | None) -> KoladaPlan:
        rows: list[KoladaValue] = batch.rows
        plan = KoladaPlan(kpis={row.kpi for row in rows})
        codes = {row.region_code for row in rows}
        municipality_ids = dict(Municipality.objects.filter(code__in=codes).values_list("code", "id"))
        labels = {code: region_label(code) for code in codes}
        stored = {
            (v.kpi_id, v.region_code, v.year, v.gender): v
            for v in KpiValue.objects.filter(
                kpi_id__in=plan.kpis, region_code__in=codes, year__in={row.year for row in rows}
            )
        }
        for row in progress(rows, total=len(rows), label="kolada", out=out):
            shown = figures.as_given(row.value)
            described = f"{row.kpi} {labels[row.region_code]} {row.year} {row.gender}: {shown}"
            current = stored.get((row.kpi, row.region_code, row.year, row.gender))
            if current is None:
                plan.created.append(
                    KpiValue(
                        kpi_id=row.kpi,
                        region_code=row.region_code,
                        municipality_id=municipality_ids.get(row.region_code),
                        year=row.year,
                        gender=row.gender,
                        value=row.value,
                        status=row.status,
                    )
                )
                plan.outcome.count("created", described)
            elif (current.value, current.status) == (row.value, row.status):
                plan.outcome.count("skipped", described)
            else:
                current.value, current.status = row.value, row.status
                plan.updated.append(current)
                plan.outcome.count("updated", described)
        return plan

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, KoladaPlan)
        for kpi_id in sorted(plan.kpis):
            Kpi.objects.get_or_create(id=kpi_id, defaults=kpi_defaults(kpi_id))
        for value in plan.created + plan.updated:
            value.run = run
        KpiValue.objects.bulk_create(plan.created, batch_size=1000)
        written = bulk_update(plan.updated, ["value", "status", "run"])
        expect_written(written, len(plan.updated))
