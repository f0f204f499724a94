"""Demo action plans 2025–2026 for Arjeplog and Arvidsjaur, adopted in January 2025 and followed up since
(moved to the present by the demo's calendar, samverkan/core/demo_calendar.py).

The activities are modelled on the real medborgarlöften of the two municipalities (DOMAIN.md §2)
and answer the demo's ranked problems; each is linked to the demo goals of its focus area whose
title holds its keyword (none, when the goals demo has no such goal).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from samverkan.core.demo_calendar import DemoCalendar, demo_calendar
from samverkan.organisations.models import Municipality, Organisation, User
from samverkan.planning.actions import services
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.goals.models import Goal
from samverkan.sources.models import ImportRun

ARVIDSJAUR, ARJEPLOG = "2505", "2506"
STARTS, ENDS = datetime.date(2025, 1, 1), datetime.date(2026, 12, 31)
DRAFTED, ADOPTED = datetime.datetime(2024, 12, 10, 14), datetime.datetime(2025, 1, 15, 15)
COORDINATORS = {ARJEPLOG: "arjeplog.samordnare", ARVIDSJAUR: "arvidsjaur.samordnare"}
POLICE = "polis.kontaktperson"
BUSKORNING = "Buskörning (moped, A-traktor, snöskoter)"
R, K, H, S = Activity.Responsible, Activity.Kind, Activity.Horizon, Activity.Status


@dataclass(frozen=True)
class Planned:
    title: str
    description: str
    responsible: Activity.Responsible
    role: str
    kind: Activity.Kind
    horizon: Activity.Horizon
    focus_area: str
    goal_word: str  # links the goals of the focus area whose title holds it
    problems: list[str]
    target_count: int | None = None
    target_text: str = ""
    cost: int | None = None
    partner: str = ""  # a partner organisation doing it with the parties
    # Per municipality: the occurrences so far as (date, what, where), and a status set by hand (status, comment,
    # the day it was set).
    done: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    status: dict[str, tuple[Activity.Status, str, str]] = field(default_factory=dict)


def _times(dates: list[str], what: str, where: str) -> list[tuple[str, str, str]]:
    return [(date, what, where) for date in dates]


ACTIVITIES = [
    Planned(
        "Polisen möter allmänheten på allmän plats",
        "Kommunpolisen finns på plats där människor samlas och tar emot synpunkter på tryggheten.",
        R.POLICE,
        "kommunpolis",
        K.SITUATIONAL,
        H.SHORT,
        "Hälsa",
        "trygg",
        ["Ordningsstörningar", "Otrygga platser"],
        target_count=10,
        done={
            ARJEPLOG: [
                ("2025-02-14", "Polisen på vintermarknaden", "Torget"),
                ("2025-04-18", "Påskfirande och skoterpremiär", "Hornavan, isbanan"),
                ("2025-06-06", "Nationaldagsfirande", "Kyrkparken"),
                ("2025-07-17", "Arjeplogs marknad", "Storgatan"),
                ("2025-09-12", "Skolstart, möte med föräldrar", "Centralskolan"),
                ("2026-02-20", "Biltestsäsongen, kväll i centrum", "Torget"),
            ],
            ARVIDSJAUR: [
                ("2025-03-07", "Polisen på vintermarknaden", "Storgatan"),
                ("2025-06-06", "Nationaldagsfirande", "Lappstaden"),
                ("2025-08-22", "Storstämningen", "Lappstaden"),
                ("2026-01-30", "Biltestsäsongen, kväll i centrum", "Resecentrum"),
            ],
        },
    ),
    Planned(
        "Drogutbildning för föräldrar, elever och personal",
        "Föreläsning och samtal om alkohol, narkotika och spel, med elevhälsan och Region Norrbotten.",
        R.BOTH,
        "kommunpolis och drogförebyggare",
        K.SOCIAL,
        H.LONG,
        "ANDT-S",
        "alkohol",
        ["Narkotika"],
        target_count=2,
        target_text="en gång per år",
        cost=8000,
        partner="Region Norrbotten, hälsocentralerna",
        done={
            ARJEPLOG: [("2025-10-14", "Föräldramöte om droger, årskurs 7–9", "Centralskolan")],
            ARVIDSJAUR: [
                ("2025-03-25", "Drogutbildning för personal", "Sandbackaskolan"),
                ("2025-11-04", "Föräldramöte om droger, årskurs 8", "Sandbackaskolan"),
            ],
        },
    ),
    Planned(
        "Trafikinsatser mot buskörning och fortkörning",
        "Hastighets- och fordonskontroller av mopeder, A-traktorer och snöskotrar där medborgarna pekat ut problemen.",
        R.POLICE,
        "kommunpolis",
        K.SITUATIONAL,
        H.SHORT,
        "BRÅ",
        "buskörning",
        [BUSKORNING, "Fortkörning"],
        target_count=10,
        target_text="minst 10 gånger",
        done={
            ARJEPLOG: _times(
                ["2025-03-08", "2025-04-26", "2025-05-30", "2025-08-15", "2025-09-19", "2025-12-12", "2026-03-06"],
                "Trafikkontroll",
                "Storgatan och skoterleden vid Hornavan",
            ),
            ARVIDSJAUR: _times(
                ["2025-04-11", "2025-05-23", "2025-08-29", "2025-10-10", "2026-02-13"],
                "Trafikkontroll",
                "Järnvägsgatan och Storgatan",
            ),
        },
    ),
    Planned(
        "Grannsamverkan i bostadsområden",
        "Polis och kommun startar grannsamverkan tillsammans med de boende och deras föreningar.",
        R.BOTH,
        "kommunpolis och trygghetssamordnare",
        K.SITUATIONAL,
        H.LONG,
        "Hälsa",
        "grannsamverkan",
        ["Inbrott"],
        target_text="minst 70 % av hushållen i varje område",
        status={
            ARJEPLOG: (S.ONGOING, "Startat i Slagnäs och Laisvall; Centrum på gång.", "2025-09-30"),
            ARVIDSJAUR: (S.ONGOING, "Startmöte hållet i Auktsjaur.", "2025-10-14"),
        },
    ),
    Planned(
        "E-tjänst för att rapportera otrygga platser",
        "Medborgarna kan på kommunens webb peka ut platser som känns otrygga; platserna går till samverkansgruppen.",
        R.MUNICIPALITY,
        "kommunens webbredaktör",
        K.SITUATIONAL,
        H.LONG,
        "Hälsa",
        "trygg",
        ["Otrygga platser"],
        cost=25000,
        done={ARJEPLOG: [("2025-05-20", "E-tjänsten lanserad på kommunens webb", "")]},
        status={
            ARJEPLOG: (S.DONE, "Lanserad på kommunens webb i maj 2025.", "2025-05-20"),
            ARVIDSJAUR: (S.NOT_STARTED, "Väntar på Arjeplogs erfarenheter.", "2025-06-10"),
        },
    ),
    Planned(
        "Ansvarsfull alkoholservering – utbildning",
        "Utbildning för serveringspersonal och krögare om att inte servera minderåriga eller berusade.",
        R.MUNICIPALITY,
        "alkoholhandläggare",
        K.SITUATIONAL,
        H.SHORT,
        "ANDT-S",
        "alkohol",
        ["Alkohol"],
        target_count=2,
        cost=12000,
        done={ARJEPLOG: [("2025-11-20", "Utbildning inför biltestsäsongen", "Hotell Lyktan")]},
        status={ARVIDSJAUR: (S.CANCELLED, "För få anmälda; ny omgång i den nya planen.", "2025-10-01")},
    ),
    Planned(
        "Tillsyn under biltestsäsongen",
        "Gemensam tillsyn av serveringsställen och kontroller i trafiken när befolkningen fördubblas.",
        R.BOTH,
        "alkoholhandläggare och kommunpolis",
        K.SITUATIONAL,
        H.SHORT,
        "ANDT-S",
        "rattfyller",
        ["Alkohol", "Trafik och buskörning"],
        target_count=8,
        target_text="varje vecka januari–mars",
        done={
            ARJEPLOG: _times(
                ["2025-01-24", "2025-02-07", "2025-02-21", "2025-03-14", "2026-01-23"],
                "Gemensam tillsyn, serveringsställen",
                "Centrum",
            ),
            ARVIDSJAUR: _times(["2025-01-31", "2025-02-28"], "Gemensam tillsyn, serveringsställen", "Centrum"),
        },
    ),
    Planned(
        "Trygghetsvandring med medborgare",
        "Boende, fastighetsägare, räddningstjänst, polis och kommun går tillsammans och noterar otrygga platser.",
        R.BOTH,
        "trygghetssamordnare",
        K.SITUATIONAL,
        H.SHORT,
        "Hälsa",
        "trygg",
        ["Otrygga platser", "Skadegörelse"],
        target_count=4,
        target_text="två gånger per år",
        partner="Räddningstjänsten Arjeplog",
        done={
            ARJEPLOG: [
                ("2025-04-23", "Trygghetsvandring", "Centrum och skolområdet"),
                ("2025-10-22", "Trygghetsvandring i mörker", "Centrum och busstationen"),
            ],
            ARVIDSJAUR: [("2025-09-30", "Trygghetsvandring", "Resecentrum och centrum")],
        },
    ),
]


def _goals(municipality: Municipality, focus_area: str, word: str) -> list[Goal]:
    """The municipality's goals and the common goals of its agreements in the focus area, holding the word."""
    return list(
        Goal.objects.filter(
            Q(municipality=municipality) | Q(municipality__isnull=True, agreement__municipalities=municipality),
            focus_area__short_name=focus_area,
            title__icontains=word,
        ).distinct()
    )


