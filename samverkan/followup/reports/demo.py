"""Demo texts of the annual report 2025: the summary and the proposals for next year that the
coordinators write before generating the report. The figures come from the other demo data. Then the
evaluation of the agreement period, in draft in its last month; the next agreement is left for the parties to
start (the renewal's browser test starts it)."""

from __future__ import annotations

import random

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.reports import evaluation as evaluations
from samverkan.followup.reports import services
from samverkan.followup.reports.models import EvaluationItem, MeetingRhythm
from samverkan.followup.reports.selectors import Place
from samverkan.organisations.models import CollaborationGroup, Municipality, Organisation, User
from samverkan.situation.selectors import joint_municipalities
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


# The evaluation of the agreement period, in draft in its last month: Arjeplog's coordinator has written the
# assessment of a focus area and of a commitment, and the conclusions and recommendations so far.
EVALUATION_ASSESSMENTS = {
    "BRÅ": (
        EvaluationItem.Status.PARTLY,
        "E-tjänsten för otrygga platser och grannsamverkan i Slagnäs och Laisvall har kommit igång, men "
        "buskörningen med snöskoter och moped i byarna rankas fortfarande högst i lägesbilden.",
    ),
}
EVALUATION_CONCLUSIONS = (
    "Samverkan i Folkhälsorådet och HOP-rådet har fungerat under hela perioden 2023–2026. E-tjänsten för otrygga "
    "platser och grannsamverkan i byarna har gett nya underlag; flera aktiviteter har legat efter plan på grund av "
    "personalbrist."
)
EVALUATION_RECOMMENDATIONS = (
    "Behåll det brottsförebyggande arbetet mot buskörningen i byarna som fokusområde.\n"
    "Följ upp grannsamverkan i centrum med en ny trygghetsmätning."
)


def _evaluation_drafts() -> None:
    """The evaluations in draft: Arjeplog's, partly written by its coordinator, and the joint one of the police
    area, as the data suggest it."""
    part1 = Agreement.objects.filter(part=Agreement.Part.STRATEGIC).order_by("ends_on").last()
    if part1 is None:
        return
    today, calendar = clock.today(), demo_calendar()
    arjeplog = Municipality.objects.get(code="2506")
    coordinator = User.objects.get(username="arjeplog.samordnare")
    draft = evaluations.evaluation_start(
        agreement=part1, place=Place(arjeplog, None, [arjeplog], True), by=coordinator, today=today
    )
    written = {
        item.pk: EVALUATION_ASSESSMENTS[item.focus_area.short_name]
        for item in draft.items.filter(kind=EvaluationItem.Kind.FOCUS_AREA).select_related("focus_area")
        if item.focus_area and item.focus_area.short_name in EVALUATION_ASSESSMENTS
    }
    commitment = draft.items.filter(kind=EvaluationItem.Kind.COMMITMENT).order_by("order").first()
    if commitment is not None:
        written[commitment.pk] = (
            EvaluationItem.Status.DONE,
            "Polisen och kommunen har tagit fram en gemensam lägesbild varje år av perioden.",
        )
    evaluations.evaluation_save(
        evaluation=draft,
        items={pk: (status, calendar.text(text)) for pk, (status, text) in written.items()},
        conclusions=calendar.text(EVALUATION_CONCLUSIONS),
        recommendations=calendar.text(EVALUATION_RECOMMENDATIONS),
        by=coordinator,
    )
    area = part1.parties.filter(kind=Organisation.Kind.POLICE_AREA).first()
    if area is not None:
        evaluations.evaluation_start(
            agreement=part1,
            place=Place(None, area, joint_municipalities(area), True),
            by=User.objects.get(username="polis.kontaktperson"),
            today=today,
        )


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
    _evaluation_drafts()
