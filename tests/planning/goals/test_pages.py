"""The goals pages: the list by focus area, a goal with a chart and a table per indicator, and the forms."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from samverkan.planning.goals import services
from samverkan.planning.goals.models import Goal, Indicator
from samverkan.planning.goals.presentation import STATUS_LABELS
from tests.planning.goals.conftest import common_goal, measure, partner, separate_goal

S = Indicator.Series


@pytest.fixture
def plan(figures, baseline):
    goal = separate_goal(figures, "Tryggare Arjeplog")
    figures.index = measure(goal, S.SURVEY_INDEX, name="Problemindex", baseline=baseline, target=2.5)
    figures.unsafe = measure(goal, S.SURVEY_UNSAFE, name="Otrygga", baseline=baseline, target=10)
    figures.klotter = measure(common_goal(figures), S.INCIDENTS, "Klotter", name="Klotter", baseline=baseline)
    figures.goal = goal
    return figures


def row(page: str, indicator: Indicator) -> str:
    start = page.index(f'data-indicator="{indicator.pk}"')
    return page[start : page.index("</tr>", start)]


def sv(text) -> str:
    with translation.override("sv"):
        return str(text)


def test_it_lists_each_indicator_with_its_baseline_latest_value_target_and_status(client, plan):
    client.force_login(plan.alice)
    page = client.get(reverse("goals")).content.decode()
    assert page.index("Psykisk och fysisk hälsa") < page.index("Tryggare Arjeplog")
    assert page.index("Brottsförebyggande arbete (BRÅ)") < page.index("Minska klottret")
    # 3.0 (2022 wave, adopted with 2024) -> 2.0 (2025 wave): the target 2.5 is reached
    index = row(page, plan.index)
    assert '3,0 <span class="muted">(2024-12-31)</span>' in index
    assert '2,0 <span class="muted">(2025-10-01)</span>' in index
    assert '2,5 <span class="muted">(2026-12-31)</span>' in index
    assert f'data-status="green" style="color: #1e6b34">{sv(STATUS_LABELS["green"])}</span>' in index
    # 20 % -> 25 %: away from the target of 10 %
    unsafe = row(page, plan.unsafe)
    assert "20\u00a0% <span" in unsafe and "25\u00a0% <span" in unsafe
    assert f'data-status="red" style="color: #a4161a">{sv(STATUS_LABELS["red"])}</span>' in unsafe


def test_it_shows_a_goal_with_a_chart_and_a_table_per_indicator(client, plan):
    client.force_login(plan.alice)
    page = client.get(plan.goal.get_absolute_url()).content.decode()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert f'id="indicator-{plan.index.pk}-title"' in page
    assert "Mål: 2,5" in page  # the target line
    assert '<th scope="row">Trygghetsmätning 2025</th><td>2025-10-01</td><td class="number">2,0</td>' in page
    assert plan.index.baseline.get_absolute_url() in page  # the owner may open the adopted lägesbild


def test_it_keeps_small_figures_inside_the_parties_to_the_picture(client, plan):
    # A partner reads Arjeplog's separate goals (the common ones belong to the agreement's parties).
    klotter = measure(plan.goal, S.INCIDENTS, "Klotter", name="Klotter här", baseline=plan.index.baseline)
    client.force_login(partner(plan))
    listing = client.get(reverse("goals")).content.decode()
    assert '&lt;3 <span class="muted">(2024-12-31)</span>' in row(listing, klotter)  # 2 incidents
    assert '– <span class="muted">(2025-10-01)</span>' in row(listing, plan.index)  # 4 answered
    assert '3,0 <span class="muted">(2024-12-31)</span>' in row(listing, plan.index)  # 10 answered
    page = client.get(plan.goal.get_absolute_url()).content.decode()
    assert plan.index.baseline.get_absolute_url() not in page
    assert "of the way to the target" not in page


def test_it_shows_the_police_of_the_area_every_figure_and_the_baseline(client, plan):
    client.force_login(plan.bob)
    listing = client.get(reverse("goals")).content.decode()
    assert '2 <span class="muted">(2024-12-31)</span>' in row(listing, plan.klotter)
    assert '2,0 <span class="muted">(2025-10-01)</span>' in row(listing, plan.index)
    page = client.get(plan.goal.get_absolute_url()).content.decode()
    assert plan.index.baseline.get_absolute_url() in page


def test_it_creates_a_goal_and_keeps_what_was_typed_when_it_fails(client, plan):
    client.force_login(plan.alice)
    data = {"agreement": plan.part1.pk, "municipality": "", "focus_area": plan.goal.focus_area_id, "title": ""}
    failed = client.post(reverse("goal_new"), data | {"description": "Färre otrygga platser"})
    assert failed.status_code == 400
    assert "Färre otrygga platser</textarea>" in failed.content.decode()
    separate = data | {"municipality": "2506", "title": "Tryggare byar", "agreement": plan.arjeplog_part2.pk}
    response = client.post(reverse("goal_new"), separate)
    goal = Goal.objects.get(title="Tryggare byar")
    assert response["Location"] == goal.get_absolute_url()
    assert (goal.municipality, goal.agreement) == (plan.arjeplog, plan.arjeplog_part2)
    wrong = data | {"municipality": "2506", "title": "Fel", "agreement": plan.arvidsjaur_part2.pk}
    assert client.post(reverse("goal_new"), wrong).status_code == 400  # not an agreement Alice may change


def test_it_adds_an_indicator_and_shows_the_services_error_beside_the_field(client, plan):
    client.force_login(plan.alice)
    data = {
        "indicator-name": "Skadegörelse enligt Brå",
        "indicator-series": "crime",
        "indicator-key": "Skadegorelse",
        "indicator-municipality": plan.arjeplog.pk,
        "indicator-baseline": plan.index.baseline_id,
        "indicator-target_value": "30",
        "indicator-direction": "down",
        "indicator-target_date": "2026-12-31",
    }
    url = reverse("indicator_new", args=[plan.goal.pk])
    failed = client.post(url, data)
    assert failed.status_code == 400
    body = failed.content.decode()
    assert sv(services.UNKNOWN_KEY) % {"key": "Skadegorelse"} in body
    assert 'value="Skadegörelse enligt Brå"' in body
    assert client.post(url, data | {"indicator-key": "Skadegörelse"}).status_code == 302
    created = Indicator.objects.get(name="Skadegörelse enligt Brå")
    assert (created.goal, created.baseline_value, created.target_value) == (plan.goal, 40.0, 30.0)


def test_it_enters_and_removes_values_by_hand(client, plan):
    client.force_login(plan.alice)
    walks = measure(plan.goal, S.MANUAL, name="Trygghetsvandringar", baseline=plan.index.baseline, baseline_value=1)
    prefix = f"value-{walks.pk}"
    failed = client.post(reverse("manual_value_new", args=[walks.pk]), {f"{prefix}-measured_on": "2025-05-05"})
    assert failed.status_code == 400 and 'value="2025-05-05"' in failed.content.decode()
    data = {f"{prefix}-measured_on": "2025-05-05", f"{prefix}-value": "3", f"{prefix}-note": "Centrum"}
    assert client.post(reverse("manual_value_new", args=[walks.pk]), data).status_code == 302
    value = walks.manual_values.get()
    assert (value.measured_on, value.value, value.note, value.entered_by) == (
        datetime.date(2025, 5, 5),
        3.0,
        "Centrum",
        plan.alice,
    )
    page = client.get(plan.goal.get_absolute_url()).content.decode()
    assert '<th scope="row">2025-05-05</th><td>2025-05-05</td><td class="number">3,0</td>' in page
    assert client.post(reverse("manual_value_delete", args=[walks.pk, value.pk])).status_code == 302
    assert not walks.manual_values.exists()
    index = plan.index
    assert client.post(reverse("manual_value_new", args=[index.pk]), data).status_code == 404


def test_it_edits_an_indicator(client, plan):
    client.force_login(plan.alice)
    url = reverse("indicator_edit", args=[plan.unsafe.pk])
    assert 'value="Otrygga"' in client.get(url).content.decode()
    data = {
        "indicator-name": "Otrygga sent på kvällen",
        "indicator-baseline": "",
        "indicator-baseline_value": "12",
        "indicator-target_value": "15",
        "indicator-direction": "down",
        "indicator-target_date": "2026-12-31",
    }
    failed = client.post(url, data)
    assert failed.status_code == 400
    assert sv(services.BASELINE_VALUE_WITHOUT_BASELINE) in failed.content.decode()
    assert client.post(url, data | {"indicator-baseline": plan.unsafe.baseline_id}).status_code == 302
    unsafe = Indicator.objects.get(pk=plan.unsafe.pk)
    assert (unsafe.name, unsafe.target_value, unsafe.baseline_value) == ("Otrygga sent på kvällen", 15.0, 20.0)
