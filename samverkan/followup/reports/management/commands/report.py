from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from samverkan.followup.reports.selectors import Place
from samverkan.followup.reports.services import report_generate
from samverkan.organisations.commands import police_area_named
from samverkan.organisations.models import Municipality
from samverkan.situation.selectors import joint_municipalities


class Command(BaseCommand):
    help = (
        "Generate a report and keep it as a new version. "
        "Example: uv run samverkan report annual 2506 --year 2025 --out arjeplog-2025.pdf"
    )

    def add_arguments(self, parser) -> None:
        kinds = parser.add_subparsers(dest="kind", required=True)
        annual = kinds.add_parser("annual", help="the annual report (återrapportering) to the leaderships")
        annual.add_argument("kommunkod", nargs="?", help="the municipality's code, e.g. 2506")
        annual.add_argument("--joint", metavar="LPO", help="the joint report of a police area, by name (or part) or id")
        annual.add_argument("--year", type=int, required=True)
        annual.add_argument("--out", help="the PDF file to write (default: annual-KOMMUNKOD-YEAR.pdf)")

    def handle(self, *args, kind, kommunkod, joint, year, out, **options) -> None:
        if bool(kommunkod) == bool(joint):
            raise CommandError("give either a kommunkod or --joint LPO")
        if joint:
            area = police_area_named(joint)
            place = Place(None, area, joint_municipalities(area), True)
            name = f"lpo{area.pk}"
        else:
            municipality = Municipality.objects.filter(code=kommunkod).first()
            if municipality is None:
                raise CommandError(f"no municipality with the code {kommunkod!r}")
            place = Place(municipality, None, [municipality], True)
            name = kommunkod
        report = report_generate(place=place, year=year, by=None)
        out = out or f"annual-{name}-{year}.pdf"
        with open(out, "wb") as file:
            file.write(report.pdf)
        self.stderr.write(f"version {report.version} written: {out}")
