"""The coordinator's week on the overview: each block lists what the user reaches, and nothing of another
municipality's; the police contact sees every municipality of the police area."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.core import clock
from samverkan.followup.meetings import services as meetings
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.seasons.models import CoordinationTask
from samverkan.followup.week import coordinator_week
from samverkan.organisations.models import CollaborationGroup
from samverkan.planning.actions.models import Activity
from samverkan.planning.goals import services as goals
from samverkan.planning.goals.models import Indicator
from samverkan.situation.models import RecurringEvent
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import incident_categories_for
from tests.followup.notifications.conftest import activity, import_run, suggestion
from tests.planning.goals.conftest import adopt, measure, separate_goal


def log(world, municipality, day: datetime.date, hour: int = 0) -> Incident:
    return Incident.objects.create(
        municipality=municipality,
        category=incident_categories_for(municipality)[0],
        occurred_from=datetime.datetime.combine(day, datetime.time(hour), timezone.get_current_timezone()),
        lat=66.5,
        lng=17.5,
        severity=1,
        reported_by=world.alice,
        reporter_organisation=world.arjeplog_org,
    )


def meeting(world, name: str, *municipalities, days: int) -> Meeting:
    group = CollaborationGroup.objects.create(name=name)
    group.municipalities.set(municipalities)
    return meetings.meeting_create(
        group=group,
        kind=Meeting.Kind.GROUP,
        starts_at=clock.now() + datetime.timedelta(days=days),
        place="Kommunhuset",
        attendees=[],
        by=world.bob,
    )


def task(municipality, name: str, due_on: datetime.date, *, done: bool = False) -> CoordinationTask:
    event = RecurringEvent.objects.create(
        municipality=municipality, name=f"Marknaden {name}", start_month=1, end_month=1
    )
    return CoordinationTask.objects.create(
        event=event, year=due_on.year, kind="market", task=name, owner_role="polis", due_on=due_on, done=done
    )


@pytest.fixture
def week(world):
    """Arjeplog's and Arvidsjaur's week, with what falls just outside it; the dates from today."""
    today = clock.today()
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    log(world, world.arjeplog, today)
    log(world, world.arjeplog, monday, hour=1)
    log(world, world.arjeplog, monday - datetime.timedelta(days=1), hour=23)  # last Sunday: last week
    log(world, world.arvidsjaur, today)

    def ends(day: datetime.date) -> int:
        return (day - today).days

    activity(world.arjeplog, title="Arjeplog sen", ends_in=-3)
    activity(world.arjeplog, title="Arjeplog klar", ends_in=-3, status=Activity.Status.DONE)
    activity(world.arjeplog, title="Arjeplog veckan", ends_in=ends(sunday))
    activity(world.arjeplog, title="Arjeplog senare", ends_in=ends(sunday) + 1)
    activity(world.arvidsjaur, title="Arvidsjaur sen", ends_in=-1)

    red = measure(
        separate_goal(world), Indicator.Series.MANUAL, baseline=adopt(world), baseline_value=10, name="Klotter"
    )
    goals.manual_value_save(indicator=red, measured_on=today, value=14, note="", by=world.alice)

    suggestion(world.arjeplog, "Belysning vid Arjeplogs skola")
    suggestion(world.arvidsjaur, "Belysning vid Arvidsjaurs station")
    for municipality, status in [
        (world.arjeplog, CitizenReport.Status.RECEIVED),
        (world.arjeplog, CitizenReport.Status.CLOSED),  # reviewed and done: not waiting
        (world.arvidsjaur, CitizenReport.Status.RECEIVED),
    ]:
        CitizenReport.objects.create(
            municipality=municipality,
            category=CitizenReport.Category.LIGHTING,
            lat=66.5,
            lng=17.5,
            text="Mörkt vid busshållplatsen",
            received_at=clock.now(),
            status=status,
        )

    meeting(world, "Arjeplogs grupp", world.arjeplog, days=3)
    meeting(world, "Arjeplogs förra", world.arjeplog, days=-3)
    meeting(world, "Arvidsjaurs grupp", world.arvidsjaur, days=4)

    task(world.arjeplog, "Arjeplog trafikplan", today + datetime.timedelta(days=10))
    task(world.arjeplog, "Arjeplog gjord", today + datetime.timedelta(days=10), done=True)
    task(world.arvidsjaur, "Arvidsjaur trafikplan", today + datetime.timedelta(days=5))

    import_run("police_events", days_ago=10)  # collected weekly: late
    import_run("kolada", days_ago=10)  # yearly: in time
    return today


def titles(lines) -> list[str]:
    return [line.title for line in lines]


def test_it_shows_the_coordinator_her_municipality_s_week(world, week):
    shown = coordinator_week(user=world.alice, today=week)
    assert shown.start == week - datetime.timedelta(days=week.weekday())
    assert [(row.municipality.name, row.count) for row in shown.incidents] == [("Arjeplog", 2)]
    assert shown.incidents[0].url == reverse("incidents_week") + "?kommun=2506"
    assert titles(shown.overdue) == ["Arjeplog sen"]
    assert titles(shown.due) == ["Arjeplog veckan"]
    assert titles(shown.goals_in_red) == ["Tryggare Arjeplog – Klotter"]
    report = CitizenReport.objects.get(municipality=world.arjeplog, status=CitizenReport.Status.RECEIVED)
    assert titles(shown.new_from_citizens) == ["Belysning vid Arjeplogs skola", report.get_category_display()]
    assert shown.new_from_citizens[1].url == report.get_absolute_url()
    assert titles(shown.meetings) == ["Arjeplogs grupp"]
    assert titles(shown.wheel_tasks) == ["Arjeplog trafikplan"]
    assert [line.url for line in shown.stale_sources] == [reverse("import_upload", args=["police_events"])]


def test_it_shows_the_police_contact_the_police_area_s_week(world, week):
    shown = coordinator_week(user=world.bob, today=week)
    # The police are a party to both pictures: exact counts, even below 3.
    assert [(row.municipality.name, row.count) for row in shown.incidents] == [("Arjeplog", 2), ("Arvidsjaur", 1)]
    assert titles(shown.overdue) == ["Arjeplog sen", "Arvidsjaur sen"]
    # The suggestions of both; the citizens' reports stay with each municipality's own staff.
    assert titles(shown.new_from_citizens) == ["Belysning vid Arjeplogs skola", "Belysning vid Arvidsjaurs station"]
    assert titles(shown.meetings) == ["Arjeplogs grupp", "Arvidsjaurs grupp"]
    assert titles(shown.wheel_tasks) == ["Arvidsjaur trafikplan", "Arjeplog trafikplan"]


def test_it_shows_nothing_of_arjeplog_to_the_neighbour(client, world, week):
    shown = coordinator_week(user=world.charlie, today=week)
    assert [(row.municipality.name, row.count) for row in shown.incidents] == [("Arvidsjaur", 1)]
    assert titles(shown.overdue) == ["Arvidsjaur sen"]
    assert titles(shown.due) == []
    assert titles(shown.goals_in_red) == []
    assert titles(shown.new_from_citizens) == [
        "Belysning vid Arvidsjaurs station",
        str(CitizenReport.Category.LIGHTING.label),
    ]
    assert titles(shown.meetings) == ["Arvidsjaurs grupp"]
    assert titles(shown.wheel_tasks) == ["Arvidsjaur trafikplan"]

    client.force_login(world.charlie)
    body = client.get(reverse("overview")).content.decode()
    assert "Arvidsjaur sen" in body and "Arvidsjaurs grupp" in body
    for arjeplogs in ("Arjeplog sen", "Tryggare Arjeplog", "Arjeplogs skola", "Arjeplogs grupp", "Arjeplog trafikplan"):
        assert arjeplogs not in body
    assert "?kommun=2506" not in body


def test_it_links_each_block_to_where_to_act(client, world, week, in_english):
    client.force_login(world.alice)
    body = client.get(reverse("overview")).content.decode()
    overdue = Activity.objects.get(title="Arjeplog sen")
    for url in (
        reverse("incidents_week") + "?kommun=2506",
        overdue.get_absolute_url(),
        Meeting.objects.get(group__name="Arjeplogs grupp").get_absolute_url(),
        reverse("yearly_wheel", args=["2506"]),
        reverse("import_upload", args=["police_events"]),
    ):
        assert f'href="{url}"' in body
    assert "Incidents this week" in body and "Goals in red" in body
