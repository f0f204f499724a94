"""The demo: held meetings with minutes for both groups, Arjeplog's next meeting and an overdue activity."""

from __future__ import annotations

import datetime

from django.utils import timezone

from samverkan.followup.meetings.models import Meeting
from samverkan.planning.actions.models import Activity


def test_it_fills_meetings_and_an_overdue_activity(demo):
    now, today = timezone.now(), timezone.localdate()
    for name in ("Folkhälsorådet", "Hälsa- och trygghetsrådet"):
        held = Meeting.objects.filter(group__name=name, starts_at__lt=now)
        assert held.count() >= 2 and all(meeting.minutes for meeting in held)
    upcoming = Meeting.objects.get(group__name="Folkhälsorådet", starts_at__gte=now)
    assert today < timezone.localtime(upcoming.starts_at).date() <= today + datetime.timedelta(days=14)
    assert Activity.objects.filter(
        plan__municipality__code="2506", plan__status="antagen", status="pagar", ends_on__lt=today
    ).exists()
