"""The plan list and page, adding an activity from the goals and the lägesbild, logging an occurrence."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from samverkan.core import clock
from samverkan.core.privacy import PERSONNUMMER_REFUSED
from samverkan.organisations.models import FocusArea
from samverkan.planning.actions import services
from samverkan.planning.actions.models import ACTIVITY_ENDS_BEFORE_START, PLAN_ENDS_BEFORE_START, Activity
from samverkan.planning.actions.selectors import problem_names
from samverkan.planning.goals.models import Goal
from samverkan.situation import services as situation_services
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.incidents.services import IncidentReport, incident_report
from tests.planning.actions.conftest import log_times

BUSKORNING = "Buskörning (moped, A-traktor, snöskoter)"
TRAFFIC = "Trafik och buskörning"  # the theme the category is ranked under


def adopt_baseline(world, *names: str) -> None:
    """Adopt the lägesbild of 2024 in which the named categories rank in that order: the first logged
    len(names) times, the next one time fewer, and so on."""
    for rank, name in enumerate(names):
        for day in range(len(names) - rank):
            when = datetime.datetime(2024, 5, 4 + day, 22, tzinfo=timezone.get_current_timezone())
            report = IncidentReport(
                occurred_from=when, occurred_to=None, lat=66.5, lng=17.5, category=name, severity=2, description="Plats"
            )
            incident_report(report=report, by=world.alice, allowed=[world.arjeplog])
    period = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    situation_services.baseline_adopt(
        picture=picture_for(municipality=world.arjeplog, period=period), by=world.alice, municipality=world.arjeplog
    )


def test_it_lists_the_plans_with_version_status_and_adoption(client, world, arjeplog_plan):
    services.action_plan_adopt(plan=arjeplog_plan.plan, by=world.alice)
    client.force_login(world.bob)
    response = client.get(reverse("action_plans"))
    assert list(response.context["plans"]) == [arjeplog_plan.plan]
    row = response.content.decode().split(arjeplog_plan.plan.title)[1].split("</tr>")[0]
    assert "Arjeplog" in row and "<td>1</td>" in row and "status-antagen" in row and "Alice" in row


def test_it_shows_progress_goals_and_problems(client, world, arjeplog_plan):
    log_times(arjeplog_plan.meet, 6, world.bob)
    client.force_login(world.alice)
    response = client.get(reverse("action_plan", args=[arjeplog_plan.plan.pk]))
    html = response.content.decode()
    meet = arjeplog_plan.meet
    assert f'<progress value="6" max="10" aria-labelledby="progress-{meet.pk}">' in html
    assert f'<span id="progress-{meet.pk}">6 ' in html and " 10</span>" in html
    assert f'<a href="{arjeplog_plan.goal.get_absolute_url()}">{arjeplog_plan.goal.title}</a>' in html
    assert "Samling som stör ordningen" in html
    assert reverse("import_upload", args=["activities"]) in html
    assert reverse("activity_new", args=[arjeplog_plan.plan.pk]) in html


def test_it_offers_the_municipalitys_goals_and_the_ranked_problems(client, world, arjeplog_plan):
    adopt_baseline(world, BUSKORNING, "Klotter")
    brå = FocusArea.objects.get(short_name="BRÅ")
    common = Goal.objects.create(agreement=world.part1, focus_area=brå, title="Minska buskörningen")
    elsewhere = Goal.objects.create(
        agreement=world.part1, focus_area=brå, municipality=world.arvidsjaur, title="Tryggare Lappstaden"
    )
    client.force_login(world.alice)
    url = reverse("activity_new", args=[arjeplog_plan.plan.pk])
    form = client.get(url).context["form"]
    assert set(form.fields["goals"].queryset) == {arjeplog_plan.goal, common}
    assert elsewhere not in form.fields["goals"].queryset
    assert form.fields["problems"].choices == [(TRAFFIC, TRAFFIC), ("Klotter", "Klotter")]
    response = client.post(
        url,
        {
            "title": "Trafikinsatser mot buskörning och fortkörning",
            "goals": [common.pk],
            "problems": [TRAFFIC],
            "other_problems": "Fortkörning\n\nFortkörning",
            "responsible": "polis",
            "organisations": [world.lpo.pk],
            "role": "kommunpolis",
            "starts_on": "2025-01-01",
            "ends_on": "2026-12-31",
            "kind": "situationell",
            "horizon": "kort",
            "target_count": "10",
            "target_text": "",
            "cost": "15000",
        },
    )
    activity = Activity.objects.get(title="Trafikinsatser mot buskörning och fortkörning")
    assert response.status_code == 302 and response.url == activity.get_absolute_url()
    assert (activity.problems, list(activity.goals.all()), list(activity.organisations.all())) == (
        [TRAFFIC, "Fortkörning"],
        [common],
        [world.lpo],
    )
    assert (activity.target_count, activity.cost) == (10, 15000)


def test_it_refuses_an_activity_with_a_personnummer_and_keeps_the_input(client, world, arjeplog_plan):
    client.force_login(world.alice)
    response = client.post(
        reverse("activity_new", args=[arjeplog_plan.plan.pk]),
        {
            "title": "Samtal med 850512-1234",
            "responsible": "kommun",
            "starts_on": "2025-01-01",
            "ends_on": "2024-12-31",
            "kind": "social",
            "horizon": "lang",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "title": [str(PERSONNUMMER_REFUSED)],
        "__all__": [str(ACTIVITY_ENDS_BEFORE_START)],
    }
    assert 'value="Samtal med 850512-1234"' in response.content.decode()
    assert Activity.objects.count() == 3


def test_it_reads_the_problems_of_the_live_picture_without_a_baseline(world):
    last_year = timezone.localdate().year - 1
    when = datetime.datetime(last_year, 5, 4, 22, tzinfo=timezone.get_current_timezone())
    report = IncidentReport(
        occurred_from=when, occurred_to=None, lat=66.5, lng=17.5, category="Klotter", severity=2, description="Vägg"
    )
    incident_report(report=report, by=world.alice, allowed=[world.arjeplog])
    assert problem_names(municipality=world.arjeplog, user=world.alice, today=clock.today()) == ["Klotter"]
    adopt_baseline(world, BUSKORNING)
    assert problem_names(municipality=world.arjeplog, user=world.alice, today=clock.today()) == [TRAFFIC]


def test_it_logs_an_occurrence_on_the_activity_page(client, world, arjeplog_plan):
    client.force_login(world.bob)
    url = reverse("occurrence_log", args=[arjeplog_plan.meet.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(url, {"held_on": tomorrow.isoformat(), "what": "Polisen på torget", "where": "Torget"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"held_on": [str(services.OCCURRENCE_IN_FUTURE)]}
    assert 'value="Polisen på torget"' in response.content.decode()
    response = client.post(url, {"held_on": "2025-04-01", "what": "Polisen på torget", "where": "Torget", "reached": 9})
    assert response.status_code == 302
    page = client.get(arjeplog_plan.meet.get_absolute_url()).content.decode()
    assert "Polisen på torget" in page and "<td>9</td>" in page
    meet = Activity.objects.get(pk=arjeplog_plan.meet.pk)
    assert meet.status == Activity.Status.ONGOING


def test_it_freezes_an_adopted_plans_activities_in_the_web(client, world, arjeplog_plan):
    client.force_login(world.alice)
    client.post(reverse("action_plan_adopt", args=[arjeplog_plan.plan.pk]))
    html = client.get(reverse("action_plan", args=[arjeplog_plan.plan.pk])).content.decode()
    assert reverse("activity_new", args=[arjeplog_plan.plan.pk]) not in html
    assert reverse("action_plan_new_version", args=[arjeplog_plan.plan.pk]) in html
    response = client.get(reverse("activity_edit", args=[arjeplog_plan.meet.pk]))
    assert response.status_code == 302 and response.url == arjeplog_plan.plan.get_absolute_url()
    response = client.post(reverse("action_plan_new_version", args=[arjeplog_plan.plan.pk]))
    draft = arjeplog_plan.plan.next_version
    assert response.url == draft.get_absolute_url()
    html = client.get(reverse("action_plan", args=[arjeplog_plan.plan.pk])).content.decode()
    assert draft.get_absolute_url() in html and "<select" not in html.split("</header>")[1]


def test_it_creates_a_draft_plan(client, world):
    client.force_login(world.alice)
    response = client.post(
        reverse("action_plan_new"),
        {
            "municipality": world.arjeplog.pk,
            "title": "Handlingsplan 2027",
            "starts_on": "2027-01-01",
            "ends_on": "2026-12-31",
        },
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [str(PLAN_ENDS_BEFORE_START)]
    response = client.post(
        reverse("action_plan_new"),
        {
            "municipality": world.arjeplog.pk,
            "title": "Handlingsplan 2027",
            "starts_on": "2027-01-01",
            "ends_on": "2027-12-31",
        },
    )
    plan = world.arjeplog.action_plans.get()
    assert response.url == plan.get_absolute_url()
    assert (plan.status, plan.created_by) == ("utkast", world.alice)
