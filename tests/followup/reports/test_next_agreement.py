""" "Påbörja nästa överenskommelse": a draft part 1 for the new period with no stale date in its texts, a draft
part 2 for each municipality linked to it, and focus areas proposed from the adopted joint lägesbild, each with
its evidence, that the parties accept or change. The evaluation stays apart."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from samverkan.agreements.access import visible_agreements
from samverkan.agreements.lib.periods import MONTHS, Period, references
from samverkan.agreements.models import Agreement, FocusAreaProposal, Section
from samverkan.followup.reports.models import Evaluation
from samverkan.organisations.models import FocusArea
from samverkan.situation import services as situation_services
from samverkan.situation.selectors import Period as PicturePeriod
from samverkan.situation.selectors import joint_picture_for
from tests.situation.conftest import log


def swedish(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def texts_of(agreement: Agreement) -> list[str]:
    return [
        agreement.title,
        *agreement.sections.values_list("body", flat=True),
        *(f"{c.text} {c.recurrence}" for c in agreement.commitments.all()),
        *(
            " ".join([i.message, i.audience, i.channel, i.when, i.responsible])
            for i in agreement.communication_plan.all()
        ),
    ]


@pytest.fixture
def dated(world):
    """The part 1's and part 2s' texts name their period as the real agreement does."""
    part1 = world.part1
    years = f"{part1.starts_on.year}–{part1.ends_on.year}"
    Section.objects.create(
        agreement=part1,
        kind=Section.Kind.TIME_FRAME,
        body=f"Överenskommelsen gäller till och med {swedish(part1.ends_on)}. Den ska därefter revideras.",
        order=2,
    )
    Section.objects.create(
        agreement=part1,
        kind=Section.Kind.FOCUS_AREAS,
        body=f"Fokusområdena prioriteras under kommande period {years}.",
        order=3,
    )
    part1.commitments.create(
        responsible="bada",
        text=f"Uppföljning av samverkansavtalet genomförs innan nytt avtal {part1.ends_on.year + 1}.",
        due_on=part1.ends_on,
        order=2,
    )
    part1.communication_plan.create(
        message=f"Överenskommelsen {years} är undertecknad",
        audience="Alla",
        channel="Webb",
        when="År " + str(part1.ends_on.year),
        responsible="Kommunikatörer",
    )
    for part2 in (world.arjeplog_part2, world.arvidsjaur_part2):
        Section.objects.create(
            agreement=part2,
            kind=Section.Kind.LOCAL_GOALS,
            body=f"Lokala mål för {years}, följs upp senast {part2.ends_on.isoformat()}.",
            order=1,
        )
    return world


def default_period(agreement: Agreement) -> tuple[datetime.date, datetime.date]:
    """From the day after the old end, four years."""
    day_after = agreement.ends_on + datetime.timedelta(days=1)
    return day_after, datetime.date(day_after.year + 4, day_after.month, day_after.day) - datetime.timedelta(days=1)


def start(client, world, **data):
    """Alice starts it, for the proposed period unless told otherwise."""
    starts_on, ends_on = default_period(world.part1)
    client.force_login(world.alice)
    data = {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat(), **data}
    return client.post(reverse("next_agreement_start", args=[world.part1.pk]), data)


def test_it_proposes_the_next_period_in_a_form(client, world):
    client.force_login(world.alice)
    page = client.get(reverse("next_agreement_start", args=[world.part1.pk]))
    assert page.status_code == 200
    form = page.context["form"]
    assert (form["starts_on"].value(), form["ends_on"].value()) == default_period(world.part1)
    assert not hasattr(Agreement.objects.get(pk=world.part1.pk), "revision")  # showing the form starts nothing


def test_it_drafts_the_next_agreement_with_no_stale_date(client, dated):
    world = dated
    old = Period(world.part1.starts_on, world.part1.ends_on)
    new_start = world.part1.ends_on + datetime.timedelta(days=1)
    new_end = datetime.date(new_start.year + 3, 12, 31)
    response = start(client, world, starts_on=new_start.isoformat(), ends_on=new_end.isoformat())
    draft = Agreement.objects.get(revision_of=world.part1)
    assert response.status_code == 302
    assert (draft.starts_on, draft.ends_on, draft.status) == (new_start, new_end, Agreement.Status.DRAFT)
    texts = "\n".join(texts_of(draft))
    assert [ref for text in texts_of(draft) for ref in references(text, old)] == []
    assert f"till och med {swedish(new_end)}" in texts
    assert f"kommande period {new_start.year}–{new_end.year}" in texts
    assert f"innan nytt avtal {new_end.year + 1}" in texts
    assert draft.title.endswith(f"{new_start.year}–{new_end.year}")
    assert draft.commitments.get(text__startswith="Uppföljning").due_on == new_end
    assert not Evaluation.objects.exists()  # the evaluation is neither made nor frozen by it


def test_it_drafts_a_part_2_for_each_municipality_under_the_new_part_1(client, dated):
    world = dated
    start(client, world)
    draft = Agreement.objects.get(revision_of=world.part1)
    locals_ = {a.municipalities.get(): a for a in Agreement.objects.filter(strategic=draft)}
    assert set(locals_) == {world.arjeplog, world.arvidsjaur}
    for municipality, old in [(world.arjeplog, world.arjeplog_part2), (world.arvidsjaur, world.arvidsjaur_part2)]:
        local = locals_[municipality]
        assert (local.part, local.status) == (Agreement.Part.LOCAL, Agreement.Status.DRAFT)
        assert (local.starts_on, local.ends_on) == (draft.starts_on, draft.ends_on)
        assert set(local.parties.all()) == set(old.parties.all())
        body = local.sections.get(kind=Section.Kind.LOCAL_GOALS).body
        years, end = f"{draft.starts_on.year}–{draft.ends_on.year}", draft.ends_on.isoformat()
        assert body == f"Lokala mål för {years}, följs upp senast {end}."
        assert [r for t in texts_of(local) for r in references(t, Period(old.starts_on, old.ends_on))] == []


def test_it_refuses_a_period_that_does_not_follow_the_old_one(client, world):
    response = start(client, world, starts_on=world.part1.ends_on.isoformat(), ends_on="2030-12-31")
    assert response.status_code == 400
    assert response.context["form"].errors["starts_on"]
    assert not Agreement.objects.filter(revision_of=world.part1).exists()


@pytest.fixture
def joint(world):
    """Skadegörelse in Arjeplog: 3 incidents last year, 12 this one (clearly rising: a rise from 3 to 5 would
    not be, on so few); the police adopt the joint lägesbild."""
    year = world.part1.ends_on.year - 1
    for day in [f"{year - 1}-03-0{d}" for d in (1, 2, 3)] + [f"{year}-04-{d:02d}" for d in range(1, 13)]:
        log(world, day, "Skadegörelse")
    period = PicturePeriod(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    situation_services.baseline_adopt(
        picture=joint_picture_for(police_area=world.lpo, period=period), by=world.bob, police_area=world.lpo
    )
    return year


def test_it_proposes_focus_areas_with_their_evidence(client, world, joint, in_english):
    response = start(client, world)
    draft = Agreement.objects.get(revision_of=world.part1)
    assert response["Location"] == reverse("focus_area_proposals", args=[draft.pk])
    proposal = FocusAreaProposal.objects.get(agreement=draft)
    assert proposal.focus_area == FocusArea.objects.get(short_name="BRÅ")
    assert proposal.source == FocusAreaProposal.Source.SITUATION
    assert f"Skadegörelse: rank 1 in Arjeplog, rising; 12 incidents in {joint}" in proposal.evidence.splitlines()
    page = client.get(reverse("focus_area_proposals", args=[draft.pk])).content.decode()
    assert f"Skadegörelse: rank 1 in Arjeplog, rising; 12 incidents in {joint}" in page


def test_it_adds_the_focus_area_the_parties_accept_or_change(client, world, joint):
    start(client, world)
    draft = Agreement.objects.get(revision_of=world.part1)
    draft.focus_areas.clear()
    proposal = FocusAreaProposal.objects.get(agreement=draft)
    url = reverse("focus_area_proposal_decide", args=[draft.pk, proposal.pk])
    client.force_login(world.bob)
    assert client.post(url, {"decision": "accept", "name": "Trygg trafik"}).status_code == 302
    proposal.refresh_from_db()
    created = FocusArea.objects.get(name="Trygg trafik")
    assert (proposal.accepted, proposal.focus_area, proposal.decided_by) == (True, created, world.bob)
    assert list(draft.focus_areas.all()) == [created]
    again = client.post(url, {"decision": "reject"})
    assert again.status_code == 400 and FocusAreaProposal.objects.get(pk=proposal.pk).accepted is True


def test_it_lets_only_the_parties_writers_start_it_and_see_theirs(client, world, joint):
    for user in (world.lena, world.dave):
        client.force_login(user)
        assert client.get(reverse("next_agreement_start", args=[world.part1.pk])).status_code == 404
        assert client.post(reverse("next_agreement_start", args=[world.part1.pk])).status_code == 404
    client.force_login(world.charlie)  # Arjeplog's part 2 is not Charlie's to see, nor to renew
    assert client.get(reverse("next_agreement_start", args=[world.arjeplog_part2.pk])).status_code == 404
    assert not Agreement.objects.filter(revision_of__isnull=False).exists()
    start(client, world)
    draft = Agreement.objects.get(revision_of=world.part1)
    proposal = FocusAreaProposal.objects.get(agreement=draft)
    arjeplogs = Agreement.objects.get(strategic=draft, municipalities=world.arjeplog)
    assert arjeplogs not in visible_agreements(world.charlie)
    assert not visible_agreements(world.dave).exists()
    client.force_login(world.dave)
    assert client.get(reverse("focus_area_proposals", args=[draft.pk])).status_code == 404
    decide = reverse("focus_area_proposal_decide", args=[draft.pk, proposal.pk])
    assert client.post(decide, {"decision": "accept"}).status_code == 404
    client.force_login(world.lena)
    assert client.get(reverse("focus_area_proposals", args=[draft.pk])).status_code == 200
    assert client.post(decide, {"decision": "accept"}).status_code == 404
    assert FocusAreaProposal.objects.get(pk=proposal.pk).accepted is None
    assert again_refused(client, world)


def again_refused(client, world) -> bool:
    """Started once: the start page sends the writer to the draft instead of starting another."""
    client.force_login(world.alice)
    response = client.post(reverse("next_agreement_start", args=[world.part1.pk]))
    return response.status_code == 302 and Agreement.objects.filter(revision_of=world.part1).count() == 1
