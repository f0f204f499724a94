"""Removing a commitment, a communication-plan item or a signatory asks first: the agreement's page links to a
confirmation page (GET, nothing removed), whose button removes the row (POST) and records it in the history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samverkan.agreements import services
from samverkan.agreements.models import Agreement, AgreementChange

pytestmark = pytest.mark.usefixtures("in_english")


def commitment(agreement: Agreement, user):
    row = services.commitment_add(agreement=agreement, by=user, responsible="kommun", text="Utse en samordnare")
    return row, "commitment_delete", agreement.commitments, AgreementChange.Action.COMMITMENT_REMOVED, row.text


def communication_item(agreement: Agreement, user):
    row = services.communication_item_add(
        agreement=agreement,
        by=user,
        message="Överenskommelsen publiceras",
        audience="Invånare",
        channel="Webb",
        when="Vid start",
        responsible="Kommunikatör",
    )
    action = AgreementChange.Action.COMMUNICATION_REMOVED
    return row, "communication_item_delete", agreement.communication_plan, action, row.message


def signatory(agreement: Agreement, user):
    organisation = agreement.parties.order_by("pk").last()
    row = services.signatory_add(
        agreement=agreement, by=user, name="Maria Stenlund", title="Ordförande", organisation=organisation
    )
    return row, "signatory_delete", agreement.signatories, AgreementChange.Action.SIGNATORY_REMOVED, row.name


ROWS = pytest.mark.parametrize("make", [commitment, communication_item, signatory])


@ROWS
def test_it_asks_before_removing_a_row(client, world, make):
    part2 = world.arjeplog_part2
    row, name, rows, _action, text = make(part2, world.alice)
    url = reverse(name, args=[part2.pk, row.pk])
    client.force_login(world.alice)
    page = client.get(reverse("agreement", args=[part2.pk])).content.decode()
    assert f'<a href="{url}">' in page  # a link to the question, not a button that removes at once
    assert f'action="{url}"' not in page
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert text in body
    assert '<form method="post" class="stacked">' in body
    assert rows.filter(pk=row.pk).exists()


@ROWS
def test_it_removes_the_row_when_confirmed(client, world, make):
    part2 = world.arjeplog_part2
    row, name, rows, action, text = make(part2, world.alice)
    client.force_login(world.alice)
    response = client.post(reverse(name, args=[part2.pk, row.pk]))
    assert response.status_code == 302
    assert not rows.filter(pk=row.pk).exists()
    change = part2.changes.first()
    assert (change.action, change.by) == (action, world.alice)
    assert text in change.subject


@ROWS
def test_it_answers_404_to_whoever_may_not_change_it(client, world, make):
    part2 = world.arjeplog_part2
    row, name, rows, _action, _text = make(part2, world.alice)
    url = reverse(name, args=[part2.pk, row.pk])
    for user in (world.lena, world.charlie):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert rows.filter(pk=row.pk).exists()
