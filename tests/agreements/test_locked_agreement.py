"""A signed agreement is locked: its page, texts and rows change only through a revision, which keeps the signed
version as it is. A part 2 revised for the next period complements its part 1's revision."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from samverkan.agreements import services
from samverkan.agreements.models import Agreement
from samverkan.core import clock

pytestmark = pytest.mark.usefixtures("in_english")


def snapshot(agreement: Agreement) -> tuple:
    agreement.refresh_from_db()
    return (
        agreement.title,
        agreement.status,
        list(agreement.commitments.values_list("text", flat=True)),
        list(agreement.communication_plan.values_list("message", flat=True)),
        list(agreement.signatories.values_list("name", "signed_on")),
        agreement.changes.count(),
    )


def sign(agreement: Agreement, by) -> None:
    for party in agreement.parties.all():
        services.signatory_add(
            agreement=agreement, by=by, name=party.name, title="Ordförande", organisation=party, signed_on=clock.today()
        )
    agreement.refresh_from_db()


def test_it_refuses_every_change_of_a_signed_agreement_on_its_pages(client, world):
    part1 = world.part1
    assert part1.is_locked
    commitment, item, signatory = part1.commitments.get(), part1.communication_plan.get(), part1.signatories.first()
    before = snapshot(part1)
    client.force_login(world.bob)
    attempts = [
        ("get", reverse("agreement_edit", args=[part1.pk]), {}),
        ("post", reverse("agreement_edit", args=[part1.pk]), {"title": "Ändrad", "status": "utkast"}),
        ("post", reverse("commitment_add", args=[part1.pk]), {"commitment-text": "Ny"}),
        ("get", reverse("commitment_delete", args=[part1.pk, commitment.pk]), {}),
        ("post", reverse("commitment_delete", args=[part1.pk, commitment.pk]), {}),
        ("post", reverse("communication_item_add", args=[part1.pk]), {"communication-message": "Ny"}),
        ("get", reverse("communication_item_delete", args=[part1.pk, item.pk]), {}),
        ("post", reverse("communication_item_delete", args=[part1.pk, item.pk]), {}),
        ("post", reverse("signatory_add", args=[part1.pk]), {"signatory-name": "Ny"}),
        ("get", reverse("signatory_delete", args=[part1.pk, signatory.pk]), {}),
        ("post", reverse("signatory_delete", args=[part1.pk, signatory.pk]), {}),
        ("post", reverse("signatory_sign", args=[part1.pk, signatory.pk]), {}),
    ]
    for method, url, data in attempts:
        response = getattr(client, method)(url, data)
        assert response.status_code == 409, f"{method} {url}"
        assert str(services.AGREEMENT_LOCKED) in response.content.decode(), f"{method} {url}"
    assert snapshot(part1) == before


def test_it_refuses_every_change_of_a_signed_agreement_in_the_services(world):
    part1 = world.part1
    before = snapshot(part1)
    locked = re.escape(str(services.AGREEMENT_LOCKED))
    changes = [
        lambda: services.agreement_update(agreement=part1, by=world.bob, fields={"title": "Ändrad"}, sections={}),
        lambda: services.commitment_add(agreement=part1, by=world.bob, responsible="polis", text="Ny"),
        lambda: services.commitment_delete(commitment=part1.commitments.get(), by=world.bob),
        lambda: services.communication_item_add(
            agreement=part1, by=world.bob, message="Ny", audience="a", channel="c", when="w", responsible="r"
        ),
        lambda: services.communication_item_delete(item=part1.communication_plan.get(), by=world.bob),
        lambda: services.signatory_add(agreement=part1, by=world.bob, name="N", title="T", organisation=world.lpo),
        lambda: services.signatory_delete(signatory=part1.signatories.first(), by=world.bob),
    ]
    for change in changes:
        with pytest.raises(ValueError, match=locked):
            change()
    assert snapshot(part1) == before


def test_it_hides_the_change_buttons_of_a_signed_agreement(client, world):
    client.force_login(world.bob)
    body = client.get(reverse("agreement", args=[world.part1.pk])).content.decode()
    assert "The agreement is locked: changes go through a revision" in body
    assert reverse("agreement_edit", args=[world.part1.pk]) not in body
    assert reverse("commitment_add", args=[world.part1.pk]) not in body
    assert reverse("commitment_delete", args=[world.part1.pk, world.part1.commitments.get().pk]) not in body
    assert reverse("agreement_start_revision", args=[world.part1.pk]) in body  # five weeks before its end


def test_it_changes_a_signed_agreement_through_a_revision_that_keeps_it(client, world):
    part1 = world.part1
    before = snapshot(part1)
    client.force_login(world.bob)
    client.post(reverse("agreement_start_revision", args=[part1.pk]))
    draft = Agreement.objects.get(revision_of=part1)
    assert not draft.is_locked
    response = client.post(
        reverse("commitment_add", args=[draft.pk]), {"commitment-responsible": "polis", "commitment-text": "Ny"}
    )
    assert response.status_code == 302
    assert draft.commitments.filter(text="Ny").exists()
    title, _status, *rows, changes = before
    assert snapshot(part1)[2:5] == tuple(rows)  # the signed version's rows are as they were signed
    part1.refresh_from_db()
    assert (part1.title, part1.is_locked, part1.status) == (title, True, Agreement.Status.UNDER_REVISION)
    assert part1.is_in_force(clock.today())  # in force until its end, while the next one is drafted


def test_it_links_a_revised_part_2_to_the_revision_of_its_part_1(world):
    part2 = world.arjeplog_part2
    sign(part2, world.alice)
    new_part1 = services.agreement_start_revision(agreement=world.part1, by=world.bob)
    new_part2 = services.agreement_start_revision(agreement=part2, by=world.alice)
    assert new_part2.strategic == new_part1
    part2.refresh_from_db()
    assert part2.strategic == world.part1  # the signed part 2 keeps its part 1


def test_it_moves_a_part_2_revision_started_first_to_the_new_part_1(world):
    part2 = world.arjeplog_part2
    sign(part2, world.alice)
    new_part2 = services.agreement_start_revision(agreement=part2, by=world.alice)
    assert new_part2.strategic == world.part1  # no revision of part 1 yet
    new_part1 = services.agreement_start_revision(agreement=world.part1, by=world.bob)
    new_part2.refresh_from_db()
    assert new_part2.strategic == new_part1
    assert list(new_part1.local_parts.all()) == [new_part2]
    change = new_part2.changes.first()
    assert change is not None and change.details == {"strategic": [world.part1.title, new_part1.title]}


def test_it_revises_only_a_signed_agreement(world):
    with pytest.raises(ValueError, match=str(services.ONLY_SIGNED_REVISED)):
        services.agreement_start_revision(agreement=world.arjeplog_part2, by=world.alice)
    assert not Agreement.objects.filter(revision_of=world.arjeplog_part2).exists()


def test_it_locks_the_agreement_signed_today_even_before_its_start(client, world):
    starts = clock.today() + datetime.timedelta(days=30)
    part2 = services.agreement_create(
        by=world.alice,
        title="Del 2 Arjeplog nästa period",
        part=Agreement.Part.LOCAL,
        status=Agreement.Status.DRAFT,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=365 * 4),
        strategic=world.part1,
        parties=[world.lpo, world.arjeplog_org],
        municipalities=[world.arjeplog],
    )
    sign(part2, world.alice)
    assert part2.effective_status(clock.today()) == Agreement.Status.SIGNED
    client.force_login(world.alice)
    response = client.post(reverse("agreement_edit", args=[part2.pk]), {"title": "Ändrad"})
    assert response.status_code == 409
    part2.refresh_from_db()
    assert part2.title == "Del 2 Arjeplog nästa period"
