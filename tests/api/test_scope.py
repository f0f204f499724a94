"""The token acts as its user and reaches exactly what the user reaches on the pages: 404 outside, 403 on a write
by one who only reads, 401 without a token."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from samverkan.core import clock
from samverkan.organisations.models import Membership, Organisation, Role, User
from samverkan.planning.actions.models import ActionPlan, Activity, Occurrence
from samverkan.planning.goals.models import Goal
from samverkan.sources.incidents import services
from samverkan.sources.incidents.models import Incident


@pytest.fixture
def cast(world):
    """Beside the world's cast: the police of another area (Luleå's), and a partner working in Arjeplog."""
    area = Organisation.objects.create(name="LPO Luleå", kind=Organisation.Kind.POLICE_AREA)
    area.municipalities.set([world.lulea])
    klas = User.objects.create_user(username="klas", password="password")
    Membership.objects.create(user=klas, organisation=area, role=Role.POLICE_CONTACT)
    housing = Organisation.objects.create(name="Arjeplogshus", kind=Organisation.Kind.PARTNER)
    housing.municipalities.set([world.arjeplog])
    petra = User.objects.create_user(username="petra", password="password")
    Membership.objects.create(user=petra, organisation=housing, role=Role.GROUP_MEMBER)
    return {"klas": klas, "petra": petra}


def _incident(world) -> Incident:
    report = services.IncidentReport(
        occurred_from=timezone.make_aware(datetime.datetime.combine(clock.today(), datetime.time(22, 10))),
        occurred_to=None,
        lat=66.5,
        lng=17.5,
        category="Klotter",
        severity=2,
        description="Klotter på elskåpet vid torget",
    )
    return services.incident_report(report=report, by=world.alice, allowed=[world.arjeplog])


def _activity(world) -> Activity:
    today = clock.today()
    plan = ActionPlan.objects.create(
        municipality=world.arjeplog, title="Plan", starts_on=today, ends_on=today + datetime.timedelta(days=365)
    )
    activity = Activity.objects.create(
        plan=plan,
        title="Trygghetsvandring",
        responsible=Activity.Responsible.BOTH,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
        kind=Activity.Kind.SITUATIONAL,
        horizon=Activity.Horizon.SHORT,
    )
    Occurrence.objects.create(activity=activity, held_on=today, what="Vandring i centrum")
    return activity


def test_it_shows_an_incident_to_whoever_reaches_it_and_404_to_everyone_else(world, cast, api_as):
    incident = _incident(world)
    url = f"/api/incidents/{incident.pk}"
    answers = {
        name: api_as(user).get(url).status_code
        for name, user in [
            ("alice", world.alice),
            ("lena", world.lena),
            ("bob", world.bob),
            ("petra", cast["petra"]),
            ("charlie", world.charlie),
            ("dave", world.dave),
            ("klas", cast["klas"]),
            ("anonymous", None),
        ]
    }
    assert answers == {
        "alice": 200,
        "lena": 200,
        "bob": 200,
        "petra": 200,
        "charlie": 404,
        "dave": 404,
        "klas": 404,
        "anonymous": 401,
    }
    refused = api_as(world.charlie).get(url).json()
    assert refused["error"]["code"] == "not_found"


def test_it_lists_only_the_incidents_in_reach(world, cast, api_as):
    incident = _incident(world)
    for user, expected in [(world.alice, [incident.pk]), (world.charlie, []), (cast["klas"], [])]:
        body = api_as(user).get("/api/incidents").json()
        assert [item["id"] for item in body["items"]] == expected
        assert body["count"] == len(expected)
    assert api_as(world.charlie).get("/api/incidents", municipality="2506").json()["items"] == []


def test_it_keeps_the_free_text_inside_the_organisation_that_logged_it(world, cast, api_as):
    incident = _incident(world)
    url = f"/api/incidents/{incident.pk}"
    own = api_as(world.alice).get(url).json()
    assert own["description"] == "Klotter på elskåpet vid torget"
    assert own["reporter_organisation"] == "Arjeplogs kommun"
    for user in (world.bob, cast["petra"]):
        other = api_as(user).get(url).json()
        assert other["description"] is None and other["reporter_organisation"] is None


def test_it_refuses_writes_by_those_who_only_read(world, cast, api_as):
    incident = _incident(world)
    lena = api_as(world.lena)
    answer = lena.patch(f"/api/incidents/{incident.pk}", {"status": "bedomd", "note": ""})
    assert answer.status_code == 403 and answer.json()["error"]["code"] == "forbidden"
    assert lena.post("/api/incidents", {}).status_code in (403, 422)
    assert api_as(world.charlie).patch(f"/api/incidents/{incident.pk}", {"status": "bedomd"}).status_code == 404
    incident.refresh_from_db()
    assert incident.status == Incident.Status.NEW
    assert not incident.notes.exists()


def test_it_refuses_a_new_incident_of_one_who_reports_nowhere(world, api_as):
    body = {
        "occurred_from": "2026-01-14T22:10:00+01:00",
        "lat": 66.5,
        "lng": 17.5,
        "category": "Klotter",
        "severity": 1,
        "description": "Klotter",
    }
    answer = api_as(world.lena).post("/api/incidents", body)
    assert answer.status_code == 403
    assert Incident.objects.count() == 0


def test_it_moves_an_incident_along_for_a_writer(world, api_as):
    incident = _incident(world)
    answer = api_as(world.bob).patch(f"/api/incidents/{incident.pk}", {"status": "bedomd", "note": "Polisen tittar"})
    assert answer.status_code == 200 and answer.json()["status"] == "bedomd"
    refused = api_as(world.bob).patch(f"/api/incidents/{incident.pk}", {"status": "ny"})
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "status"


def test_it_scopes_goals_activities_and_occurrences_as_their_pages(world, cast, api_as):
    activity = _activity(world)
    goal = Goal.objects.create(
        agreement=world.arjeplog_part2,
        focus_area=world.part1.focus_areas.first(),
        municipality=world.arjeplog,
        title="Mål",
    )
    occurrence = activity.occurrences.get()
    urls = [f"/api/goals/{goal.pk}", f"/api/activities/{activity.pk}", f"/api/occurrences/{occurrence.pk}"]
    for user, expected in [
        (world.alice, 200),
        (world.lena, 200),
        (world.bob, 200),
        (world.dave, 404),
        (cast["klas"], 404),
    ]:
        assert [api_as(user).get(url).status_code for url in urls] == [expected] * 3, user
    for user, items in [(world.alice, 1), (world.dave, 0), (cast["klas"], 0)]:
        for url in ("/api/goals", "/api/activities", "/api/occurrences"):
            assert api_as(user).get(url).json()["count"] == items, (user, url)


def test_it_sets_an_activitys_status_for_writers_only(world, api_as):
    activity = _activity(world)
    url = f"/api/activities/{activity.pk}"
    assert api_as(world.lena).patch(url, {"status": "pagar"}).status_code == 403
    assert api_as(world.dave).patch(url, {"status": "pagar"}).status_code == 404
    activity.refresh_from_db()
    assert activity.status == Activity.Status.NOT_STARTED
    answer = api_as(world.alice).patch(url, {"status": "pagar", "comment": "Startad"})
    assert answer.status_code == 200
    activity.refresh_from_db()
    assert (activity.status, activity.status_comment, activity.status_changed_by) == ("pagar", "Startad", world.alice)


def test_it_pages_with_limit_and_offset_and_refuses_a_limit_over_the_maximum(world, api_as):
    incidents = sorted((_incident(world) for _ in range(3)), key=lambda i: -i.pk)
    api = api_as(world.alice)
    body = api.get("/api/incidents", limit=2, offset=1).json()
    assert (body["count"], body["limit"], body["offset"]) == (3, 2, 1)
    assert [item["id"] for item in body["items"]] == [incidents[1].pk, incidents[2].pk]
    refused = api.get("/api/incidents", limit=101)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "limit"


def test_it_logs_an_occurrence_as_the_activitys_page_does(world, api_as):
    activity = _activity(world)  # with one occurrence already, and not started
    body = {"activity": activity.pk, "held_on": clock.today().isoformat(), "what": "Vandring vid skolan"}
    assert api_as(world.lena).post("/api/occurrences", body).status_code == 403
    assert api_as(world.dave).post("/api/occurrences", body).status_code == 404
    assert activity.occurrences.count() == 1
    answer = api_as(world.alice).post("/api/occurrences", body)
    assert answer.status_code == 201 and answer.json()["what"] == "Vandring vid skolan"
    activity.refresh_from_db()
    assert activity.occurrences.count() == 2 and activity.status == Activity.Status.ONGOING
    future = body | {"held_on": (clock.today() + datetime.timedelta(days=1)).isoformat()}
    refused = api_as(world.alice).post("/api/occurrences", future)
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "held_on"
