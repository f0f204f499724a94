"""The cast with email addresses, and the things that come due: activities, suggestions, imports."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from samverkan.followup.notifications.models import Kind
from samverkan.followup.notifications.services import preferences_save
from samverkan.organisations.models import Municipality, User
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.promises.models import Promise, PromiseSet, Suggestion
from samverkan.sources.models import ImportRun


@pytest.fixture
def cast(world):
    for user in (world.alice, world.bob, world.charlie, world.dave, world.lena):
        user.email = f"{user.username}@example.se"
        user.save(update_fields=["email"])
    return world


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def activity(municipality: Municipality, *, title: str, ends_in: int, status: str = Activity.Status.ONGOING):
    plan = ActionPlan.objects.filter(municipality=municipality).first() or ActionPlan.objects.create(
        municipality=municipality,
        title=f"Handlingsplan {municipality.name}",
        starts_on=days(-400),
        ends_on=days(400),
    )
    return Activity.objects.create(
        plan=plan,
        title=title,
        responsible=Activity.Responsible.BOTH,
        starts_on=days(-300),
        ends_on=days(ends_in),
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
        status=status,
    )


def suggestion(municipality: Municipality, text: str) -> Suggestion:
    promise_set = PromiseSet.objects.filter(municipality=municipality).first() or PromiseSet.objects.create(
        municipality=municipality, title="Medborgarlöfte", starts_on=days(-100), ends_on=days(600)
    )
    promise = Promise.objects.create(promise_set=promise_set, text="Fler trafikinsatser.")
    return Suggestion.objects.create(promise=promise, text=text)


def import_run(source: str, *, days_ago: int) -> ImportRun:
    run = ImportRun.objects.create(source=source, name=f"{source}.csv")
    ImportRun.objects.filter(pk=run.pk).update(at=timezone.now() - datetime.timedelta(days=days_ago))
    return run


# The renewal's reminders (test_renewal_reminders): the other tests leave them out, as the world's part 1 ends soon.
RENEWAL_KINDS = [Kind.EVALUATION_DUE, Kind.ANNUAL_REPORT_DUE, Kind.SIGNATURE_MISSING, Kind.AGREEMENT_WITHOUT_SUCCESSOR]


def choose(user: User, frequency: str, *kinds: str) -> None:
    preferences_save(user=user, frequencies={kind: frequency for kind in kinds or Kind.values})


def notify(*args: str) -> str:
    """Run the command; its last line."""
    out = StringIO()
    call_command("notify", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


def received(mailoutbox, user: User) -> list:
    return [message for message in mailoutbox if message.to == [user.email]]
