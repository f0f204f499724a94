from __future__ import annotations

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from samverkan.organisations.commands import police_area_named
from samverkan.organisations.models import Municipality
from samverkan.situation.audience import ShownJoint, ShownPicture
from samverkan.situation.presentation import charts_for, joint_charts_for
from samverkan.situation.reports import pdf_for
from samverkan.situation.selectors import AUDIENCES, INTERNAL, Period, joint_situation, situation_for_municipality


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Write a municipality's lägesbild (or with --joint the joint one of a police area) as JSON or PDF. "
        "Example: uv run samverkan lagesbild 2506 --from 2025-01-01 --to 2025-12-31 --format pdf --out arjeplog.pdf"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kommunkod", nargs="?", help="the municipality's code, e.g. 2506")
        parser.add_argument("--joint", metavar="LPO", help="a police area, by name (or part of it) or id")
        parser.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument("--audience", choices=AUDIENCES, default=INTERNAL)
        parser.add_argument("--out", help="the file to write (default: standard output, JSON only)")

    def handle(self, *args, kommunkod, joint, start, end, format, audience, out, **options) -> None:
        period = Period(_date(start), _date(end))
        if period.end < period.start:
            raise CommandError("--to is before --from")
        if bool(kommunkod) == bool(joint):
            raise CommandError("give either a kommunkod or --joint LPO")
        data: ShownPicture | ShownJoint
        if joint:
            area = police_area_named(joint)
            data = joint_situation(police_area=area, period=period, audience=audience)
            charts = joint_charts_for(data)
        else:
            municipality = Municipality.objects.filter(code=kommunkod).first()
            if municipality is None:
                raise CommandError(f"no municipality with the code {kommunkod!r}")
            data = situation_for_municipality(municipality=municipality, period=period, audience=audience)
            charts = charts_for(data, municipality.boundary)
        if format == "pdf":
            if not out:
                raise CommandError("a PDF needs --out FILE")
            with open(out, "wb") as file:
                file.write(pdf_for(data, charts))
        else:
            text = json.dumps(data.to_json(), ensure_ascii=False, indent=2)
            if out:
                with open(out, "w", encoding="utf-8") as file:
                    file.write(text)
            else:
                self.stdout.write(text)
        if out:
            self.stderr.write(f"written: {out}")
