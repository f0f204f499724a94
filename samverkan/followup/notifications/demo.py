"""Demo choices: Arjeplog's coordinator wants overdue activities, new suggestions, meeting invitations, the
evaluation due and missing signatures at once and the rest weekly; Arvidsjaur's takes everything in the weekly
digest but the data sources."""

from __future__ import annotations

import random

from samverkan.followup.notifications.models import Frequency, Kind
from samverkan.followup.notifications.services import preferences_save
from samverkan.organisations.models import User
from samverkan.sources.models import ImportRun

CHOICES: dict[str, dict[str, str]] = {
    "arjeplog.samordnare": {
        Kind.ACTIVITY_DUE: Frequency.WEEKLY,
        Kind.ACTIVITY_OVERDUE: Frequency.IMMEDIATELY,
        Kind.AGREEMENT_ENDING: Frequency.WEEKLY,
        Kind.STALE_SOURCE: Frequency.WEEKLY,
        Kind.GOAL_OFF_TRACK: Frequency.WEEKLY,
        Kind.NEW_SUGGESTION: Frequency.IMMEDIATELY,
        Kind.MEETING_INVITATION: Frequency.IMMEDIATELY,
        Kind.MEETING_MINUTES: Frequency.WEEKLY,
        Kind.EVALUATION_DUE: Frequency.IMMEDIATELY,
        Kind.ANNUAL_REPORT_DUE: Frequency.WEEKLY,
        Kind.SIGNATURE_MISSING: Frequency.IMMEDIATELY,
        Kind.AGREEMENT_WITHOUT_SUCCESSOR: Frequency.WEEKLY,
        Kind.COMMUNICATION_DUE: Frequency.WEEKLY,
    },
    "arvidsjaur.samordnare": {
        Kind.ACTIVITY_DUE: Frequency.WEEKLY,
        Kind.ACTIVITY_OVERDUE: Frequency.WEEKLY,
        Kind.AGREEMENT_ENDING: Frequency.WEEKLY,
        Kind.STALE_SOURCE: Frequency.NEVER,
        Kind.GOAL_OFF_TRACK: Frequency.WEEKLY,
        Kind.NEW_SUGGESTION: Frequency.WEEKLY,
        Kind.MEETING_INVITATION: Frequency.WEEKLY,
        Kind.MEETING_MINUTES: Frequency.WEEKLY,
        Kind.EVALUATION_DUE: Frequency.WEEKLY,
        Kind.ANNUAL_REPORT_DUE: Frequency.WEEKLY,
        Kind.SIGNATURE_MISSING: Frequency.WEEKLY,
        Kind.AGREEMENT_WITHOUT_SUCCESSOR: Frequency.WEEKLY,
        Kind.COMMUNICATION_DUE: Frequency.WEEKLY,
    },
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    for username, frequencies in CHOICES.items():
        preferences_save(user=User.objects.get(username=username), frequencies=frequencies)
