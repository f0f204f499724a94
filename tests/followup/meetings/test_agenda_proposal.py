"""The proposed agenda lists what is open for the group when it meets."""

from __future__ import annotations

import datetime

from django.utils import timezone
from django.utils.translation import override

from samverkan.followup.meetings import services
from samverkan.followup.meetings.selectors import agenda_proposal
from samverkan.organisations.models import NamedPlace
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import Activity
from samverkan.planning.promises.models import Promise, PromiseSet, Suggestion
from samverkan.situation.models import RecurringEvent
from samverkan.sources.incidents.models import Incident, IncidentCategory
from tests.followup.meetings.conftest import activity


def proposal(groups, world) -> str:
    with override("en"):
        return "\n".join(agenda_proposal(meeting=groups.meeting, user=world.alice))


def test_it_lists_overdue_and_due_activities_not_done_ones(groups, world):
    day = timezone.localdate()
    activity(groups.draft, "Trafikkontroller", day + datetime.timedelta(days=10))
    done = activity(groups.draft, "Drogutbildning", day - datetime.timedelta(days=10))
    actions.activity_set_status(activity=done, status=Activity.Status.DONE, comment="", by=world.alice)
    activity(groups.draft, "Skolstart", day + datetime.timedelta(days=90))
    text = proposal(groups, world)
    assert "Overdue activity: Grannsamverkan (Arjeplog, Not started, 2025-06-30)" in text
    assert "Activity due: Trafikkontroller" in text
    assert "Drogutbildning" not in text and "Skolstart" not in text


def test_it_leaves_out_the_activities_of_a_replaced_plan(groups, world):
    actions.action_plan_new_version(plan=groups.adopted, by=world.alice)
    assert proposal(groups, world).count("Grannsamverkan") == 1


def test_it_lists_new_suggestions_and_coming_seasons(groups, world):
    promise_set = PromiseSet.objects.create(
        municipality=world.arjeplog,
        title="Medborgarlöften",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    promise = Promise.objects.create(promise_set=promise_set, text="Polisen möter allmänheten")
    Suggestion.objects.create(promise=promise, text="Mer  belysning\nvid skolan")
    Suggestion.objects.create(promise=promise, text="Avvisat förslag", status=Suggestion.Status.REJECTED)
    on = timezone.localtime(groups.meeting.starts_at).date() + datetime.timedelta(weeks=3)
    RecurringEvent.objects.create(
        municipality=world.arjeplog, name="Vintermarknad", start_month=on.month, start_day=on.day, end_month=on.month
    )
    far = on + datetime.timedelta(weeks=12)
    RecurringEvent.objects.create(
        municipality=world.arjeplog, name="Sommarmarknad", start_month=far.month, start_day=far.day, end_month=far.month
    )
    text = proposal(groups, world)
    assert "Citizen suggestion (New, Arjeplog): Mer belysning vid skolan" in text
    assert "Avvisat" not in text
    assert f"Coming: Vintermarknad in Arjeplog from {on.isoformat()}" in text
    assert "Sommarmarknad" not in text


def test_it_lists_last_weeks_incidents_and_their_places_with_small_counts_hidden(groups, world):
    category = IncidentCategory.objects.create(municipality=world.arjeplog, name="Klotter")
    square = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.05, lng=17.88)
    # A meeting on Wednesday 2 December 2026 lists week 48 (Monday 23 – Sunday 29 November), the last whole week
    # before it: the four incidents of Tuesday 24 November, not the one of Monday 30 November.
    stockholm = timezone.get_current_timezone()
    groups.meeting.starts_at = datetime.datetime(2026, 12, 2, 9, tzinfo=stockholm)
    groups.meeting.save(update_fields=["starts_at"])
    days = [datetime.datetime(2026, 11, 24, 22, tzinfo=stockholm)] * 4 + [
        datetime.datetime(2026, 11, 30, 8, tzinfo=stockholm)
    ]
    for when in days:
        Incident.objects.create(
            municipality=world.arjeplog,
            category=category,
            occurred_from=when,
            lat=66.05,
            lng=17.88,
            place=square,
            severity=2,
            description="Klotter på busskuren",
        )
    assert "Incidents week 48 in Arjeplog: 4; most at Torget (4)" in proposal(groups, world)


def test_it_keeps_what_the_chair_edits(groups):
    services.meeting_set_agenda(meeting=groups.meeting, agenda="  Lägesbild \n\nÖvriga frågor\n")
    assert groups.meeting.agenda_items() == ["Lägesbild", "Övriga frågor"]


def test_it_lists_the_coordination_tasks_due_before_coming_seasons(groups, world):
    from samverkan.followup.seasons.models import CoordinationTask

    on = timezone.localtime(groups.meeting.starts_at).date()
    event = RecurringEvent.objects.create(
        municipality=world.arjeplog, name="Marknaden", start_month=1, end_month=1, expected_visitors=100
    )
    CoordinationTask.objects.create(
        event=event,
        year=on.year,
        kind="market",
        task="Trafikplan klar",
        owner_role="polis",
        due_on=on + datetime.timedelta(days=7),
    )
    CoordinationTask.objects.create(
        event=event,
        year=on.year,
        kind="market",
        task="Redan gjord",
        owner_role="polis",
        due_on=on + datetime.timedelta(days=7),
        done=True,
    )
    text = proposal(groups, world)
    due = (on + datetime.timedelta(days=7)).isoformat()
    assert f"Coordination task before Marknaden: Trafikplan klar (Police, by {due})" in text
    assert "Redan gjord" not in text
