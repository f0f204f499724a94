"""Brå's reported crimes from SOL exports: `import_bra` and the web import."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from samverkan.core.progress import Output
from samverkan.organisations.regions import region_names
from samverkan.sources.bra.models import CrimeCategory
from samverkan.sources.bra.parse import CRIME, REGION, parse_export
from samverkan.sources.bra.services import CrimePlan, crime_statistics_apply, crime_statistics_plan
from samverkan.sources.importing import Batch, Claim, Plan
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import Problems, Source, decode_text
from samverkan.sources.registry import register

CATEGORY_MOVED = _("{category!r} lies under {parent!r}: only an administrator moves a category in Brå's tree")


@dataclass
class CrimeBatch(Batch):
    parents: dict[str, str | None] = field(default_factory=dict)


@register
class BraImporter:
    key = "bra"
    label = _("Brå reported crimes")
    accept = ".txt,.csv,.tsv"
    help = _(
        "An export from Brå's statistics database (SOL), as text (tab-separated) or database file "
        "(semicolon-separated), with the columns Brott, Region, År, Period, Antal and /100 000 inv."
    )

    def parse(self, source: Source) -> CrimeBatch:
        known = {name: parent for name, parent in CrimeCategory.objects.values_list("name", "parent__name")}
        parsed = parse_export(decode_text(source), regions=region_names(), known_parents=known)
        problems = Problems(source.short_name)
        for line, field_name, message in parsed.problems:
            problems.add(line, field_name, message)
        problems.raise_if_any()
        municipalities = {row.region_code for row in parsed.rows if len(row.region_code) == 4}
        return CrimeBatch(rows=parsed.rows, municipalities=municipalities, parents=parsed.parents)

    def claims(self, batch: Batch) -> Iterator[Claim]:
        """A row is matched by its own region, so it writes that region only. The category tree is
        everyone's: moving a stored category is an administrator's (its claim is of no region)."""
        assert isinstance(batch, CrimeBatch)
        first_line: dict[str, int] = {}
        for row in batch.rows:
            first_line.setdefault(row.category, row.line)
            yield Claim(row.line, REGION, row.region_code)
        stored = CrimeCategory.objects.filter(name__in=batch.parents).values_list("name", "parent__name")
        for name, parent in stored:
            if batch.parents[name] != parent:
                moved = CATEGORY_MOVED.format(category=name, parent=parent or "–")
                yield Claim(first_line.get(name), CRIME, "", moved)

    def plan(self, batch: Batch, *, out: Output | None) -> CrimePlan:
        assert isinstance(batch, CrimeBatch)
        return crime_statistics_plan(rows=batch.rows, parents=batch.parents, out=out)

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        assert isinstance(plan, CrimePlan)
        crime_statistics_apply(plan=plan, run=run)
