"""Promise sets follow the agreements' rule: in force only when signed by every signatory, published and the start
date has come; before that "Signed – in force from …". No signature is dated after today (issue 11, item 3)."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from samverkan.core import clock
from samverkan.planning.promises import services
from samverkan.planning.promises.models import PromiseSet

SIGNATORIES = [("Helena Strand", "Lokalpolisområdeschef"), ("Maria Stenlund", "Kommunalråd")]


def set_of_year(world, year: int, *, signed_on: datetime.date, publish: bool = True) -> PromiseSet:
    """Arjeplog's promises for `year`, signed by both on `signed_on` (and published)."""
    promise_set = services.promise_set_create(
        municipality=world.arjeplog,
        title=f"Medborgarlöfte {year}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        by=world.alice,
    )
    services.promise_add(promise_set=promise_set, text=f"Polisen möter allmänheten {year}.", by=world.alice)
    for name, title in SIGNATORIES:
        services.promise_signatory_add(
            promise_set=promise_set, name=name, title=title, signed_on=signed_on, by=world.alice
        )
    services.promise_set_sign(promise_set=promise_set, by=world.alice)
    if publish:
        services.promise_set_publish(promise_set=promise_set, by=world.alice)
    return promise_set


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def test_it_shows_next_years_signed_set_as_signed_from_its_start_until_the_start_comes(world):
    today = clock.today()
    next_year = set_of_year(world, today.year + 1, signed_on=today)
    start = datetime.date(today.year + 1, 1, 1)
    assert next_year.effective_status(today) == PromiseSet.Standing.UPCOMING
    assert next_year.effective_status(start - datetime.timedelta(days=1)) == PromiseSet.Standing.UPCOMING
    assert next_year.effective_status(start) == PromiseSet.Standing.IN_FORCE
    assert next_year.effective_status(datetime.date(today.year + 1, 12, 31)) == PromiseSet.Standing.IN_FORCE
    assert next_year.effective_status(datetime.date(today.year + 2, 1, 1)) == PromiseSet.Standing.ENDED
    with translation.override("en"):
        assert next_year.status_text(today) == f"Signed – in force from {long_date(start)}"
        assert next_year.status_text(start) == "In force"


@time_machine.travel(datetime.datetime(2027, 6, 15, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm")), tick=False)
def test_it_is_in_force_only_from_the_last_signature_when_signed_after_the_start(world):
    signed = datetime.date(2027, 6, 15)  # today, five and a half months after the set's start
    this_year = set_of_year(world, 2027, signed_on=signed)
    assert this_year.signed_on == signed
    assert this_year.in_force_from == signed
    assert this_year.effective_status(signed) == PromiseSet.Standing.IN_FORCE
    assert this_year.effective_status(datetime.date(2027, 6, 14)) == PromiseSet.Standing.UPCOMING


def test_it_is_never_in_force_unsigned_or_unpublished(world):
    today = clock.today()
    signed_only = set_of_year(world, today.year, signed_on=today, publish=False)
    assert signed_only.effective_status(today) == PromiseSet.Standing.SIGNED
    draft = services.promise_set_create(
        municipality=world.arvidsjaur,
        title="Utkast",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        by=world.charlie,
    )
    assert draft.effective_status(today) == PromiseSet.Standing.DRAFT


def test_it_refuses_a_signature_dated_after_today(client, world):
    today = clock.today()
    promise_set = services.promise_set_create(
        municipality=world.arjeplog,
        title="Medborgarlöfte",
        starts_on=datetime.date(today.year + 1, 1, 1),
        ends_on=datetime.date(today.year + 1, 12, 31),
        by=world.alice,
    )
    tomorrow = today + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        services.promise_signatory_add(
            promise_set=promise_set, name="Helena Strand", title="LPO-chef", signed_on=tomorrow, by=world.alice
        )
    assert error.value.message_dict == {"signed_on": [str(services.SIGNED_IN_FUTURE)]}
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("promise_signatory_add", args=[promise_set.pk]),
        {"signatory-name": "Helena Strand", "signatory-title": "LPO-chef", "signatory-signed_on": tomorrow},
    )
    assert response.status_code == 400
    with translation.override("en"):
        assert str(services.SIGNED_IN_FUTURE) in response.content.decode()
    assert not promise_set.signatories.exists()


def test_it_keeps_a_signed_set_signed_in_the_database(world):
    today = clock.today()
    promise_set = set_of_year(world, today.year + 1, signed_on=today)
    with pytest.raises(IntegrityError), transaction.atomic():
        PromiseSet.objects.filter(pk=promise_set.pk).update(signed_on=None)
    draft = services.promise_set_create(
        municipality=world.arvidsjaur,
        title="Utkast",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        by=world.charlie,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        PromiseSet.objects.filter(pk=draft.pk).update(status=PromiseSet.Status.SIGNED)


def sections(body: str) -> dict[str, str]:
    """The public page's sections by heading id: the text from each heading to the next."""
    ids = [i for i in ("current-heading", "upcoming-heading", "earlier-heading") if f'id="{i}"' in body]
    starts = [body.index(f'id="{i}"') for i in ids]
    return {i: body[start:end] for i, start, end in zip(ids, starts, [*starts[1:], len(body)], strict=True)}


def test_it_shows_the_current_set_in_force_and_next_years_signed_set_as_coming_on_the_public_page(client, world):
    today = clock.today()
    current = set_of_year(world, today.year, signed_on=datetime.date(today.year, 1, 1))
    coming = set_of_year(world, today.year + 1, signed_on=today)
    client.cookies["django_language"] = "en"
    body = client.get(reverse("promises_public", args=["2506"])).content.decode()
    shown = sections(body)
    assert f'id="set-{current.pk}"' in shown["current-heading"]
    assert f'id="set-{coming.pk}"' not in shown["current-heading"]
    assert f'id="set-{coming.pk}"' in shown["upcoming-heading"]
    assert f"Signed – in force from {long_date(datetime.date(today.year + 1, 1, 1))}" in shown["upcoming-heading"]
    assert "In force" in shown["current-heading"]


def test_it_shows_the_effective_status_on_the_staff_pages(client, world):
    today = clock.today()
    coming = set_of_year(world, today.year + 1, signed_on=today)
    client.force_login(world.alice)
    client.cookies["django_language"] = "en"
    expected = f"Signed – in force from {long_date(datetime.date(today.year + 1, 1, 1))}"
    for url in (reverse("promise_sets"), coming.get_absolute_url()):
        body = client.get(url).content.decode()
        assert expected in body
        assert ">In force<" not in body
