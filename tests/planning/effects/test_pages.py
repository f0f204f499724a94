"""The activity page's effect section, the area page's access and its proposed comparison place."""

from __future__ import annotations

import datetime
import math

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from samverkan.organisations.lib.areas import Circle
from samverkan.planning.effects import services
from samverkan.planning.effects.lib.did import Effect, RateRatio
from samverkan.planning.effects.models import Intervention
from samverkan.planning.effects.presentation import verdict_text
from tests.planning.effects.places import FAR, LIT, TODAY, VANDALISM, form_data, plant

pytestmark = pytest.mark.django_db


@pytest.fixture
def lit_up(world, lit):
    """The lit place from 1 September 2025, against the far place, with the incidents of places.plant."""
    with time_machine.travel(TODAY, tick=False):
        counts = plant(world)
        services.intervention_set(
            activity=lit.activity,
            area=Circle(LIT[0], LIT[1], 150),
            place=lit.square,
            comparison=Circle(FAR[0], FAR[1], 150),
            comparison_name="Skolan",
            starts_on=TODAY.date().replace(year=2025, month=9, day=1),
            ends_on=None,
            categories=[VANDALISM],
            by=world.alice,
        )
        yield lit, counts


def section(response) -> str:
    body = response.content.decode()
    return body[body.index('aria-labelledby="effect-heading"') :]


@pytest.mark.parametrize("username", ["alice", "bob", "lena"])
def test_it_shows_the_effect_to_those_who_read_the_activity(client, world, lit_up, username):
    lit, counts = lit_up
    client.force_login(getattr(world, username))
    response = client.get(lit.activity.get_absolute_url())
    assert response.status_code == 200
    shown = section(response)
    effect = response.context["effect_section"].effect
    assert effect.verdict_kind == "decrease"
    assert escape(effect.verdict) in shown
    assert "<svg" in shown and 'id="effect-title"' in shown  # the chart, with the table of counts beside it
    assert 'class="mark"' in shown and "Start 2025-09" in shown  # the start marked on the chart
    rows = {row.name: (row.before, row.after) for row in effect.counts}
    assert rows["Skolan"] == (counts["comparison"]["before"], counts["comparison"]["after"])
    assert list(rows.values()) == [(c["before"], c["after"]) for c in counts.values()]
    assert len(effect.months) == 24 + 14
    assert [row.month for row in effect.months if row.start] == ["2025-09"]
    # The monthly table: the lit place's months, 2 and 4 before and 0 and 2 after.
    assert [row.area for row in effect.months[:4]] == [2, 4, 2, 4]
    assert [row.area for row in effect.months[-4:]] == [0, 2, 0, 2]
    assert escape(effect.method) in shown
    can_set = username in ("alice", "bob")
    assert (reverse("intervention_edit", args=[lit.activity.pk]) in shown) is can_set


def test_it_says_so_before_a_whole_month_has_passed(client, world, lit):
    with time_machine.travel(TODAY, tick=False):
        services.intervention_set(
            activity=lit.activity,
            area=Circle(LIT[0], LIT[1], 150),
            place=None,
            comparison=Circle(FAR[0], FAR[1], 150),
            comparison_name="Skolan",
            starts_on=TODAY.date(),
            ends_on=None,
            categories=[],
            by=world.alice,
        )
        client.force_login(world.alice)
        response = client.get(lit.activity.get_absolute_url())
    assert response.status_code == 200
    assert response.context["effect_section"].intervention is not None
    assert response.context["effect_section"].effect is None


def test_an_activity_without_an_area_offers_its_writers_to_set_one(client, world, lit):
    client.force_login(world.alice)
    response = client.get(lit.activity.get_absolute_url())
    assert response.context["effect_section"].intervention is None
    assert reverse("intervention_edit", args=[lit.activity.pk]) in section(response)
    assert client.get(reverse("intervention_edit", args=[lit.activity.pk])).status_code == 200


@pytest.mark.parametrize("username", ["charlie", "dave"])
def test_it_hides_the_activity_and_its_area_from_other_municipalities(client, world, lit_up, username):
    lit, _counts = lit_up
    client.force_login(getattr(world, username))
    edit = reverse("intervention_edit", args=[lit.activity.pk])
    assert client.get(lit.activity.get_absolute_url()).status_code == 404
    assert client.get(edit).status_code == 404
    assert client.post(edit, form_data(radius_m=99)).status_code == 404
    assert client.post(edit, {"remove": "1"}).status_code == 404
    assert Intervention.objects.get().radius_m == 150


