"""The demo world's citizens' reports: new ones to review in Arjeplog and Arvidsjaur, one accepted into the incident
log and in hand with an answer, one rejected and closed with an answer; all received in the week before today."""

from __future__ import annotations

import datetime

from django.urls import reverse

from samverkan.core import clock
from samverkan.sources.citizen_reports.models import CitizenReport


def test_the_demo_has_reports_in_every_state_the_coordinator_meets(demo, client):
    reports = CitizenReport.objects.select_related("municipality", "incident")
    by_state = sorted((r.municipality.code, r.status, r.decision, bool(r.answer)) for r in reports)
    assert by_state == [
        ("2505", "mottagen", "", False),
        ("2505", "mottagen", "", False),
        ("2506", "avslutad", "avvisad", True),
        ("2506", "hanteras", "godkand", True),
        ("2506", "mottagen", "", False),
        ("2506", "mottagen", "", False),
    ]
    accepted = reports.get(decision="godkand")
    assert accepted.incident is not None and accepted.incident.description == accepted.text
    assert all(clock.now() - r.received_at < datetime.timedelta(days=17) for r in reports)
    receipt = client.get(reverse("citizen_report_receipt", args=[accepted.token]))
    assert accepted.answer in receipt.content.decode()