def _organisations(municipality: Municipality, planned: Planned) -> list[Organisation]:
    kinds = {
        R.POLICE: [Organisation.Kind.POLICE_AREA],
        R.MUNICIPALITY: [Organisation.Kind.MUNICIPALITY],
        R.BOTH: [Organisation.Kind.POLICE_AREA, Organisation.Kind.MUNICIPALITY],
    }[planned.responsible]
    found = Organisation.objects.filter(municipalities=municipality)
    return list(found.filter(Q(kind__in=kinds) | Q(name=planned.partner)))


def _plan(municipality: Municipality, rng: random.Random, calendar: DemoCalendar) -> None:
    coordinator = User.objects.get(username=COORDINATORS[municipality.code])
    police = User.objects.get(username=POLICE)
    starts, ends = calendar.day(STARTS), calendar.day(ENDS)
    plan = services.action_plan_create(
        municipality=municipality,
        title=calendar.text(
            f"Handlingsplan för trygghet och brottsförebyggande arbete – {municipality.name} 2025–2026"
        ),
        starts_on=starts,
        ends_on=ends,
        by=coordinator,
    )
    activities = [
        (
            planned,
            services.activity_create(
                plan=plan,
                goals=_goals(municipality, planned.focus_area, planned.goal_word),
                organisations=_organisations(municipality, planned),
                title=planned.title,
                description=planned.description,
                problems=planned.problems,
                responsible=planned.responsible,
                role=planned.role,
                starts_on=starts,
                ends_on=ends,
                kind=planned.kind,
                horizon=planned.horizon,
                target_count=planned.target_count,
                target_text=planned.target_text,
                cost=planned.cost,
            ),
        )
        for planned in ACTIVITIES
    ]
    services.action_plan_adopt(plan=plan, by=coordinator)
    tz = timezone.get_current_timezone()
    ActionPlan.objects.filter(pk=plan.pk).update(  # the plan's history, as if made then
        created_at=calendar.moment(DRAFTED).replace(tzinfo=tz), adopted_at=calendar.moment(ADOPTED).replace(tzinfo=tz)
    )
    for planned, activity in activities:
        by = police if planned.responsible == R.POLICE else coordinator
        held = _held(planned, municipality.code, calendar)
        for held_on, what, where in held:
            services.occurrence_log(
                activity=activity, held_on=held_on, what=what, where=where, reached=rng.randrange(8, 120), by=by
            )
        set_on = _status_day(planned, municipality.code, held, calendar)
        if municipality.code in planned.status:
            status, comment, _day = planned.status[municipality.code]
            services.activity_set_status(
                activity=activity, status=status, comment=calendar.text(comment), by=coordinator
            )
        if set_on is not None:  # the activity's history, as if followed up then
            at = datetime.datetime.combine(set_on, datetime.time(15), tz)
            Activity.objects.filter(pk=activity.pk).update(status_changed_at=at)


def _held(planned: Planned, code: str, calendar: DemoCalendar) -> list[tuple[datetime.date, str, str]]:
    """The occurrences of the story that have happened by today, in date order."""
    days = (
        (calendar.day(datetime.date.fromisoformat(day)), what, where) for day, what, where in planned.done.get(code, [])
    )
    return sorted((day, calendar.text(what), where) for day, what, where in days if calendar.happened(day))


def _status_day(
    planned: Planned, code: str, held: list[tuple[datetime.date, str, str]], calendar: DemoCalendar
) -> datetime.date | None:
    """The day the activity got its status: set by hand that day, or by the occurrence that started it (or, at its
    target count, made it done)."""
    if code in planned.status:
        return calendar.day(datetime.date.fromisoformat(planned.status[code][2]))
    if not held:
        return None
    if planned.target_count is not None and len(held) >= planned.target_count:
        return held[planned.target_count - 1][0]
    return held[0][0]


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    calendar = demo_calendar()
    for municipality in Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR]).order_by("code"):
        _plan(municipality, rng, calendar)
