"""Arjeplog's evaluation is its parties': Alice (its coordinator) and Bob (the police of its area) write and confirm
it, Lena (its leadership) reads it, Charlie (Arvidsjaur) and Dave (Luleå) get 404 for every page of it, and a
refused request changes nothing. The joint one is the police area's."""

from __future__ import annotations

from django.urls import reverse

from samverkan.followup.reports.models import Evaluation
from tests.tagged_pdf import assert_tagged

START = "Start the evaluation"


def urls(evaluation: Evaluation) -> dict[str, str]:
    return {
        name: reverse(name, args=[evaluation.pk])
        for name in ("evaluation_refresh", "evaluation_confirm", "evaluation_new_version")
    }


def started(client, world) -> Evaluation:
    client.force_login(world.alice)
    response = client.post(reverse("evaluation_municipality", args=[world.part1.pk, "2506"]))
    evaluation = Evaluation.objects.get()
    assert response["Location"] == evaluation.get_absolute_url()
    return evaluation


def test_it_lets_the_parties_write_and_adopt_it_on_the_web(client, world, in_english):
    evaluation = started(client, world)
    page = client.get(evaluation.get_absolute_url())
    assert page.status_code == 200 and "Brottsförebyggande arbete (BRÅ)" in page.content.decode()
    item = evaluation.items.get(kind="atagande")
    form = {f"status-{i.pk}": i.status for i in evaluation.items.all()}
    form |= {f"assessment-{i.pk}": i.assessment for i in evaluation.items.all()}
    form |= {f"status-{item.pk}": "delvis", f"assessment-{item.pk}": "Baslinjen togs fram 2024.", "conclusions": "Bra"}
    assert client.post(evaluation.get_absolute_url(), form).status_code == 302
    item.refresh_from_db()
    assert (item.status, item.assessment) == ("delvis", "Baslinjen togs fram 2024.")
    bad = form | {f"assessment-{item.pk}": "Kontakt 19800101-1234"}
    assert client.post(evaluation.get_absolute_url(), bad).status_code == 400  # a personnummer: a form error
    assert client.post(urls(evaluation)["evaluation_confirm"]).status_code == 302
    client.force_login(world.bob)
    assert client.post(urls(evaluation)["evaluation_confirm"]).status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.status == Evaluation.Status.ADOPTED
    assert client.post(evaluation.get_absolute_url(), form).status_code == 404  # no form on an adopted one
    pdf = client.get(reverse("evaluation_pdf", args=[evaluation.pk]))
    period = f"{world.part1.starts_on.year}–{world.part1.ends_on.year}"
    assert_tagged(pdf.content, title=f"Evaluation {period}: Arjeplog", language="en")
    assert client.post(urls(evaluation)["evaluation_new_version"]).status_code == 302
    assert Evaluation.objects.filter(version=2, status=Evaluation.Status.DRAFT).exists()


def test_it_lets_the_leadership_read_only(client, world, in_english):
    client.force_login(world.lena)
    start = client.get(reverse("evaluation_municipality", args=[world.part1.pk, "2506"]))
    assert start.status_code == 200 and START not in start.content.decode()
    assert client.post(reverse("evaluation_municipality", args=[world.part1.pk, "2506"])).status_code == 404
    evaluation = started(client, world)
    client.force_login(world.lena)
    page = client.get(evaluation.get_absolute_url())
    assert page.status_code == 200 and page.context["form"] is None
    assert client.get(reverse("evaluation_pdf", args=[evaluation.pk])).status_code == 200
    before = list(Evaluation.objects.values())
    assert client.post(evaluation.get_absolute_url(), {"conclusions": "Lena"}).status_code == 404
    for url in urls(evaluation).values():
        assert client.post(url).status_code == 404
    assert list(Evaluation.objects.values()) == before and not evaluation.confirmations.exists()


def test_it_shows_arjeplogs_evaluation_to_no_one_outside_it(client, world):
    evaluation = started(client, world)
    pages = [
        reverse("evaluation_municipality", args=[world.part1.pk, "2506"]),
        evaluation.get_absolute_url(),
        reverse("evaluation_pdf", args=[evaluation.pk]),
    ]
    for user in (world.charlie, world.dave):
        client.force_login(user)
        for url in pages:
            assert client.get(url).status_code == 404
        for url in [*urls(evaluation).values(), evaluation.get_absolute_url()]:
            assert client.post(url).status_code == 404
    client.force_login(world.charlie)  # a party to part 1, but not to Arjeplog's picture, nor the joint one
    assert client.get(reverse("evaluation_joint", args=[world.part1.pk, world.lpo.pk])).status_code == 404
    assert client.get(reverse("evaluation_municipality", args=[world.part1.pk, "2505"])).status_code == 200
    overview = client.get(reverse("evaluation", args=[world.part1.pk])).content.decode()
    assert evaluation.get_absolute_url() not in overview
    assert reverse("evaluation_municipality", args=[world.part1.pk, "2506"]) not in overview
    assert Evaluation.objects.count() == 1 and not evaluation.confirmations.exists()
