"""Demo texts of the annual report 2025: the summary and the proposals for next year that the
coordinators write before generating the report. The figures come from the other demo data."""

from __future__ import annotations

import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.reports import services
from samverkan.followup.reports.models import MeetingRhythm
from samverkan.followup.reports.selectors import Place
from samverkan.organisations.models import CollaborationGroup, Municipality, User
from samverkan.sources.models import ImportRun

YEAR = 2025
TEXTS = {
    "2506": (
        "arjeplog.samordnare",
        {
            "summary": (
                "Under 2025 har samverkan mellan polisen och Arjeplogs kommun fortsatt i Folkhälsorådet och "
                "HOP-rådet. Biltestsäsongen januari–mars gav som väntat fler trafikärenden, och buskörningen med "
                "snöskoter och moped i byarna är fortfarande det problem som rankas högst i lägesbilden.\n\n"
                "E-tjänsten för att rapportera otrygga platser lanserades i maj och har gett nya underlag. "
                "Grannsamverkan har startat i Slagnäs och Laisvall. Flera aktiviteter ligger efter plan, "
                "främst på grund av personalbrist under hösten."
            ),
            "proposals": (
                "1. Förstärk trafikinsatserna under biltestsäsongen, med gemensam planering före december.\n"
                "2. Slutför grannsamverkan i centrum och följ upp anslutningen (minst 70 % av hushållen).\n"
                "3. Genomför den andra drogutbildningen för föräldrar, elever och personal under våren.\n"
                "4. Ta fram en ny trygghetsmätning 2026 som underlag för utvärderingen av avtalsperioden."
            ),
        },
    ),
    "2505": (
        "arvidsjaur.samordnare",
        {
            "summary": (
                "Hälsa- och trygghetsrådet har följt upp handlingsplanen vid varje möte under 2025. "
                "Arbetet med ansvarsfull alkoholservering och tillsyn vid evenemang har genomförts enligt plan."
            ),
            "proposals": "Fortsätt tillsynen vid sommarens evenemang och utvärdera trygghetsvandringarna.",
        },
    ),
}


RHYTHMS = {
    "Folkhälsorådet": 6,
    "HOP-rådet": 4,
    "Hälsa- och trygghetsrådet": 4,
    "Partssammansatt samverkansgrupp Piteå älvdal": 1,
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    for code, (username, sections) in TEXTS.items():
        municipality = Municipality.objects.get(code=code)
        place = Place(municipality, None, [municipality], True)
        by = User.objects.get(username=username)
        calendar = demo_calendar()  # the story's year and texts, moved to the present
        for section, text in sections.items():
            services.narrative_save(
                place=place, year=calendar.year(YEAR), section=section, text=calendar.text(text), by=by
            )
    # The rhythms the groups agreed: the local groups meet often, the joint group at least once a year.
    for name, per_year in RHYTHMS.items():
        group = CollaborationGroup.objects.filter(name=name).first()
        if group is not None:
            MeetingRhythm.objects.create(group=group, per_year=per_year)
