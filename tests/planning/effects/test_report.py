"""The effects in the annual report, the evaluation's figures and the internal picture's JSON."""

from __future__ import annotations

import datetime
import json

import pytest
import time_machine
from django.urls import reverse
from django.utils.html import escape

from samverkan.agreements.models import Agreement
from samverkan.core.privacy import SUPPRESSED
from samverkan.organisations.lib.areas import Circle
from samverkan.planning.actions import services as actions
from samverkan.planning.effects import services
from samverkan.planning.effects.presentation import verdict_text
from samverkan.planning.effects.selectors import effect_for_activity
from tests.planning.effects.places import FAR, LIT, TODAY, VANDALISM, plant

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(world, lit):
    """The lit place from 1 September 2025 in the adopted plan, with the incidents of places.plant."""
    with time_machine.travel(TODAY, tick=False):
        counts = plant(world)
        actions.action_plan_adopt(plan=lit.plan, by=world.alice)
        services.intervention_set(
            activity=lit.activity,
            area=Circle(LIT[0], LIT[1], 150),
            place=lit.square,
            comparison=Circle(FAR[0], FAR[1], 150),
            comparison_name="Skolan",
            starts_on=datetime.date(2025, 9, 1),
            ends_on=None,
            categories=[VANDALISM],
            by=world.alice,
        )
        yield lit, counts


def test_the_annual_report_shows_each_activity_with_an_area(client, world, adopted):
    lit, counts = adopted
    client.force_login(world.alice)
    response = client.get(reverse("annual_report", args=["2506", 2026]))
    assert response.status_code == 200
    [part] = response.context["data"]["parts"]
    [reported] = part["effects"]
    assert reported["activity"] == "Belysning vid torget"
    assert reported["comparison_name"] == "Skolan"
    # The report of 2026, made on 15 November, counts to the end of October: the same estimate as the page's.
    effect = effect_for_activity(lit.activity, today=TODAY.date())
    assert effect is not None
    assert reported["effect"]["verdict"] == verdict_text(effect.effect, "Skolan")
    assert reported["effect"]["verdict_kind"] == "decrease"
    assert [(c["before"], c["after"]) for c in reported["effect"]["counts"]] == [
        (c["before"], c["after"]) for c in counts.values()
    ]
    body = response.content.decode()
    assert escape(reported["effect"]["verdict"]) in body
    assert f'id="effect-{lit.activity.intervention.pk}-title"' in body  # its chart


def test_the_annual_report_of_the_year_before_counts_to_its_end(client, world, adopted):
    lit, _counts = adopted
    client.force_login(world.alice)
    response = client.get(reverse("annual_report", args=["2506", 2025]))
    [reported] = response.context["data"]["parts"][0]["effects"]
    # September to December 2025 at the lit place: 0, 2, 0, 2.
    months = reported["effect"]["months"]
    assert [m["area"] for m in months if m["after"]] == [0, 2, 0, 2]


def test_the_evaluation_holds_the_effects(world, adopted):
    from samverkan.followup.reports.evaluation import evaluation_result

    lit, counts = adopted
    # The agreement of the period 2024–2027, whatever day the cast was made on.
    Agreement.objects.filter(pk=world.part1.pk).update(
        starts_on=datetime.date(2024, 1, 1), ends_on=datetime.date(2027, 12, 31)
    )
    world.part1.refresh_from_db()
    result = evaluation_result(
        world.part1, [world.arjeplog], scope="Arjeplog", joint=False, today=TODAY.date()
    ).as_json()
    [reported] = result["effects"]
    assert reported["activity"] == lit.activity.title
    assert reported["effect"]["counts"][0]["after"] == counts["area"]["after"]


def export(client, audience: str) -> dict:
    url = reverse("situation_export", args=["2506"])
    response = client.get(url, {"audience": audience, "start": "2025-01-01", "end": "2025-12-31"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_internal_picture_carries_the_effects_and_the_public_one_not(client, world, adopted):
    client.force_login(world.alice)
    [entry] = export(client, "internal")["effects"]
    assert entry["activity"] == "Belysning vid torget"
    assert entry["verdict"] in ("decrease", "no_change")  # four months after the start, to the end of 2025
    # The 24 months before and September–December 2025 after (0, 2, 0, 2 at the lit place; 2, 4, 2, 4 at the far).
    assert entry["counts"]["area"] == {"before": 72, "after": 4}
    assert entry["counts"]["comparison"] == {"before": 72, "after": 12}
    assert "effects" not in export(client, "public")


def test_the_internal_picture_writes_a_count_under_3_as_the_public_rule_does(client, world, adopted):
    lit, _counts = adopted
    intervention = lit.activity.intervention
    intervention.categories = ["Klotter"]  # no incidents of it but these two, both at the lit place
    intervention.save()
    plant_two_graffiti(world)
    client.force_login(world.alice)
    [entry] = export(client, "internal")["effects"]
    assert entry["counts"]["area"] == {"before": SUPPRESSED, "after": 0}
    assert entry["verdict"] == "too_few"


def plant_two_graffiti(world) -> None:
    from samverkan.sources.incidents.models import Incident
    from samverkan.sources.incidents.services import incident_categories_for

    klotter = next(c for c in incident_categories_for(world.arjeplog) if c.name == "Klotter")
    for day in (datetime.datetime(2024, 5, 3, 21), datetime.datetime(2024, 6, 3, 21)):
        Incident.objects.create(
            municipality=world.arjeplog,
            category=klotter,
            occurred_from=day.astimezone(datetime.UTC),
            lat=LIT[0],
            lng=LIT[1],
            severity=1,
            description="Taggar",
        )


def test_the_demo_shows_the_lightings_effect_on_its_page_and_in_the_annual_report(demo, client):
    from samverkan.core import clock
    from samverkan.organisations.models import User
    from samverkan.planning.effects.models import Intervention

    intervention = Intervention.objects.select_related("activity").get(activity__title="Belysning vid badplatsen")
    client.force_login(User.objects.get(username="arvidsjaur.samordnare"))
    page = client.get(intervention.activity.get_absolute_url())
    shown = page.context["effect_section"].effect
    assert shown is not None and shown.verdict_kind == "decrease"  # the autumn vandalism stopped once lit
    assert shown.chart is not None and shown.chart.svg in page.content.decode()
    report = client.get(reverse("annual_report", args=["2505", clock.today().year]))
    [reported] = report.context["data"]["parts"][0]["effects"]
    assert reported["effect"]["verdict"] == shown.verdict
    assert escape(shown.verdict) in report.content.decode()
