"""The continuous follow-up of a municipality: goals with their traffic lights, activities overdue, due and
done, the promises in force and the sources that are late."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.status import GREY, RED
from samverkan.sources.models import ImportRun

URL = reverse("municipality_follow_up", args=["2506"])


def _activity(plan: ActionPlan, title: str, ends_on: datetime.date, status: str) -> Activity:
    return Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.POLICE,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=ends_on,
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
        status=status,
        status_changed_at=timezone.now(),
    )


def section(page: str, css_class: str) -> str:
    start = page.index(f'class="{css_class}"')
    return page[start : page.index("</table>", start)]


def test_it_shows_where_the_municipality_stands(client, year):
    today = timezone.localdate()
    plan = ActionPlan.objects.get()
    plan.ends_on = today + datetime.timedelta(days=400)
    plan.save(update_fields=["ends_on"])
    _activity(plan, "Sen insats", today - datetime.timedelta(days=1), Activity.Status.ONGOING)
    _activity(plan, "Snart klar", today + datetime.timedelta(days=10), Activity.Status.NOT_STARTED)
    _activity(plan, "Klar i år", today, Activity.Status.DONE)
    ImportRun.objects.create(source="police_events", name="feed")
    incidents = ImportRun.objects.create(source="incidents", name="est.csv")
    ImportRun.objects.filter(pk=incidents.pk).update(at=timezone.now() - datetime.timedelta(days=40))
    client.force_login(year.world.lena)
    page = client.get(URL).content.decode()
    assert f'data-goal-status="{RED}"><th scope="row" rowspan="1">Minska klottret' in page
    assert f'data-goal-status="{GREY}"><th scope="row" rowspan="1">Färre unga som dricker' in page
    assert "Sen insats" in section(page, "activities-overdue")
    assert "Drogutbildning" in section(page, "activities-overdue")  # ended 2025-12-31, not done
    assert "Snart klar" in section(page, "activities-due")
    assert "Klar i år" in section(page, "activities-done")
    freshness = section(page, "freshness")
    # The police events came within their week, the incidents not within their month; the rest never came.
    assert freshness.count('class="stale"') == 1
    assert freshness.count("<td>–</td>") == 4
    stale = freshness[freshness.index('class="stale"') :]
    assert '<td class="number">31</td>' in stale[: stale.index("</tr>")]  # the incidents' cadence


def test_it_is_not_found_outside_the_municipality(client, world):
    client.force_login(world.charlie)
    assert client.get(URL).status_code == 404


def test_it_lists_the_coordination_tasks_falling_due(client, world):
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from samverkan.followup.seasons.models import CoordinationTask
    from samverkan.situation.models import RecurringEvent

    today = timezone.localdate()
    event = RecurringEvent.objects.create(municipality=world.arjeplog, name="Marknaden", start_month=1, end_month=1)
    CoordinationTask.objects.create(
        event=event,
        year=today.year,
        kind="market",
        task="Trafikplan klar",
        owner_role="polis",
        due_on=today + datetime.timedelta(days=20),
    )
    client.force_login(world.alice)
    body = client.get(reverse("municipality_follow_up", args=["2506"])).content.decode()
    assert "Trafikplan klar" in body and "Marknaden" in body
