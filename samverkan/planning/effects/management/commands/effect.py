"""`samverkan effect KOMMUNKOD --area LAT,LNG,RADIUS_M --comparison LAT,LNG,RADIUS_M --start YYYY-MM-DD`: the
difference-in-differences estimate of an intervention's effect on the incidents in an area (lib/did.py), as JSON
or the verdict in a line."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from samverkan.core import clock
from samverkan.organisations.lib.areas import Circle, parse_circle
from samverkan.organisations.models import Municipality
from samverkan.planning.effects.lib.did import Effect, RateRatio, estimate
from samverkan.planning.effects.lib.proposal import MIN_DISTANCE_M
from samverkan.planning.effects.presentation import verdict_text
from samverkan.planning.effects.series import MONTHS_MAX, method_sentence, series_for, window
from samverkan.sources.incidents.models import IncidentCategory
from samverkan.sources.incidents.selectors import incident_categories

NO_MUNICIPALITY = "no municipality with the code {code!r}"
NOT_A_DATE = "--start: {text!r} is not a date (YYYY-MM-DD)"
NOT_MONTHS = "{option}: {value} is not a number of months from 1 to {maximum}"
TOO_CLOSE = "--comparison: its edge is {distance:.0f} m from the area's; it must be at least {minimum:.0f} m away"
NOT_ENDED = (
    "--after-months: the window runs to {year}-{month:02d}, which has not ended (today is {today}); "
    "give fewer months or an earlier --start"
)
UNKNOWN_CATEGORY = "--category: {name!r} is not one of {municipality}'s incident categories: {known}"


def _circle(option: str, text: str) -> Circle:
    try:
        return parse_circle(text)
    except ValueError as error:
        raise CommandError(f"{option}: {error}") from error


def _ratio(ratio: RateRatio | None) -> dict[str, float | None]:
    if ratio is None:
        return {"rate_ratio": None, "ci_low": None, "ci_high": None, "p_value": None}
    return ratio.to_json()


def effect_json(effect: Effect, *, method: str) -> dict[str, Any]:
    return {
        **_ratio(effect.area),
        "verdict": effect.verdict,
        "counts": effect.counts,
        "ring": {**_ratio(effect.ring), "verdict": effect.ring_verdict, "model": effect.ring_model},
        "model": None if effect.area is None else effect.model,
        "seasonal": effect.seasonal,
        "method": method,
    }


class Command(BaseCommand):
    help = (
        "Estimate the effect of an intervention on the incidents in an area against a comparison area (a "
        "difference in differences of monthly counts), and in the ring around the area (displacement). Example: "
        "uv run samverkan effect 2506 --area 66.05,17.89,150 --comparison 66.06,17.89,150 --start 2025-09-01"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("kommunkod", help="the municipality's code, e.g. 2506")
        parser.add_argument("--area", required=True, metavar="LAT,LNG,RADIUS_M", help="the intervention's area")
        parser.add_argument("--comparison", required=True, metavar="LAT,LNG,RADIUS_M", help="the comparison area")
        parser.add_argument("--comparison-name", default="", help="the comparison place's name, for the verdict")
        parser.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="the day the intervention started")
        parser.add_argument("--before-months", default="12", metavar="N", help="months before the start (12)")
        parser.add_argument("--after-months", default="12", metavar="N", help="months from the start's month (12)")
        parser.add_argument(
            "--category", action="append", default=[], metavar="NAME", help="an incident category (repeat; all)"
        )
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        municipality = Municipality.objects.filter(code=options["kommunkod"]).first()
        if municipality is None:
            raise CommandError(NO_MUNICIPALITY.format(code=options["kommunkod"]))
        area = _circle("--area", options["area"])
        comparison = _circle("--comparison", options["comparison"])
        distance = area.distance_m(comparison)
        if distance < MIN_DISTANCE_M:
            raise CommandError(TOO_CLOSE.format(distance=distance, minimum=MIN_DISTANCE_M))
        try:
            start = datetime.date.fromisoformat(options["start"])
        except ValueError as error:
            raise CommandError(NOT_A_DATE.format(text=options["start"])) from error
        before = self._months("--before-months", options["before_months"])
        after = self._months("--after-months", options["after_months"])
        today = clock.today()
        _, (last_year, last_month) = window(start, before_months=before, after_months=after)
        if (last_year, last_month) >= (today.year, today.month):
            raise CommandError(NOT_ENDED.format(year=last_year, month=last_month, today=today))
        categories = options["category"]
        known = {category.name for category in incident_categories(municipality)} | set(
            IncidentCategory.objects.filter(municipality=municipality).values_list("name", flat=True)
        )
        for name in categories:
            if name not in known:
                raise CommandError(
                    UNKNOWN_CATEGORY.format(name=name, municipality=municipality.name, known=", ".join(sorted(known)))
                )
        series = series_for(
            municipality=municipality,
            area=area,
            comparison=comparison,
            start=start,
            before_months=before,
            after_months=after,
            categories=categories or None,
        )
        effect = estimate(series)
        if options["format"] == "text":
            self.stdout.write(verdict_text(effect, options["comparison_name"] or gettext("the comparison area")))
            return
        method = method_sentence(effect, before_months=before, after_months=after)
        self.stdout.write(json.dumps(effect_json(effect, method=method), ensure_ascii=False, indent=2))

    @staticmethod
    def _months(option: str, text: str) -> int:
        try:
            value = int(text)
        except ValueError as error:
            raise CommandError(NOT_MONTHS.format(option=option, value=repr(text), maximum=MONTHS_MAX)) from error
        if not 1 <= value <= MONTHS_MAX:
            raise CommandError(NOT_MONTHS.format(option=option, value=value, maximum=MONTHS_MAX))
        return value
