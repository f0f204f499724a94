"""The evaluation of the agreement period, and "start next agreement": a draft with the parties and focus
areas of the expiring agreement, with the evaluation kept beside it."""

from __future__ import annotations

from django.urls import reverse

from samverkan.followup.reports.models import Evaluation


def test_it_shows_per_focus_area_what_was_planned_done_and_achieved(client, year):
    year.walk.goals.add(year.klotter)
    client.force_login(year.world.lena)
    response = client.get(reverse("evaluation", args=[year.world.part1.pk]))
    assert response.status_code == 200
    bra = next(a for a in response.context["data"]["focus_areas"] if a["short_name"] == "BRÅ")
    assert next(y for y in bra["years"] if y["year"] == 2025) == {
        "year": 2025,
        "planned": 1,
        "done": 1,
        "carried_out": 2,
    }
    assert [(g["title"], g["municipality"], g["status"]) for g in bra["goals"]] == [
        ("Minska klottret", "Arjeplog", "red"),
        ("Minska klottret", "Arvidsjaur", "grey"),
    ]
    assert "Start next agreement" not in response.content.decode()  # leadership reads only


def test_it_lets_only_the_writers_start_it(client, world):
    url = reverse("next_agreement_start", args=[world.part1.pk])
    for user in (world.lena, world.dave):
        client.force_login(user)
        assert client.post(url).status_code == 404
    assert client.get(reverse("evaluation", args=[world.part1.pk])).status_code == 404  # Dave
    assert not Evaluation.objects.exists()
