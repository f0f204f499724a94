from __future__ import annotations

import json
import re

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.followup.reports.evaluation import (
    current_evaluation,
    evaluation_document,
    evaluation_pdf,
    evaluation_refresh,
    evaluation_start,
)
from samverkan.followup.reports.selectors import Place
from samverkan.organisations.commands import police_area_named
from samverkan.organisations.models import Municipality
from samverkan.situation.selectors import joint_municipalities

PERIOD = re.compile(r"^(\d{4})[-–](\d{4})$")


class Command(BaseCommand):
    help = (
        "Write the evaluation of an agreement period as a tagged PDF or as JSON: the draft refreshed from the data "
        "(started when there is none), or the latest adopted version when no draft is being worked on. "
        "Example: uv run samverkan evaluation 2506 --period 2023-2026 --format pdf --out arjeplog.pdf"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kommunkod", nargs="?", help="the municipality's code, e.g. 2506")
        parser.add_argument("--joint", metavar="LPO", help="the joint evaluation of a police area, by name (or part)")
        parser.add_argument("--period", required=True, help="the agreement period, e.g. 2023-2026")
        parser.add_argument("--format", choices=["pdf", "json"], default="pdf")
        parser.add_argument("--out", help="the file to write (default: evaluation-KOMMUNKOD-PERIOD.FORMAT)")

    def handle(self, *args, kommunkod, joint, period, format, out, **options) -> None:
        if bool(kommunkod) == bool(joint):
            raise CommandError("give either a kommunkod or --joint LPO")
        years = PERIOD.match(period.strip())
        if years is None:
            raise CommandError(f"--period {period!r}: give the years as YYYY-YYYY, e.g. 2023-2026")
        if joint:
            area = police_area_named(joint)
            place = Place(None, area, joint_municipalities(area), True)
            agreements = Agreement.objects.filter(parties=area)
            name = f"lpo{area.pk}"
        else:
            municipality = Municipality.objects.filter(code=kommunkod).first()
            if municipality is None:
                raise CommandError(f"no municipality with the code {kommunkod!r}")
            place = Place(municipality, None, [municipality], True)
            agreements = Agreement.objects.filter(municipalities=municipality)
            name = kommunkod
        found = list(
            agreements.filter(
                part=Agreement.Part.STRATEGIC, starts_on__year=int(years[1]), ends_on__year=int(years[2])
            ).filter(revision__isnull=True)
        )
        if len(found) != 1:
            raise CommandError(f"{place.name} has {len(found)} part 1 agreements of the period {period}; give one")
        agreement = found[0]
        today = clock.today()
        evaluation = current_evaluation(agreement, place)
        try:
            if evaluation is None:
                evaluation = evaluation_start(agreement=agreement, place=place, by=None, today=today)
            elif not evaluation.is_adopted:
                evaluation = evaluation_refresh(evaluation=evaluation, by=None, today=today)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        out = out or f"evaluation-{name}-{years[1]}-{years[2]}.{format}"
        if format == "pdf":
            content = evaluation_pdf(evaluation)
        else:
            content = json.dumps(evaluation_document(evaluation), ensure_ascii=False, indent=2).encode()
        with open(out, "wb") as file:
            file.write(content)
        self.stderr.write(f"version {evaluation.version} ({evaluation.get_status_display()}) written: {out}")
