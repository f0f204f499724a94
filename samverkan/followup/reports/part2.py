"""Part 2 as structure: a local agreement's linked objects of its municipality – the goals under the agreement,
the action plans adopted for its period, the follow-up plan (the groups' meeting rhythm and an annual report a
year) and the medborgarlöften of the period – shown on the agreement's page and in its PDF.

Agreements sit below planning and follow-up, so this section is registered with samverkan.agreements.pages
(ReportsConfig.ready) instead of being imported there.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.followup.reports.selectors import Place, generated_reports, groups_of
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import ActionPlan
from samverkan.planning.goals.models import Goal
from samverkan.planning.promises.models import PromiseSet


def _goals(agreement: Agreement, municipality: Municipality) -> list[dict]:
    """The part 2's own goals, and the part 1's common goals and separate goals of the municipality."""
    under_part1 = Q(agreement_id=agreement.strategic_id) & (Q(municipality=municipality) | Q(municipality=None))
    goals = Goal.objects.filter(Q(agreement=agreement) | under_part1).select_related("focus_area")
    return [
        {
            "title": goal.title,
            "focus_area": goal.focus_area.short_name,
            "common": goal.is_common,
            "url": goal.get_absolute_url(),
        }
        for goal in goals.order_by("focus_area__order", "title")
    ]


def _plans(agreement: Agreement, municipality: Municipality) -> list[dict]:
    plans = ActionPlan.objects.filter(
        municipality=municipality,
        status=ActionPlan.Status.ADOPTED,
        starts_on__lte=agreement.ends_on,
        ends_on__gte=agreement.starts_on,
    ).order_by("starts_on")
    return [
        {
            "title": plan.title,
            "version": plan.version,
            "from": plan.starts_on.isoformat(),
            "to": plan.ends_on.isoformat(),
            "activities": plan.activities.count(),
            "url": plan.get_absolute_url(),
        }
        for plan in plans
    ]


def _follow_up_plan(agreement: Agreement, municipality: Municipality, user: User, today: datetime.date) -> dict:
    """The groups and their agreed rhythm; an annual report for each year of the period, with the day its latest
    version was kept (for those who read kept reports)."""
    place = Place(municipality, None, [municipality], False)
    reports = []
    for year in range(agreement.starts_on.year, agreement.ends_on.year + 1):
        latest = generated_reports(place, year, user).first() if year <= today.year else None
        reports.append(
            {
                "year": year,
                "url": reverse("annual_report", args=[municipality.code, year]),
                "kept_on": latest.generated_at.date().isoformat() if latest else "",
            }
        )
    groups = [
        {
            "name": group.name,
            "per_year": group.meeting_rhythm.per_year if hasattr(group, "meeting_rhythm") else None,
        }
        for group in groups_of([municipality])
    ]
    return {"groups": groups, "reports": reports}


def _promises(agreement: Agreement, municipality: Municipality) -> list[dict]:
    """The newest version of each promise set of the period."""
    sets = PromiseSet.objects.filter(
        municipality=municipality, starts_on__lte=agreement.ends_on, ends_on__gte=agreement.starts_on
    ).filter(revision__isnull=True)
    return [
        {
            "title": promise_set.title,
            "version": promise_set.version,
            "from": promise_set.starts_on.isoformat(),
            "to": promise_set.ends_on.isoformat(),
            "status": str(promise_set.get_status_display()),
            "promises": [promise.text for promise in promise_set.promises.all()],
            "url": promise_set.get_absolute_url(),
        }
        for promise_set in sets.order_by("starts_on", "version")
    ]


def part2_structure(agreement: Agreement, *, user: User, today: datetime.date) -> dict | None:
    """A part 2's texts and linked objects as plain data (the page's section and the PDF); None for a part 1.
    The user reads the part 2, so its municipality (samverkan.agreements.access)."""
    municipality = agreement.municipalities.first()
    if agreement.part != Agreement.Part.LOCAL or municipality is None:
        return None
    return {
        "title": agreement.title,
        "municipality": municipality.name,
        "from": agreement.starts_on.isoformat(),
        "to": agreement.ends_on.isoformat(),
        "status": agreement.status_label(today),
        "sections": [
            {"kind": section.kind, "label": str(section.get_kind_display()), "body": section.body}
            for section in agreement.sections.all()
        ],
        "goals": _goals(agreement, municipality),
        "plans": _plans(agreement, municipality),
        "follow_up": _follow_up_plan(agreement, municipality, user, today),
        "promises": _promises(agreement, municipality),
    }


def part2_section(agreement: Agreement, user: User) -> SafeString | None:
    """The linked objects on a part 2's page (registered with samverkan.agreements.pages)."""
    data = part2_structure(agreement, user=user, today=clock.today())
    if data is None:
        return None
    return render_to_string("reports/part2_structure.html", {"data": data, "agreement": agreement})
