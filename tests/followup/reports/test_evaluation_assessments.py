"""Each focus area, commitment of part 1 and item of part 2 gets a status and an assessment, suggested from the data
where there is data: all the activities of a commitment's focus area done -> carried out, with the figures; a
commitment's yearly follow-up first; nothing linked -> not assessed. The recommendations are read as proposals.

The year by hand (conftest.py): the walks (done, 2 of 2) serve "Minska klottret" (BRÅ, off track in Arjeplog), the
drug education (ongoing, 1 of 3 by its end, "Skolan sköt upp höstens tillfälle") serves "Färre unga som dricker"
(ANDT-S, no indicator); the promise of 2025 counts the walks.
"""

from __future__ import annotations

from samverkan.agreements.models import CommitmentFollowUp, Section
from samverkan.core import clock
from samverkan.followup.reports import evaluation as ev
from samverkan.followup.reports.models import EvaluationItem
from samverkan.organisations.models import FocusArea
from tests.followup.reports.conftest import arjeplog

S = EvaluationItem.Status


def started(year):
    world = year.world
    year.walk.goals.add(year.klotter)
    year.education.goals.add(year.drinking)
    part1 = world.part1
    bra, andt = FocusArea.objects.get(short_name="BRÅ"), FocusArea.objects.get(short_name="ANDT-S")
    part1.commitments.create(responsible="bada", text="Trygghetsvandringar i centrum", focus_area=bra, order=2)
    part1.commitments.create(responsible="kommun", text="Drogutbildning i skolan", focus_area=andt, order=3)
    followed = part1.commitments.create(responsible="polis", text="Polisen håller medborgardialoger", order=4)
    CommitmentFollowUp.objects.create(
        commitment=followed, year=2025, status=CommitmentFollowUp.Status.ONGOING, comment="Två av fyra", at=clock.now()
    )
    Section.objects.create(agreement=world.arjeplog_part2, kind=Section.Kind.PROMISES, body="Medborgarlöften", order=1)
    Section.objects.create(agreement=world.arjeplog_part2, kind=Section.Kind.PURPOSE, body="Syfte", order=2)
    return ev.evaluation_start(agreement=part1, place=arjeplog(world), by=world.alice, today=clock.today())


def item(evaluation, label: str) -> EvaluationItem:
    return evaluation.items.get(label=label)


def test_it_suggests_carried_out_when_every_activity_of_the_focus_area_is_done(year):
    evaluation = started(year)
    walks = item(evaluation, "Trygghetsvandringar i centrum")
    assert (walks.kind, walks.part, walks.status, walks.suggested_status) == ("atagande", 1, S.DONE, S.DONE)
    activities = ev.ACTIVITIES_TEXT % {"done": 1, "total": 1}
    goals = ev.GOALS_TEXT % {"on_track": 0, "measured": 1, "total": 1}  # Klotter: off track in Arjeplog
    assert walks.assessment == walks.suggestion == f"{activities} {goals}"
    area = item(evaluation, "Brottsförebyggande arbete (BRÅ)")
    assert (area.kind, area.status) == ("fokusomrade", S.DONE)
    assert area.assessment.startswith(activities)
    assert ev.PROMISES_TEXT % {"kept": 1, "total": 1} in area.assessment  # the promise counts the walks: 2 of 2


def test_it_suggests_not_carried_out_with_the_reason(year):
    education = item(started(year), "Drogutbildning i skolan")
    assert education.status == S.NOT_DONE
    assert ev.ACTIVITIES_TEXT % {"done": 0, "total": 1} in education.assessment
    assert (
        ev.NOT_DONE_TEXT % {"activities": "Drogutbildning (Skolan sköt upp höstens tillfälle)"} in education.assessment
    )


def test_it_takes_a_commitments_yearly_follow_up_first(year):
    followed = item(started(year), "Polisen håller medborgardialoger")
    assert followed.status == S.PARTLY
    expected = ev.FOLLOW_UP_TEXT % {"year": 2025, "status": CommitmentFollowUp.Status.ONGOING.label}
    assert followed.assessment == f"{expected} Två av fyra"


def test_it_leaves_what_no_data_belongs_to_not_assessed(year):
    evaluation = started(year)
    baseline = item(evaluation, "Ta fram en fördjupad lägesbild (baslinje).")
    assert (baseline.status, baseline.assessment) == (S.NOT_ASSESSED, str(ev.NO_DATA))


def test_it_assesses_the_part_2_items_of_the_municipality_only(year):
    evaluation = started(year)
    promises = evaluation.items.get(kind="avsnitt")
    assert (promises.part, promises.label, promises.status) == (2, str(Section.Kind.PROMISES.label), S.DONE)
    assert promises.assessment == ev.PROMISES_TEXT % {"kept": 1, "total": 1}
    assert not evaluation.items.filter(label=str(Section.Kind.PURPOSE.label)).exists()  # no data says anything
    joint = ev.evaluation_start(
        agreement=year.world.part1,
        place=ev.evaluation_place(year.world.bob, year.world.part1, area_id=year.world.lpo.pk),
        by=year.world.bob,
        today=clock.today(),
    )
    assert not joint.items.filter(part=2).exists()  # the joint one assesses part 1
    assert joint.items.filter(kind="atagande").count() == 4


def test_it_reads_the_recommendations_as_proposals_for_the_next_period(year):
    evaluation = started(year)
    ev.evaluation_save(
        evaluation=evaluation,
        items={},
        conclusions="Vandringarna fungerade.",
        recommendations="- Fler trygghetsvandringar\n\n• Drogutbildning tidigare på året\n",
        by=year.world.alice,
    )
    assert ev.recommendations(year.world.part1) == ["Fler trygghetsvandringar", "Drogutbildning tidigare på året"]
