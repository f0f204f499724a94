"""The evaluation of a whole agreement period: per focus area, what was planned, done and achieved, year
by year, against the baselines (starting the next agreement from it: renewal.py).

It holds the agreement's goals (its common goals and its part 2s' separate ones, never a later agreement's)
with their figures up to the period's end or today, as the viewer may see them
(planning.goals.selectors.follow_up), and the activities serving them.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from samverkan.agreements.models import Agreement
from samverkan.followup.reports.selectors import goal_statuses
from samverkan.organisations.access import sees_internal_figures
from samverkan.organisations.models import User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.models import Goal
from samverkan.planning.goals.selectors import goals_of_agreement
from samverkan.situation.models import Baseline


def _years(agreement: Agreement) -> list[int]:
    return list(range(agreement.starts_on.year, agreement.ends_on.year + 1))


def sees_agreement_figures(user: User | None, agreement: Agreement) -> bool:
    """A party to the picture of every municipality of the agreement (no user: in full)."""
    return user is None or all(sees_internal_figures(user, m) for m in agreement.municipalities.all())


def evaluation_for(agreement: Agreement, *, today: datetime.date, user: User | None) -> dict:
    """Per focus area: its goals with their status at the end of the period (or today), as the user may see
    them, and per year the activities serving them that ran, were done, and the times they were carried out."""
    until = min(agreement.ends_on, today)
    municipalities = list(agreement.municipalities.order_by("name"))
    goals = {
        m.code: goal_statuses(
            m, goals=goals_of_agreement(m, agreement), until=agreement.ends_on, user=user, today=today
        )
        for m in municipalities
    }
    areas = []
    for area in agreement.focus_areas.order_by("order", "name"):
        activities = Activity.objects.filter(
            plan__municipality__in=municipalities,
            plan__status=ActionPlan.Status.ADOPTED,
            goals__in=Goal.objects.filter(Q(agreement=agreement) | Q(agreement__strategic=agreement), focus_area=area),
        ).distinct()
        years = []
        for year in _years(agreement):
            start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
            running = activities.filter(starts_on__lte=end, ends_on__gte=start)
            years.append(
                {
                    "year": year,
                    "planned": running.count(),
                    "done": running.filter(status=Activity.Status.DONE, ends_on__lte=end).count(),
                    "carried_out": running.aggregate(
                        n=Count("occurrences", filter=Q(occurrences__held_on__range=(start, end)), distinct=True)
                    )["n"],
                }
            )
        area_goals = [
            {**goal, "municipality": m.name}
            for m in municipalities
            for goal in goals[m.code]
            if goal["focus_area"] == area.short_name
        ]
        areas.append(
            {"id": area.pk, "name": area.name, "short_name": area.short_name, "years": years, "goals": area_goals}
        )
    return {
        "agreement": agreement.title,
        "from": agreement.starts_on.isoformat(),
        "to": agreement.ends_on.isoformat(),
        "until": until.isoformat(),
        "focus_areas": areas,
        "baselines": [
            {
                "municipality": b.municipality.name,
                "version": b.version,
                "from": b.start.isoformat(),
                "to": b.end.isoformat(),
            }
            for b in latest_baselines(agreement)
        ],
    }


def latest_baselines(agreement: Agreement) -> list[Baseline]:
    """The latest adopted lägesbild of each of the agreement's municipalities: the next agreement's basis."""
    found = (Baseline.objects.filter(municipality=m).first() for m in agreement.municipalities.order_by("name"))
    return [b for b in found if b is not None]
