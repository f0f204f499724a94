"""Brå's reported crimes from SOL exports: `import_bra` and the web import."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TextIO

from django.utils.translation import gettext_lazy as _

from samverkan.organisations.regions import region_names
from samverkan.sources.bra.models import CrimeCategory
from samverkan.sources.bra.parse import parse_export
from samverkan.sources.bra.services import crime_statistics_save
from samverkan.sources.importing import Batch, Outcome, Problems, Source, decode_text
from samverkan.sources.models import ImportRun
from samverkan.sources.registry import register


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

    def store(self, batch: Batch, *, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None:
        assert isinstance(batch, CrimeBatch)
        crime_statistics_save(rows=batch.rows, parents=batch.parents, run=run, outcome=outcome, out=out)
