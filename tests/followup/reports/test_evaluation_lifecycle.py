"""A draft evaluation can be refreshed, also after the period has ended: the figures and the suggestions follow the
data, an assessment someone wrote stays. Adopted when every party has confirmed (for Arjeplog: its own organisation
and the police of its area), it is frozen; a new version is a new draft beside it, which stays as it was."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from samverkan.core import clock
from samverkan.followup.reports import evaluation as ev
from samverkan.followup.reports.models import Evaluation, EvaluationItem
from samverkan.planning.actions.models import Activity
from tests.followup.reports.conftest import arjeplog

S = EvaluationItem.Status
AREA = "Alkohol, narkotika, doping, tobak och spel (ANDT-S)"


def start(year) -> Evaluation:
    year.education.goals.add(year.drinking)
    return ev.evaluation_start(
        agreement=year.world.part1, place=arjeplog(year.world), by=year.world.alice, today=clock.today()
    )


def texts(evaluation: Evaluation, **changes: tuple[str, str]) -> dict[int, tuple[str, str]]:
    items = {item.pk: (item.status, item.assessment) for item in evaluation.items.all()}
    items.update({evaluation.items.get(label=label).pk: value for label, value in changes.items()})
    return items


def test_it_refreshes_a_draft_the_written_assessments_kept(year):
    world = year.world
    evaluation = start(year)
    assert evaluation.items.get(label=AREA).status == S.NOT_DONE
    written = "Vi bedömer det som delvis genomfört."
    baseline = "Ta fram en fördjupad lägesbild (baslinje)."
    ev.evaluation_save(
        evaluation=evaluation,
        items=texts(evaluation, **{baseline: (S.PARTLY, written)}),
        conclusions="",
        recommendations="",
        by=world.alice,
    )
    Activity.objects.filter(pk=year.education.pk).update(status=Activity.Status.DONE, status_changed_at=None)
    ev.evaluation_refresh(evaluation=evaluation, by=world.alice, today=clock.today())
    area = evaluation.items.get(label=AREA)
    assert (area.status, area.suggested_status) == (S.DONE, S.DONE)  # nobody wrote over it: it follows the data
    assert area.assessment.startswith(ev.ACTIVITIES_TEXT % {"done": 1, "total": 1})
    kept = evaluation.items.get(label=baseline)
    assert (kept.status, kept.assessment, kept.edited_by) == (S.PARTLY, written, world.alice)


def test_it_refreshes_after_the_period_has_ended(year):
    evaluation = start(year)
    ends = year.world.part1.ends_on
    later = datetime.datetime.combine(
        ends + datetime.timedelta(days=60), datetime.time(10), zoneinfo.ZoneInfo("Europe/Stockholm")
    )
    with time_machine.travel(later, tick=False):
        ev.evaluation_refresh(evaluation=evaluation, by=year.world.alice, today=clock.today())
    evaluation.refresh_from_db()
    assert evaluation.data["until"] == ends.isoformat()
    assert evaluation.status == Evaluation.Status.DRAFT


def test_it_is_adopted_when_every_party_has_confirmed_and_then_frozen(year):
    world = year.world
    evaluation = start(year)
    assert {p.name for p in ev.parties_of(evaluation)} == {"Arjeplogs kommun", "LPO Piteå älvdal"}
    ev.evaluation_confirm(evaluation=evaluation, by=world.alice)
    evaluation.refresh_from_db()
    assert evaluation.status == Evaluation.Status.DRAFT
    with pytest.raises(ValidationError, match=str(ev.ALREADY_CONFIRMED)):
        ev.evaluation_confirm(evaluation=evaluation, by=world.alice)
    with pytest.raises(ValidationError, match=str(ev.NOT_A_PARTY)):
        ev.evaluation_confirm(evaluation=evaluation, by=world.charlie)
    adopted = ev.evaluation_confirm(evaluation=evaluation, by=world.bob)
    assert adopted.status == Evaluation.Status.ADOPTED and adopted.adopted_at is not None
    frozen = ev.evaluation_document(adopted)
    assert [c["party"] for c in frozen["confirmations"]] == ["Arjeplogs kommun", "LPO Piteå älvdal"]
    assert frozen["status"] == Evaluation.Status.ADOPTED
    Activity.objects.filter(pk=year.education.pk).update(status=Activity.Status.DONE, status_changed_at=None)
    for change in (
        lambda: ev.evaluation_refresh(evaluation=adopted, by=world.alice, today=clock.today()),
        lambda: ev.evaluation_save(evaluation=adopted, items={}, conclusions="Ny", recommendations="", by=world.alice),
        lambda: ev.evaluation_confirm(evaluation=adopted, by=world.alice),
    ):
        with pytest.raises(ValidationError, match=str(ev.ADOPTED)):
            change()
    assert ev.evaluation_document(Evaluation.objects.get(pk=adopted.pk)) == frozen


def test_it_asks_the_parties_again_after_a_change(year):
    world = year.world
    evaluation = start(year)
    ev.evaluation_confirm(evaluation=evaluation, by=world.alice)
    ev.evaluation_save(evaluation=evaluation, items={}, conclusions="Ändrad", recommendations="", by=world.bob)
    assert not evaluation.confirmations.exists()
    ev.evaluation_confirm(evaluation=evaluation, by=world.bob)
    assert Evaluation.objects.get(pk=evaluation.pk).status == Evaluation.Status.DRAFT  # Arjeplog confirms again


def test_it_starts_a_new_version_and_keeps_the_adopted_one(year):
    world = year.world
    first = start(year)
    ev.evaluation_save(
        evaluation=first, items={}, conclusions="Slutsats", recommendations="Fler vandringar", by=world.alice
    )
    ev.evaluation_confirm(evaluation=first, by=world.alice)
    first = ev.evaluation_confirm(evaluation=first, by=world.bob)
    frozen = ev.evaluation_document(first)
    with pytest.raises(ValidationError, match=str(ev.NOT_ADOPTED)):
        ev.evaluation_new_version(evaluation=start_joint(year), by=world.bob, today=clock.today())
    second = ev.evaluation_new_version(evaluation=first, by=world.alice, today=clock.today())
    assert (second.version, second.status, second.conclusions) == (2, Evaluation.Status.DRAFT, "Slutsats")
    assert second.items.count() == first.items.count()
    with pytest.raises(ValidationError, match=str(ev.DRAFT_EXISTS)):
        ev.evaluation_new_version(evaluation=first, by=world.alice, today=clock.today())
    ev.evaluation_save(evaluation=second, items={}, conclusions="Slutsats", recommendations="Ändrat", by=world.alice)
    assert [e.version for e in ev.versions_of(second)] == [2, 1]
    assert ev.evaluation_document(Evaluation.objects.get(pk=first.pk)) == frozen
    assert ev.recommendations(world.part1) == ["Fler vandringar"]  # the adopted version's, not the draft's


def start_joint(year) -> Evaluation:
    world = year.world
    place = ev.evaluation_place(world.bob, world.part1, area_id=world.lpo.pk)
    return ev.evaluation_start(agreement=world.part1, place=place, by=world.bob, today=clock.today())


def test_it_shows_a_dash_for_an_incident_total_it_may_not_give(client, year):
    # The total is None when a suppressed category is part of it (ShownPicture.incidents_total); an evaluation
    # that holds one shows "–" on both rows, as for a missing crime count, never "None".
    evaluation = start(year)
    [situation] = evaluation.data["situation"]
    situation["latest"]["incidents"] = None
    Evaluation.objects.filter(pk=evaluation.pk).update(data=evaluation.data)
    client.force_login(year.world.alice)
    page = client.get(evaluation.get_absolute_url()).content.decode()
    start_at = page.index('<table class="situation">')
    table = page[start_at : page.index("</table>", start_at)]
    latest = table.split("<tbody>")[1].split("<tr>")[2]  # Arjeplog's rows: its baseline, then the latest
    assert latest.split('<td class="number">')[3].startswith("–</td>")  # crimes, police events, incidents
    assert "None" not in table
