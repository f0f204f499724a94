"""A commitment's status and comment per year, and a communication activity's dates and owner: written by those
who write for the agreement, also on a signed one (follow-up data, not the agreement's text)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samverkan.agreements import follow_up
from samverkan.agreements.models import DONE_IN_THE_FUTURE, CommitmentFollowUp
from samverkan.core import clock


def _post_follow_up(client, agreement, commitment, year: int, status: str = "pagar", comment: str = ""):
    return client.post(
        reverse("commitment_follow_up", args=[agreement.pk]),
        {
            "follow-up-commitment": commitment.pk,
            "follow-up-year": year,
            "follow-up-status": status,
            "follow-up-comment": comment,
        },
    )


def _post_communication(client, item, **values):
    prefix = f"communication-{item.pk}"
    data = {f"{prefix}-{key}": value for key, value in values.items()}
    return client.post(reverse("communication_follow_up", args=[item.agreement_id, item.pk]), data)


def test_it_keeps_one_status_per_commitment_and_year(client, world):
    part1 = world.part1
    assert part1.is_locked  # signed: its text changes only through a revision, its follow-up here
    commitment = part1.commitments.get()
    year = clock.today().year
    client.force_login(world.alice)
    assert _post_follow_up(client, part1, commitment, year, "pagar", "Arbetet har börjat.").status_code == 302
    response = _post_follow_up(client, part1, commitment, year, "genomfort", "Lägesbilden är klar.")
    assert response.status_code == 302
    stored = CommitmentFollowUp.objects.get(commitment=commitment)
    assert (stored.year, stored.status, stored.comment, stored.by) == (
        year,
        "genomfort",
        "Lägesbilden är klar.",
        world.alice,
    )


def test_it_shows_each_year_on_the_agreement_page(client, world, in_english):
    part1 = world.part1
    commitment = part1.commitments.get()
    first = part1.starts_on.year
    follow_up.commitment_follow_up(commitment=commitment, year=first, status="installt", comment="Ersatt.", by=None)
    client.force_login(world.lena)  # reads, never writes
    body = client.get(reverse("agreement", args=[part1.pk])).content.decode()
    assert "Follow-up per year" in body
    assert f'<th scope="col">{first}</th>' in body
    assert "Cancelled" in body and "Ersatt." in body
    assert "Follow up a commitment" not in body
    client.force_login(world.alice)
    assert "Follow up a commitment" in client.get(reverse("agreement", args=[part1.pk])).content.decode()


def test_it_refuses_a_year_outside_the_period(client, world):
    part1 = world.part1
    commitment = part1.commitments.get()
    client.force_login(world.alice)
    after = part1.ends_on.year + 1
    assert _post_follow_up(client, part1, commitment, after).status_code == 400
    with pytest.raises(ValidationError) as refused:
        follow_up.commitment_follow_up(
            commitment=commitment, year=part1.starts_on.year - 1, status="pagar", comment="", by=world.alice
        )
    assert refused.value.message_dict == {"year": [str(follow_up.YEAR_OUTSIDE_THE_PERIOD)]}
    assert not CommitmentFollowUp.objects.exists()


def test_it_answers_404_to_the_outsider_and_to_leadership(client, world):
    part2 = world.arjeplog_part2
    commitment = part2.commitments.create(responsible="kommun", text="Utse samordnare", order=1)
    item = part2.communication_plan.create(message="m", audience="a", channel="c", when="w", responsible="r")
    year = clock.today().year
    for user in (world.charlie, world.lena):
        client.force_login(user)
        assert _post_follow_up(client, part2, commitment, year).status_code == 404
        assert _post_communication(client, item, planned_on=clock.today().isoformat()).status_code == 404
    assert not CommitmentFollowUp.objects.exists()
    item.refresh_from_db()
    assert item.planned_on is None


def test_it_plans_a_communication_activity_and_marks_it_done(client, world):
    item = world.part1.communication_plan.get()
    assert item.agreement.is_locked
    today = clock.today()
    client.force_login(world.bob)
    response = _post_communication(
        client,
        item,
        planned_on=(today - datetime.timedelta(days=7)).isoformat(),
        done_on=today.isoformat(),
        owner=world.lpo.pk,
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.planned_on, item.done_on, item.owner) == (today - datetime.timedelta(days=7), today, world.lpo)


def test_it_refuses_a_done_day_in_the_future_and_an_owner_outside_the_parties(client, world, in_english):
    item = world.part1.communication_plan.get()
    tomorrow = clock.today() + datetime.timedelta(days=1)
    client.force_login(world.alice)
    response = _post_communication(client, item, done_on=tomorrow.isoformat())
    assert response.status_code == 400
    assert str(DONE_IN_THE_FUTURE) in response.content.decode()
    lulea = world.dave.memberships.get().organisation
    assert _post_communication(client, item, owner=lulea.pk).status_code == 400
    item.refresh_from_db()
    assert (item.done_on, item.owner) == (None, None)
