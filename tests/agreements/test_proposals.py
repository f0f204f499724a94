"""A part 1 agreement belongs to all its parties: one party cannot change who they are. A change of the parties
is a proposal every other party answers (those removed and added included); it is made when all have accepted,
and an administrator may make it at once. Part 2 still changes at once."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from samverkan.agreements import services
from samverkan.agreements.models import Agreement, AgreementChange, ChangeProposal, ProposalAnswer
from samverkan.agreements.views import UNKNOWN_ANSWER
from samverkan.organisations.models import Membership, Organisation, Role, User

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture(autouse=True)
def part1_being_signed(world) -> None:
    """The parties change on the edit page while the agreement is being signed (a signed one is locked)."""
    world.part1.signatories.all().delete()
    Agreement.objects.filter(pk=world.part1.pk).update(status=Agreement.Status.SIGNING, signed_on=None)
    world.part1.refresh_from_db()


def edit_data(agreement, parties) -> dict:
    return {
        "title": agreement.title,
        "status": agreement.status,
        "starts_on": agreement.starts_on.isoformat(),
        "ends_on": agreement.ends_on.isoformat(),
        "parties": [p.pk for p in parties],
        "municipalities": [m.pk for m in agreement.municipalities.all()],
        "focus_areas": [f.pk for f in agreement.focus_areas.all()],
    }


def names(agreement) -> set[str]:
    return {p.name for p in agreement.parties.all()}


ALL_THREE = {"LPO Piteå älvdal", "Arjeplogs kommun", "Arvidsjaurs kommun"}


def propose_removing_arvidsjaur(client, world):
    client.force_login(world.alice)
    url = reverse("agreement_edit", args=[world.part1.pk])
    return client.post(url, edit_data(world.part1, [world.lpo, world.arjeplog_org]), follow=True)


def answer(client, user, proposal, value: str):
    client.force_login(user)
    return client.post(reverse("change_proposal_answer", args=[proposal.pk]), {"answer": value})


def test_it_turns_removing_a_party_into_a_proposal(client, world):
    response = propose_removing_arvidsjaur(client, world)
    assert response.status_code == 200
    assert names(world.part1) == ALL_THREE
    proposal = ChangeProposal.objects.get()
    assert (proposal.kind, proposal.status, proposal.agreement) == ("parties", "open", world.part1)
    assert {p.name for p in proposal.parties.all()} == {"LPO Piteå älvdal", "Arjeplogs kommun"}
    assert (proposal.proposed_by, proposal.proposer_organisation) == (world.alice, world.arjeplog_org)
    waiting = "The proposal is waiting for the approval of: Arvidsjaurs kommun, LPO Piteå älvdal"
    assert waiting in response.content.decode()
    own = proposal.answers.get(organisation=world.arjeplog_org)
    assert (own.accepted, own.by) == (True, world.alice)
    assert world.part1.changes.first().action == AgreementChange.Action.CHANGE_PROPOSED
    client.force_login(world.charlie)
    page = client.get(reverse("agreement", args=[world.part1.pk]))
    assert page.status_code == 200
    assert reverse("change_proposal_answer", args=[proposal.pk]) in page.content.decode()


def test_it_makes_the_change_when_every_party_has_accepted(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    response = answer(client, world.charlie, proposal, "accept")
    assert response.status_code == 302
    assert names(world.part1) == ALL_THREE
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert proposal.waiting_for() == [world.lpo]
    answer(client, world.bob, proposal, "accept")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("applied", world.bob)
    assert names(world.part1) == {"LPO Piteå älvdal", "Arjeplogs kommun"}
    change = world.part1.changes.first()
    assert (change.action, change.by) == (AgreementChange.Action.UPDATED, world.bob)
    assert change.details == {
        "parties": ["Arjeplogs kommun, Arvidsjaurs kommun, LPO Piteå älvdal", "Arjeplogs kommun, LPO Piteå älvdal"]
    }
    client.force_login(world.charlie)  # Arvidsjaur agreed to leave
    assert client.get(reverse("agreement", args=[world.part1.pk])).status_code == 404


def test_it_changes_nothing_when_a_party_rejects(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    answer(client, world.charlie, proposal, "reject")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("rejected", world.charlie)
    assert names(world.part1) == ALL_THREE
    response = answer(client, world.bob, proposal, "accept")
    assert response.status_code == 400
    assert str(services.PROPOSAL_NOT_OPEN) in response.content.decode()
    assert names(world.part1) == ALL_THREE
    assert proposal.answers.get(organisation=world.lpo).accepted is None


def test_it_hides_the_proposal_from_an_outsider(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    client.force_login(world.dave)
    assert client.get(reverse("change_proposal", args=[proposal.pk])).status_code == 404
    for name in ("change_proposal_answer", "change_proposal_withdraw", "change_proposal_apply"):
        assert client.post(reverse(name, args=[proposal.pk]), {"answer": "accept"}).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert proposal.waiting_for() == [world.arvidsjaur_org, world.lpo]


def test_it_lets_leadership_read_the_proposal_but_not_answer_it(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    client.force_login(world.lena)
    page = client.get(reverse("change_proposal", args=[proposal.pk]))
    assert page.status_code == 200
    assert reverse("change_proposal_answer", args=[proposal.pk]) not in page.content.decode()
    for value in ("accept", "reject"):
        assert answer(client, world.lena, proposal, value).status_code == 404
    assert client.post(reverse("change_proposal_withdraw", args=[proposal.pk])).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "open"


def test_it_refuses_a_second_answer_and_an_unknown_one(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    response = answer(client, world.alice, proposal, "accept")  # Arjeplog answered by proposing
    assert response.status_code == 400
    assert str(services.NOTHING_TO_ANSWER) in response.content.decode()
    response = answer(client, world.charlie, proposal, "maybe")
    assert response.status_code == 400
    assert str(UNKNOWN_ANSWER) in response.content.decode()
    assert proposal.answers.get(organisation=world.arvidsjaur_org).accepted is None


def test_it_lets_the_proposer_withdraw(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    client.force_login(world.charlie)  # not Charlie's to withdraw
    assert client.post(reverse("change_proposal_withdraw", args=[proposal.pk])).status_code == 404
    client.force_login(world.alice)
    assert client.post(reverse("change_proposal_withdraw", args=[proposal.pk])).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("withdrawn", world.alice)
    assert answer(client, world.charlie, proposal, "accept").status_code == 400
    assert names(world.part1) == ALL_THREE


def test_it_keeps_one_open_proposal_at_a_time(client, world):
    propose_removing_arvidsjaur(client, world)
    client.force_login(world.bob)
    url = reverse("agreement_edit", args=[world.part1.pk])
    response = client.post(url, edit_data(world.part1, [world.lpo]))
    assert response.status_code == 400
    assert "A change of the parties is already waiting for the parties&#x27; answers." in response.content.decode()
    assert ChangeProposal.objects.count() == 1
    with pytest.raises(ValueError, match=str(services.PROPOSAL_ALREADY_OPEN)):
        services.agreement_parties_propose(agreement=world.part1, parties=[world.lpo], by=world.bob)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChangeProposal.objects.create(
            kind="parties", agreement=world.part1, created_at=ChangeProposal.objects.get().created_at
        )


def test_it_keeps_one_answer_per_party(world):
    proposal = services.agreement_parties_propose(agreement=world.part1, parties=[world.lpo], by=world.alice)
    assert proposal is not None
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalAnswer.objects.create(proposal=proposal, organisation=world.lpo)


def test_it_refuses_a_direct_change_of_part_one_parties_in_the_service(world):
    with pytest.raises(ValueError, match=str(services.PARTIES_NEED_CONSENT)):
        services.agreement_update(agreement=world.part1, by=world.alice, fields={"parties": [world.lpo]}, sections={})
    assert names(world.part1) == ALL_THREE


def test_it_asks_a_party_being_added_too(client, world):
    lulea_org = Organisation.objects.get(name="Luleå kommun")
    parties = [world.lpo, world.arjeplog_org, world.arvidsjaur_org, lulea_org]
    proposal = services.agreement_parties_propose(agreement=world.part1, parties=parties, by=world.bob)
    assert proposal is not None
    assert set(proposal.waiting_for()) == {world.arjeplog_org, world.arvidsjaur_org, lulea_org}
    client.force_login(world.dave)  # Luleå sees what it is asked to join, not the agreement yet
    assert client.get(reverse("change_proposal", args=[proposal.pk])).status_code == 200
    assert client.get(reverse("agreement", args=[world.part1.pk])).status_code == 404
    for user in (world.alice, world.charlie, world.dave):
        assert answer(client, user, proposal, "accept").status_code == 302
    assert names(world.part1) == ALL_THREE | {"Luleå kommun"}
    client.force_login(world.dave)
    assert client.get(reverse("agreement", args=[world.part1.pk])).status_code == 200


def superuser(world) -> User:
    root = User.objects.create_superuser(username="root", password="password")
    Membership.objects.create(user=root, organisation=world.lpo, role=Role.ADMINISTRATOR)  # as in the demo
    return root


def test_it_lets_an_administrator_make_an_open_proposal_at_once(client, world):
    propose_removing_arvidsjaur(client, world)
    proposal = ChangeProposal.objects.get()
    client.force_login(world.charlie)  # a party, not an administrator
    assert client.post(reverse("change_proposal_apply", args=[proposal.pk])).status_code == 404
    root = superuser(world)
    client.force_login(root)
    page = client.get(reverse("agreement", args=[world.part1.pk])).content.decode()
    assert reverse("change_proposal_apply", args=[proposal.pk]) in page
    assert client.post(reverse("change_proposal_apply", args=[proposal.pk])).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("applied", root)
    assert names(world.part1) == {"LPO Piteå älvdal", "Arjeplogs kommun"}


def test_it_applies_an_administrators_change_at_once(world):
    root = superuser(world)
    assert services.agreement_parties_propose(agreement=world.part1, parties=[world.lpo], by=root) is None
    assert names(world.part1) == {"LPO Piteå älvdal"}
    assert ChangeProposal.objects.get().status == "applied"


def test_it_changes_a_part_two_at_once(client, world):
    draft = world.arjeplog_part2
    client.force_login(world.alice)
    response = client.post(reverse("agreement_edit", args=[draft.pk]), edit_data(draft, [world.arjeplog_org]))
    assert response.status_code == 302
    assert names(draft) == {"Arjeplogs kommun"}
    assert not ChangeProposal.objects.exists()
