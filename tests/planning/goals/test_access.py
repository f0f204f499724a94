"""Who reaches which goals: Alice and Lena read Arjeplog's, Bob both municipalities', Charlie only
Arvidsjaur's (and the common goals, without Arjeplog's indicators), Dave none. Only Alice and Bob
change Arjeplog's; Lena never changes anything."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from samverkan.planning.goals.models import Goal, Indicator, ManualValue
from tests.planning.goals.conftest import common_goal, measure, separate_goal

S = Indicator.Series


@pytest.fixture
def plan(figures, baseline):
    separate = separate_goal(figures, "Fler trygghetsvandringar")
    walks = measure(separate, S.MANUAL, name="Trygghetsvandringar", baseline=baseline, baseline_value=2, target=6)
    walks.manual_values.create(measured_on=datetime.date(2025, 6, 1), value=4)
    common = common_goal(figures, "Minska klottret")
    klotter = measure(common, S.INCIDENTS, "Klotter", name="Klotter i Arjeplog", baseline=baseline)
    measure(common, S.SURVEY_INDEX, municipality=figures.arvidsjaur, name="Problemindex i Arvidsjaur")
    figures.separate, figures.common, figures.walks, figures.klotter = separate, common, walks, klotter
    return figures


def fingerprint() -> list:
    return [list(model.objects.order_by("pk").values_list()) for model in (Goal, Indicator, ManualValue)]


def write_requests(plan) -> list[tuple[str, str, dict]]:
    """Every write of Arjeplog's goals and indicators: (method, url, data)."""
    value = plan.walks.manual_values.get()
    indicator_data = {
        "indicator-name": "Nytt",
        "indicator-series": "survey_index",
        "indicator-municipality": plan.arjeplog.pk,
        "indicator-target_value": "1",
        "indicator-direction": "down",
        "indicator-target_date": "2026-12-31",
    }
    goal_data = {"focus_area": plan.separate.focus_area_id, "title": "Ändrat", "description": ""}
    return [
        ("get", reverse("goal_edit", args=[plan.separate.pk]), {}),
        ("post", reverse("goal_edit", args=[plan.separate.pk]), goal_data),
        ("post", reverse("indicator_new", args=[plan.separate.pk]), indicator_data),
        ("get", reverse("indicator_edit", args=[plan.walks.pk]), {}),
        ("post", reverse("indicator_edit", args=[plan.walks.pk]), {"indicator-name": "Ändrat"}),
        ("get", reverse("indicator_edit", args=[plan.klotter.pk]), {}),
        ("post", reverse("manual_value_new", args=[plan.walks.pk]), {f"value-{plan.walks.pk}-value": "5"}),
        ("post", reverse("manual_value_delete", args=[plan.walks.pk, value.pk]), {}),
    ]


def test_it_answers_404_to_every_write_by_leadership_which_only_reads(client, plan):
    client.force_login(plan.lena)
    before = fingerprint()
    for method, url, data in write_requests(plan):
        assert getattr(client, method)(url, data).status_code == 404, url
    assert client.get(reverse("goal_new")).status_code == 404
    assert client.post(reverse("goal_edit", args=[plan.common.pk]), {"title": "Ändrat"}).status_code == 404
    assert fingerprint() == before
    for goal in (plan.separate, plan.common):
        page = client.get(goal.get_absolute_url())
        assert page.status_code == 200
        assert reverse("goal_edit", args=[goal.pk]) not in page.content.decode()
    assert client.get(reverse("goals")).status_code == 200


def test_it_answers_404_to_an_outsider_for_everything_of_arjeplogs(client, plan):
    client.force_login(plan.charlie)
    before = fingerprint()
    assert client.get(plan.separate.get_absolute_url()).status_code == 404
    for method, url, data in write_requests(plan):
        assert getattr(client, method)(url, data).status_code == 404, url
    assert fingerprint() == before
    common = client.get(plan.common.get_absolute_url()).content.decode()
    assert "Problemindex i Arvidsjaur" in common
    assert "Klotter i Arjeplog" not in common
    listing = client.get(reverse("goals")).content.decode()
    assert "Minska klottret" in listing and "Problemindex i Arvidsjaur" in listing
    assert "Fler trygghetsvandringar" not in listing and "Klotter i Arjeplog" not in listing


def test_it_shows_nothing_of_ours_to_a_municipality_outside_the_agreement(client, plan):
    client.force_login(plan.dave)
    assert client.get(plan.common.get_absolute_url()).status_code == 404
    assert client.get(reverse("goal_new")).status_code == 404
    listing = client.get(reverse("goals")).content.decode()
    assert "Minska klottret" not in listing and "Fler trygghetsvandringar" not in listing


def test_it_lets_the_police_contact_change_arjeplogs_goals(client, plan):
    client.force_login(plan.bob)
    goal_data = {"focus_area": plan.separate.focus_area_id, "title": "Fler trygghetsvandringar i byarna"}
    assert client.post(reverse("goal_edit", args=[plan.separate.pk]), goal_data).status_code == 302
    value_data = {f"value-{plan.walks.pk}-measured_on": "2026-06-01", f"value-{plan.walks.pk}-value": "5"}
    assert client.post(reverse("manual_value_new", args=[plan.walks.pk]), value_data).status_code == 302
    edit = {
        "indicator-name": "Klotter i Arjeplog",
        "indicator-key": "Klotter",
        "indicator-baseline": plan.klotter.baseline_id,
        "indicator-target_value": "1",
        "indicator-direction": "down",
        "indicator-target_date": "2027-12-31",
    }
    assert client.post(reverse("indicator_edit", args=[plan.klotter.pk]), edit).status_code == 302
    assert Goal.objects.get(pk=plan.separate.pk).title == "Fler trygghetsvandringar i byarna"
    assert list(plan.walks.manual_values.values_list("value", flat=True)) == [4.0, 5.0]
    klotter = Indicator.objects.get(pk=plan.klotter.pk)
    assert (klotter.target_value, klotter.target_date, klotter.baseline_value) == (
        1.0,
        datetime.date(2027, 12, 31),
        2.0,
    )
    page = client.get(plan.common.get_absolute_url()).content.decode()
    assert "Klotter i Arjeplog" in page and "Problemindex i Arvidsjaur" in page


def test_it_lets_a_party_edit_a_common_goal_but_measure_it_only_where_it_may_write(client, plan):
    client.force_login(plan.charlie)
    goal_data = {"focus_area": plan.common.focus_area_id, "title": "Minska klottret i båda kommunerna"}
    assert client.post(reverse("goal_edit", args=[plan.common.pk]), goal_data).status_code == 302
    page = client.get(plan.common.get_absolute_url()).content.decode()
    assert f'<option value="{plan.arvidsjaur.pk}"' in page
    assert f'<option value="{plan.arjeplog.pk}"' not in page
    attempt = {
        "indicator-name": "Klotter",
        "indicator-series": "survey_index",
        "indicator-municipality": plan.arjeplog.pk,
        "indicator-target_value": "1",
        "indicator-direction": "down",
        "indicator-target_date": "2026-12-31",
    }
    assert client.post(reverse("indicator_new", args=[plan.common.pk]), attempt).status_code == 400
    assert not Indicator.objects.filter(goal=plan.common, name="Klotter").exists()


def test_it_asks_for_a_login(client, plan):
    for url in (reverse("goals"), plan.common.get_absolute_url()):
        assert client.get(url)["Location"].startswith(reverse("login"))
