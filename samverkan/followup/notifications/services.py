"""Writing preferences and sending notifications; the SentNotification rows make sending idempotent."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from samverkan.followup.notifications.due import Notice, goes_out, group_by_kind, select
from samverkan.followup.notifications.models import Kind, Preference, SentNotification
from samverkan.followup.notifications.selectors import frequencies_for, notices_for, sent_keys
from samverkan.organisations.models import User

SENDER = "samverkan@example.se"


@dataclass
class Outcome:
    emails: int = 0
    notifications: int = 0
    already_sent: int = 0


def preferences_save(*, user: User, frequencies: Mapping[str, str]) -> None:
    for kind, frequency in frequencies.items():
        Preference.objects.update_or_create(user=user, kind=kind, defaults={"frequency": frequency})


def _record(user: User, notices: list[Notice]) -> bool:
    """Mark the notices sent; False when another run got there first."""
    try:
        with transaction.atomic():
            for notice in notices:
                SentNotification.objects.create(user=user, kind=notice.kind, key=notice.key)
    except IntegrityError:
        return False
    return True


def _send(user: User, notices: list[Notice], *, subject: str, template: str, base_url: str) -> bool:
    """Record and send as one step: if the mail fails, the record is rolled back and the next run retries."""
    with transaction.atomic():
        if not _record(user, notices):
            return False
        context = {
            "user": user,
            "groups": [(Kind(kind).label, members) for kind, members in group_by_kind(notices, Kind.values)],
            "base_url": base_url,
        }
        send_mail(subject, render_to_string(template, context), SENDER, [user.email])
    return True


def _send_to(user: User, *, today: datetime.date, digest: bool, base_url: str, outcome: Outcome) -> None:
    frequencies = frequencies_for(user)
    kinds = [kind for kind, frequency in frequencies.items() if goes_out(frequency, digest=digest)]
    notices = notices_for(user=user, today=today, kinds=kinds)
    selection = select(notices, frequencies=frequencies, sent=sent_keys(user), digest=digest)
    outcome.already_sent += selection.already_sent
    for notice in selection.immediate:
        subject = f"Samverkan: {Kind(notice.kind).label}: {notice.title}"
        if _send(user, [notice], subject=subject, template="notifications/email.txt", base_url=base_url):
            outcome.emails += 1
            outcome.notifications += 1
        else:
            outcome.already_sent += 1
    if selection.digest:
        subject = _("Samverkan: weekly summary, %(count)s notifications") % {"count": len(selection.digest)}
        if _send(user, selection.digest, subject=subject, template="notifications/email.txt", base_url=base_url):
            outcome.emails += 1
            outcome.notifications += len(selection.digest)
        else:
            outcome.already_sent += len(selection.digest)


def notifications_send(*, today: datetime.date, digest: bool, base_url: str) -> Outcome:
    """Tell every active user with an email address what is due, each thing once.

    The emails are in the product's first language, Swedish: users have no language of their own.
    """
    outcome = Outcome()
    with translation.override(settings.LANGUAGE_CODE):
        for user in User.objects.filter(is_active=True).exclude(email="").order_by("id"):
            _send_to(user, today=today, digest=digest, base_url=base_url, outcome=outcome)
    return outcome
