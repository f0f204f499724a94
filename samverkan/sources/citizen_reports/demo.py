"""A few citizens' reports for the demo: new ones to review, one accepted and in hand with an answer, one
rejected with an answer. Filed and reviewed through the services, dated the days before today."""

from __future__ import annotations

import datetime
import random

from samverkan.core import clock
from samverkan.organisations.models import Membership, Municipality, Role
from samverkan.sources.citizen_reports import services
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.models import ImportRun

# (municipality, days ago, category, lat, lng, text, what the coordinator did: "", "accept" or "reject", answer)
REPORTS = [
    (
        "2506",
        1,
        "belysning",
        66.0507,
        17.8895,
        "Gångvägen mellan busstationen och skolan är helt mörk på kvällarna. Två lyktstolpar är trasiga.",
        "",
        "",
    ),
    (
        "2506",
        3,
        "vegetation",
        66.0480,
        17.8868,
        "Buskarna vid hamnen har växt igen så att man inte ser vem som står bakom dem.",
        "",
        "",
    ),
    (
        "2506",
        9,
        "narkotika",
        66.0558,
        17.8945,
        "Hittade sprutor och folie bakom omklädningsrummen vid idrottsplatsen.",
        "accept",
        "Tack för tipset! Platsen är städad och vi har bett polisen och fritidsgården hålla extra koll på kvällarna.",
    ),
    (
        "2506",
        16,
        "annat",
        66.0519,
        17.8880,
        "Det är för lite parkeringsplatser vid torget.",
        "reject",
        "Tack! Parkering hör inte till trygghetsarbetet; vi har skickat frågan vidare till gatuenheten.",
    ),
    (
        "2505",
        2,
        "skadegorelse",
        65.5921,
        19.1795,
        "Busskuren vid torget är sönderslagen igen och glaset ligger kvar på marken.",
        "",
        "",
    ),
    (
        "2505",
        6,
        "trafik",
        65.5950,
        19.1725,
        "Mopeder kör fort på gång- och cykelvägen vid gymnasiet när skolan slutar.",
        "",
        "",
    ),
]


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    """Its own dates from today; the shared rng is left alone, so the other sources' demo stays as it was."""
    now = clock.now()
    for code, days_ago, category, lat, lng, text, decision, answer in REPORTS:
        municipality = Municipality.objects.get(code=code)
        report = services.citizen_report_submit(
            municipality=municipality,
            submission=services.Submission(category=category, lat=lat, lng=lng, text=text),
        )
        received = now - datetime.timedelta(days=days_ago, hours=days_ago % 5)
        CitizenReport.objects.filter(pk=report.pk).update(received_at=received)
        report.refresh_from_db()
        if not decision:
            continue
        coordinator = (
            Membership.objects.filter(
                role=Role.COORDINATOR, organisation__kind="municipality", organisation__municipalities=municipality
            )
            .select_related("user")
            .first()
        )
        if coordinator is None:
            continue
        report = services.citizen_report_review(
            report=report, accept=decision == "accept", incident_category="Otrygg plats", by=coordinator.user
        )
        status = CitizenReport.Status.IN_HAND if decision == "accept" else report.status
        services.citizen_report_handle(report=report, status=status, answer=answer, by=coordinator.user)
