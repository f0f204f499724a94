"""The yearly wheel page: the SVG, the data table beside it, the tasks and the writers' buttons."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samverkan.followup.seasons import services
from samverkan.followup.seasons.models import CoordinationTask, EventKind
from samverkan.organisations.models import PresentPopulation, ResidentCount
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.sources.incidents.services import IncidentReport, incident_report

WHEEL = "/arshjul/2506/"


def activity(world, title: str, starts_on: datetime.date, ends_on: datetime.date, **values) -> Activity:
    plan, _created = ActionPlan.objects.get_or_create(
        municipality=world.arjeplog,
        title="Plan",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    return Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.POLICE,
        starts_on=starts_on,
        ends_on=ends_on,
        kind=Activity.Kind.SITUATIONAL,
        horizon=Activity.Horizon.SHORT,
        **values,
    )


def test_it_draws_the_events_and_activities_and_lists_them_by_month(client, world, car_testing, christmas):
    activity(world, "Trafikinsats vid isbanorna", datetime.date(2026, 2, 1), datetime.date(2026, 3, 15))
    activity(world, "Inställd insats", datetime.date(2026, 2, 1), datetime.date(2026, 3, 15), status="installd")
    client.force_login(world.alice)

    response = client.get(WHEEL, {"year": 2026})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html and html.count('class="ring-0"') == 2 and html.count('class="ring-1"') == 1
    rows = [(row["month"], row["events"], row["activities"]) for row in response.context["month_rows"]]
    assert rows[0] == (1, ["Biltestsäsong", "Jul och nyår"], [])
    assert rows[2] == (3, ["Biltestsäsong"], ["Trafikinsats vid isbanorna"])
    assert rows[11] == (12, ["Jul och nyår"], [])
    assert "Inställd insats" not in html


def test_it_marks_the_months_with_more_incidents_as_peaks(client, world, car_testing):
    for month, count in [(2, 12), (7, 1)]:
        for day in range(1, count + 1):
            report = IncidentReport(
                occurred_from=timezone.make_aware(datetime.datetime(2025, month, day, 22)),
                occurred_to=None,
                lat=66.05,
                lng=17.9,
                category="Skadegörelse",
                severity=2,
                description="Krossad ruta",
            )
            incident_report(report=report, by=world.alice, allowed=[world.arjeplog])
    client.force_login(world.alice)

    response = client.get(WHEEL, {"year": 2026})

    assert response.context["peak_years"] == 2025
    assert [row["month"] for row in response.context["month_rows"] if row["peak"]] == [2]
    assert ">feb ▲<" in response.content.decode()


def test_it_marks_tasks_done_and_undone(client, world, car_testing):
    tasks = services.tasks_prepare(event=car_testing, year=2026, kind=EventKind.HOLIDAY)
    services.task_mark(task=tasks[2], done=True, by=world.bob)
    client.force_login(world.alice)

    response = client.post("/arshjul/2506/uppgifter/", {"year": 2026, "done": [tasks[0].pk, tasks[1].pk]})

    assert response.status_code == 302 and response["Location"] == "/arshjul/2506/?year=2026"
    done = {t.pk: (t.done, t.done_by) for t in CoordinationTask.objects.all()}
    assert done == {tasks[0].pk: (True, world.alice), tasks[1].pk: (True, world.alice), tasks[2].pk: (False, None)}
    html = client.get(WHEEL, {"year": 2026}).content.decode()
    assert html.count(" checked>") == 2


def test_it_keeps_the_prepare_form_and_answers_400_without_a_kind(client, world, car_testing):
    client.force_login(world.alice)

    response = client.post("/arshjul/2506/forbered/", {"year": 2026, "event": car_testing.pk, "kind": ""})

    assert response.status_code == 400
    assert response.context["form"]["event"].value() == str(car_testing.pk)
    assert not CoordinationTask.objects.exists()


def test_it_fills_the_present_population_from_the_button(client, world, car_testing):
    ResidentCount.objects.create(municipality=world.arjeplog, year=2026, residents=2650, source="SCB")
    client.force_login(world.alice)
    assert "/arshjul/2506/narvarande-befolkning/" in client.get(WHEEL, {"year": 2026}).content.decode()

    response = client.post("/arshjul/2506/narvarande-befolkning/", {"year": 2026})

    assert response.status_code == 302
    assert PresentPopulation.objects.filter(municipality=world.arjeplog, year=2026).count() == 12
    page = client.get(WHEEL, {"year": 2026})
    assert page.context["month_rows"][1]["present"].total == 2650 + 2600
    assert "/arshjul/2506/narvarande-befolkning/" not in page.content.decode()


def test_it_shows_the_missing_resident_count_as_an_error(client, world, car_testing):
    client.force_login(world.alice)

    response = client.post("/arshjul/2506/narvarande-befolkning/", {"year": 2026}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [str(services.NO_RESIDENTS)]
    assert not PresentPopulation.objects.exists()