def test_a_reader_cannot_set_or_remove_the_area(client, world, lit_up):
    lit, _counts = lit_up
    client.force_login(world.lena)
    edit = reverse("intervention_edit", args=[lit.activity.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, form_data(radius_m=99)).status_code == 404
    assert client.post(edit, {"remove": "1"}).status_code == 404
    assert Intervention.objects.get().radius_m == 150


def test_it_proposes_a_comparison_place_at_least_500_metres_away(client, world, lit):
    with time_machine.travel(TODAY, tick=False):
        plant(world)
        client.force_login(world.alice)
        data = form_data(comparison_lat="", comparison_lng="", comparison_name="", categories=[VANDALISM], propose="1")
        response = client.post(reverse("intervention_edit", args=[lit.activity.pk]), data)
    assert response.status_code == 200
    form = response.context["form"]
    proposed = Circle(float(form.data["comparison_lat"]), float(form.data["comparison_lng"]), 150)
    area = Circle(LIT[0], LIT[1], 150)
    assert area.distance_m(proposed) >= 500
    # The far place had the lit place's incidents before the start, month for month: it (or the H3 cell around
    # it, named after it) is the most similar.
    assert proposed.distance_m(Circle(FAR[0], FAR[1], 150)) == 0
    assert "Skolan" in form.data["comparison_name"]
    assert not Intervention.objects.exists()  # proposed, not saved


def effect(verdict: str, ratio: tuple[float, float, float] | None, ring_verdict: str | None) -> Effect:
    counts = {place: {"before": 30, "after": 10} for place in ("area", "comparison", "ring")}
    rate = RateRatio(*ratio, p_value=0.01) if ratio else None
    return Effect(counts, rate, None, verdict, ring_verdict, "negative_binomial", True)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        (
            effect("decrease", (0.6, 0.42, 0.85), "none"),
            "Decreased by 40% (95% CI 15–58%) against Kyrkbacken; no displacement to the surroundings",
        ),
        (
            effect("increase", (1.5, 1.1, 2.05), "displacement"),
            "Increased by 50% (95% CI 10–105%) against Kyrkbacken; more in the surroundings (displacement)",
        ),
        (
            effect("decrease", (0.5, 0.3, 0.8), "diffusion"),
            "Decreased by 50% (95% CI 20–70%) against Kyrkbacken; fewer in the surroundings too (a diffusion of "
            "benefits)",
        ),
        (
            # None before in the area (the exact conditional estimate): the rise has no upper bound.
            effect("increase", (math.inf, 7.82, math.inf), None),
            "Increased by at least 682% (95% CI) against Kyrkbacken; too few incidents in the surroundings to tell "
            "displacement",
        ),
        (effect("no_change", (0.9, 0.6, 1.3), "none"), "No certain change"),
        (effect("too_few", None, None), "Too few incidents to say anything"),
    ],
)
def test_the_verdict_never_claims_more_than_the_interval(shown, expected):
    with translation.override("en"):
        assert verdict_text(shown, "Kyrkbacken") == expected


def test_one_outside_the_picture_sees_a_count_under_3_as_the_public_rule_has_it(world, lit):
    from samverkan.planning.effects.lib.did import Series
    from samverkan.planning.effects.models import Intervention
    from samverkan.planning.effects.presentation import effect_view
    from samverkan.planning.effects.selectors import ActivityEffect

    series = Series(((2025, 8), (2025, 9)), area=(2, 0), comparison=(5, 4), ring=(1, 3), start=1)
    counts = {
        "area": {"before": 2, "after": 0},
        "comparison": {"before": 5, "after": 4},
        "ring": {"before": 1, "after": 3},
    }
    shown = ActivityEffect(
        intervention=Intervention(activity=lit.activity, starts_on=datetime.date(2025, 9, 1), comparison_name="Skolan"),
        comparison_name="Skolan",
        before_months=1,
        after_months=1,
        series=series,
        effect=Effect(counts, None, None, "too_few", None, "exact_conditional", False),
    )
    public = effect_view(shown, owner=False)
    assert public.chart is None  # the months' counts are not drawn
    assert [(row.before, row.after) for row in public.counts] == [("<3", 0), (5, 4), ("<3", 3)]
    assert [(row.area, row.ring) for row in public.months] == [("<3", "<3"), (0, 3)]
    full = effect_view(shown, owner=True)
    assert full.chart is not None
    assert [(row.before, row.after) for row in full.counts] == [(2, 0), (5, 4), (1, 3)]


def test_the_area_page_outlines_the_stored_area_and_comparison_on_its_maps(client, world, lit_up):
    from samverkan.organisations.lib.places import great_circle_km

    lit, _counts = lit_up
    client.force_login(world.alice)
    response = client.get(reverse("intervention_edit", args=[lit.activity.pk]))
    area, comparison = response.context["map"]["cells"]
    assert (area["kind"], comparison["kind"], comparison["label"]) == ("hot", "cold", "Skolan")
    for cell, centre in ((area, LIT), (comparison, FAR)):
        distances = [great_circle_km(*centre, lat, lng) * 1000 for lat, lng in cell["boundary"]]
        assert min(distances) == pytest.approx(150, abs=1) and max(distances) == pytest.approx(150, abs=1)
    # The form starts from what is stored.
    assert response.context["form"].initial["radius_m"] == 150
    assert response.context["form"].initial["comparison_name"] == "Skolan"
