"""A joint collaboration group's meeting rhythm is all its parties': a change by one of them is a proposal the
others (the other municipalities' organisations and the police area) accept before it is made."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.agreements import services as agreements
from samverkan.agreements.models import ChangeProposal
from samverkan.followup.reports.models import MeetingRhythm
from samverkan.organisations.models import User
from tests.followup.reports.conftest import collaboration_group

pytestmark = pytest.mark.usefixtures("in_english")

ARJEPLOG = reverse("municipality_follow_up", args=["2506"])
ARVIDSJAUR = reverse("municipality_follow_up", args=["2505"])


@pytest.fixture
def joint(world):
    group = collaboration_group("Gemensam BRÅ", world.arjeplog, world.arvidsjaur)
    MeetingRhythm.objects.create(group=group, per_year=4)
    return group


def propose_six(client, world, joint):
    client.force_login(world.alice)
    return client.post(ARJEPLOG, {"group": joint.pk, f"rhythm-{joint.pk}-per_year": "6"}, follow=True)


def answer(client, user, proposal, value: str, back: str = ""):
    client.force_login(user)
    return client.post(reverse("change_proposal_answer", args=[proposal.pk]), {"answer": value, "next": back})


def per_year(group) -> int:
    return MeetingRhythm.objects.get(group=group).per_year


def test_it_turns_a_joint_groups_new_rhythm_into_a_proposal(client, world, joint):
    response = propose_six(client, world, joint)
    assert response.status_code == 200
    waiting = "The proposal is waiting for the approval of: Arvidsjaurs kommun, LPO Piteå älvdal"
    assert waiting in response.content.decode()
    assert per_year(joint) == 4
    proposal = ChangeProposal.objects.get()
    assert (proposal.kind, proposal.group, proposal.per_year, proposal.status) == ("rhythm", joint, 6, "open")
    assert set(proposal.answers.values_list("organisation__name", flat=True)) == {
        "Arjeplogs kommun",
        "Arvidsjaurs kommun",
        "LPO Piteå älvdal",
    }
    client.force_login(world.charlie)
    page = client.get(ARVIDSJAUR).content.decode()
    assert "Proposed rhythm: 6 meetings a year" in page
    assert reverse("change_proposal_answer", args=[proposal.pk]) in page


def test_it_makes_the_rhythm_when_every_party_has_accepted(client, world, joint):
    propose_six(client, world, joint)
    proposal = ChangeProposal.objects.get()
    response = answer(client, world.charlie, proposal, "accept", back=ARVIDSJAUR)
    assert (response.status_code, response["Location"]) == (302, ARVIDSJAUR)
    assert per_year(joint) == 4
    answer(client, world.bob, proposal, "accept")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("applied", world.bob)
    rhythm = MeetingRhythm.objects.get(group=joint)
    assert (rhythm.per_year, rhythm.updated_by) == (6, world.bob)


def test_it_keeps_the_rhythm_when_a_party_rejects(client, world, joint):
    propose_six(client, world, joint)
    proposal = ChangeProposal.objects.get()
    answer(client, world.bob, proposal, "reject")
    assert answer(client, world.charlie, proposal, "accept").status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert per_year(joint) == 4


def test_it_hides_the_proposal_from_an_outsider_and_leadership_cannot_answer(client, world, joint):
    propose_six(client, world, joint)
    proposal = ChangeProposal.objects.get()
    client.force_login(world.dave)
    assert client.get(reverse("change_proposal", args=[proposal.pk])).status_code == 404
    assert answer(client, world.dave, proposal, "accept").status_code == 404
    assert answer(client, world.lena, proposal, "accept").status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert per_year(joint) == 4


def test_it_refuses_a_second_change_while_one_waits(client, world, joint):
    propose_six(client, world, joint)
    client.force_login(world.bob)
    response = client.post(ARVIDSJAUR, {"group": joint.pk, f"rhythm-{joint.pk}-per_year": "2"})
    assert response.status_code == 400
    assert str(agreements.PROPOSAL_ALREADY_OPEN).replace("'", "&#x27;") in response.content.decode()
    assert ChangeProposal.objects.count() == 1


def test_it_lets_an_administrator_make_it_at_once(client, world, joint):
    propose_six(client, world, joint)
    proposal = ChangeProposal.objects.get()
    root = User.objects.create_superuser(username="root", password="password")
    client.force_login(root)
    assert client.post(reverse("change_proposal_apply", args=[proposal.pk])).status_code == 302
    assert per_year(joint) == 6


def test_it_still_saves_a_group_of_one_municipality_at_once(client, world):
    group = collaboration_group("Lokala BRÅ", world.arjeplog)
    client.force_login(world.alice)
    client.post(ARJEPLOG, {"group": group.pk, f"rhythm-{group.pk}-per_year": "6"})
    assert per_year(group) == 6
    assert not ChangeProposal.objects.exists()
