"""An agreement is in force only when every party has signed it and its start date has come; before that it is
"Signed – in force from …", after its end expired. A signature is never dated in the future."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from samverkan.agreements import services
from samverkan.agreements.models import SIGNED_IN_THE_FUTURE, Agreement, AgreementChange, Signatory
from samverkan.core import clock

pytestmark = pytest.mark.usefixtures("in_english")

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def on(time_machine, day: datetime.date) -> None:
    time_machine.move_to(datetime.datetime.combine(day, datetime.time(10), STOCKHOLM), tick=False)


def edit_data(agreement: Agreement, **changes) -> dict:
    data = {
        "title": agreement.title,
        "status": agreement.status,
        "starts_on": agreement.starts_on.isoformat(),
        "ends_on": agreement.ends_on.isoformat(),
        "parties": [p.pk for p in agreement.parties.all()],
        "municipalities": [m.pk for m in agreement.municipalities.all()],
        "focus_areas": [f.pk for f in agreement.focus_areas.all()],
    }
    return {**data, **changes}


def next_period_part1(world, signed_on: datetime.date) -> Agreement:
    """A part 1 from the first of January next year, signed by every party on `signed_on`."""
    starts = datetime.date(clock.today().year + 1, 1, 1)
    parties = [world.lpo, world.arjeplog_org, world.arvidsjaur_org]
    return services.agreement_create(
        by=world.bob,
        title="Samverkansöverenskommelse del 1 nästa period",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.SIGNING,
        starts_on=starts,
        ends_on=starts.replace(year=starts.year + 4) - datetime.timedelta(days=1),
        parties=parties,
        municipalities=[world.arjeplog, world.arvidsjaur],
        signatories=[{"name": p.name, "title": "Chef", "organisation": p, "signed_on": signed_on} for p in parties],
    )


def test_it_refuses_to_set_a_part_2_in_force_without_signatures(client, world):
    part2 = world.arjeplog_part2
    client.force_login(world.alice)
    response = client.post(reverse("agreement_edit", args=[part2.pk]), edit_data(part2, status="gallande"))
    assert response.status_code == 400
    assert str(services.STATUS_NOT_CHOSEN) in response.content.decode()
    part2.refresh_from_db()
    assert (part2.status, part2.signed_on) == (Agreement.Status.DRAFT, None)
    with pytest.raises(ValueError, match=str(services.NOT_SIGNED_BY_ALL)):
        services.agreement_update(
            agreement=part2, by=world.alice, fields={"status": Agreement.Status.IN_FORCE}, sections={}
        )
    part2.refresh_from_db()
    assert part2.status == Agreement.Status.DRAFT


def test_it_refuses_to_create_an_agreement_in_force_without_every_signature(world):
    with pytest.raises(ValueError, match=str(services.NOT_SIGNED_BY_ALL)):
        services.agreement_create(
            by=world.alice,
            title="Del 2 Arjeplog, osignerad",
            part=Agreement.Part.LOCAL,
            status=Agreement.Status.IN_FORCE,
            starts_on=world.part1.starts_on,
            ends_on=world.part1.ends_on,
            strategic=world.part1,
            parties=[world.lpo, world.arjeplog_org],
            municipalities=[world.arjeplog],
            # The police have signed; the municipality has not.
            signatories=[{"name": "P", "title": "Chef", "organisation": world.lpo, "signed_on": clock.today()}],
        )
    assert not Agreement.objects.filter(title="Del 2 Arjeplog, osignerad").exists()


def test_it_refuses_a_signature_dated_in_the_future(client, world):
    part2 = world.arjeplog_part2
    tomorrow = clock.today() + datetime.timedelta(days=1)
    client.force_login(world.alice)
    response = client.post(
        reverse("signatory_add", args=[part2.pk]),
        {
            "signatory-name": "Maria Stenlund",
            "signatory-title": "Kommunstyrelsens ordförande",
            "signatory-organisation": world.arjeplog_org.pk,
            "signatory-signed_on": tomorrow.isoformat(),
        },
    )
    assert response.status_code == 400
    assert str(SIGNED_IN_THE_FUTURE) in response.content.decode()
    assert not part2.signatories.exists()
    with pytest.raises(ValidationError):
        services.signatory_add(
            agreement=part2, by=world.alice, name="M", title="T", organisation=world.arjeplog_org, signed_on=tomorrow
        )
    assert not part2.signatories.exists()


def test_it_refuses_to_record_a_signature_in_the_future(client, world):
    part2 = world.arjeplog_part2
    signatory = services.signatory_add(
        agreement=part2, by=world.alice, name="Maria Stenlund", title="Ordförande", organisation=world.arjeplog_org
    )
    tomorrow = clock.today() + datetime.timedelta(days=1)
    client.force_login(world.alice)
    url = reverse("signatory_sign", args=[part2.pk, signatory.pk])
    response = client.post(url, {f"sign-{signatory.pk}-signed_on": tomorrow.isoformat()})
    assert response.status_code == 400
    assert str(SIGNED_IN_THE_FUTURE) in response.content.decode()
    signatory.refresh_from_db()
    assert signatory.signed_on is None
    with pytest.raises(ValidationError):
        services.signatory_sign(signatory=signatory, signed_on=tomorrow, by=world.alice)
    signatory.refresh_from_db()
    assert signatory.signed_on is None


def test_it_puts_a_part_2_in_force_with_the_last_signature(client, world):
    part2 = world.arjeplog_part2
    today = clock.today()
    earlier = today - datetime.timedelta(days=3)
    client.force_login(world.alice)
    police = services.signatory_add(
        agreement=part2, by=world.bob, name="Helena Strand", title="LPO-chef", organisation=world.lpo, signed_on=earlier
    )
    part2.refresh_from_db()
    assert part2.effective_status(today) == Agreement.Status.DRAFT  # the municipality has no signatory yet
    municipality = services.signatory_add(
        agreement=part2, by=world.alice, name="Maria Stenlund", title="Ordförande", organisation=world.arjeplog_org
    )
    part2.refresh_from_db()
    assert not part2.is_locked
    response = client.post(
        reverse("signatory_sign", args=[part2.pk, municipality.pk]),
        {f"sign-{municipality.pk}-signed_on": today.isoformat()},
    )
    assert response.status_code == 302
    part2.refresh_from_db()
    assert (part2.status, part2.signed_on, part2.is_locked) == (Agreement.Status.IN_FORCE, today, True)
    assert part2.effective_status(today) == Agreement.Status.IN_FORCE  # started three years ago
    assert part2.changes.first().action == AgreementChange.Action.SIGNED
    assert police.pk != municipality.pk


def test_it_is_signed_before_its_start_and_in_force_from_it(client, world, time_machine):
    today = clock.today()
    part1 = next_period_part1(world, signed_on=today)
    starts = part1.starts_on
    assert part1.is_locked
    assert part1.effective_status(starts - datetime.timedelta(days=1)) == Agreement.Status.SIGNED
    assert part1.status_label(starts - datetime.timedelta(days=17)) == f"Signed – in force from {starts.isoformat()}"
    assert part1.effective_status(starts) == Agreement.Status.IN_FORCE
    assert part1.effective_status(part1.ends_on) == Agreement.Status.IN_FORCE
    assert part1.effective_status(part1.ends_on + datetime.timedelta(days=1)) == Agreement.Status.EXPIRED
    assert not part1.is_in_force(starts - datetime.timedelta(days=1))
    assert part1.is_in_force(starts)

    on(time_machine, starts - datetime.timedelta(days=17))
    client.force_login(world.alice)  # a session idle for days has ended
    for url in (reverse("agreement", args=[part1.pk]), reverse("agreements")):
        body = client.get(url).content.decode()
        assert f"Signed – in force from {starts.isoformat()}" in body
    on(time_machine, starts)
    client.force_login(world.alice)
    for url in (reverse("agreement", args=[part1.pk]), reverse("agreements")):
        body = client.get(url).content.decode()
        assert "Signed – in force from" not in body
        assert '<span class="status status-gallande">In force</span>' in body


def test_it_shows_an_ended_agreement_as_expired(client, world, time_machine):
    part1 = world.part1
    on(time_machine, part1.ends_on + datetime.timedelta(days=1))
    client.force_login(world.alice)
    body = client.get(reverse("agreement", args=[part1.pk])).content.decode()
    assert '<span class="status status-utgangen">Expired</span>' in body
    assert not part1.is_in_force(clock.today())


def test_it_needs_a_signatory_of_every_party(world):
    part2 = world.arjeplog_part2
    services.signatory_add(
        agreement=part2, by=world.bob, name="H", title="LPO-chef", organisation=world.lpo, signed_on=clock.today()
    )
    part2.refresh_from_db()
    assert not services.is_fully_signed(part2)
    assert (part2.status, part2.is_locked) == (Agreement.Status.DRAFT, False)


def test_it_keeps_status_and_signature_consistent_in_the_database(world):
    part2 = world.arjeplog_part2
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=part2.pk).update(status=Agreement.Status.IN_FORCE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.filter(pk=world.part1.pk).update(signed_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(
            agreement=part2, name="M", title="T", organisation=world.arjeplog_org, signed_on=datetime.date(1999, 12, 31)
        )


def test_it_puts_the_agreement_in_force_when_the_party_without_a_signature_leaves_it(world):
    part2 = world.arjeplog_part2
    services.signatory_add(
        agreement=part2, by=world.bob, name="H", title="LPO-chef", organisation=world.lpo, signed_on=clock.today()
    )
    services.agreement_update(agreement=part2, by=world.alice, fields={"parties": [world.lpo]}, sections={})
    part2.refresh_from_db()
    assert (part2.status, part2.signed_on) == (Agreement.Status.IN_FORCE, clock.today())
