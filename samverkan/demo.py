"""Demo data for Arjeplog and Arvidsjaur: parties, people, groups and the 2023–2026 agreement.

Population figures are rounded estimates for the demo, marked as such in their source notes;
the agreement text is the real one; the people are fictional. The story is that of 2026: loaded in a
later year, its dates move forward by whole years (samverkan/core/demo_calendar.py).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from samverkan.agreements import agreement_2023, services
from samverkan.agreements.models import Agreement, CommunicationItem, Section
from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.meetings import demo as meetings_demo
from samverkan.followup.notifications import demo as notifications_demo
from samverkan.followup.reports import demo as reports_demo
from samverkan.followup.seasons import demo as seasons_demo
from samverkan.followup.supervision import demo as supervision_demo
from samverkan.organisations.models import (
    CollaborationGroup,
    FocusArea,
    GroupMember,
    Membership,
    Municipality,
    Organisation,
    PresentPopulation,
    ResidentCount,
    Role,
    User,
)
from samverkan.planning.actions import demo as actions_demo
from samverkan.planning.effects import demo as effects_demo
from samverkan.planning.goals import demo as goals_demo
from samverkan.planning.promises import demo as promises_demo
from samverkan.situation import demo as situation_demo
from samverkan.sources.bra import demo as bra_demo
from samverkan.sources.citizen_reports import demo as citizen_reports_demo
from samverkan.sources.dialogues import demo as dialogues_demo
from samverkan.sources.incidents import demo as incidents_demo
from samverkan.sources.indicators import demo as indicators_demo
from samverkan.sources.kolada import demo as kolada_demo
from samverkan.sources.models import DEMO_SOURCE, ImportRun
from samverkan.sources.police_events import demo as police_events_demo
from samverkan.sources.surveys import demo as surveys_demo

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DEMO_PASSWORD = "samverkan-demo"
# Every source's demo generator, each taking (rng, run); the seed makes the demo the same every time.
SOURCE_DEMOS = [
    incidents_demo,
    dialogues_demo,
    bra_demo,
    police_events_demo,
    surveys_demo,
    kolada_demo,
    indicators_demo,
    situation_demo,
    goals_demo,
    actions_demo,
    effects_demo,  # draws nothing from the shared generator
    promises_demo,
    seasons_demo,
    supervision_demo,
    meetings_demo,
    reports_demo,
    notifications_demo,
    citizen_reports_demo,  # last, and with its own dates: the others' random draws stay as they were
]
SEED = 20230601
# The demo generators of imported sources, by their importer's key (samverkan.sources.registry.IMPORTERS).
DEMO_IMPORT_KEYS = {
    incidents_demo: "incidents",
    bra_demo: "bra",
    police_events_demo: "police_events",
    surveys_demo: "survey",
    kolada_demo: "kolada",
    indicators_demo: "indicators",
}
ARVIDSJAUR, ARJEPLOG, ALVSBYN = "2505", "2506", "2560"

RESIDENTS = {
    ARJEPLOG: {2021: 2_720, 2022: 2_680, 2023: 2_640, 2024: 2_600, 2025: 2_570},
    ARVIDSJAUR: {2021: 6_110, 2022: 6_080, 2023: 6_050, 2024: 6_020, 2025: 5_990},
}
RESIDENTS_SOURCE = "SCB via regionfakta.com, avrundat (demo)"

# Estimated visitors per month (January first): car testing doubles Arjeplog in Jan–Mar.
VISITORS = {
    ARJEPLOG: [2_600, 2_700, 2_400, 600, 150, 300, 900, 500, 200, 150, 300, 700],
    ARVIDSJAUR: [2_200, 2_300, 2_000, 500, 200, 400, 1_000, 600, 250, 200, 300, 800],
}
VISITORS_SOURCE = "Uppskattning: biltestsäsong jan–mars, sommarturism och marknader (demo)"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: StrOrPromise
    organisation: str
    municipality: str


def _user(username: str, first: str, last: str, title: str) -> User:
    user = User(username=username, first_name=first, last_name=last, title=title, email=f"{username}@example.se")
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    """Create the demo world in an empty database; the municipalities must be loaded."""
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=[ARVIDSJAUR, ARJEPLOG, ALVSBYN])}
    arjeplog, arvidsjaur = municipalities[ARJEPLOG], municipalities[ARVIDSJAUR]
    calendar = demo_calendar()  # the story of 2026, moved to the present

    for code, years in RESIDENTS.items():
        for year, residents in years.items():
            ResidentCount.objects.create(
                municipality=municipalities[code],
                year=calendar.year(year),
                residents=residents,
                source=RESIDENTS_SOURCE,
            )
        for month, visitors in enumerate(VISITORS[code], start=1):
            for year, residents in years.items():
                PresentPopulation.objects.create(
                    municipality=municipalities[code],
                    year=calendar.year(year),
                    month=month,
                    residents=residents,
                    visitors=visitors,
                    source=VISITORS_SOURCE,
                )

    # The national police organisation (load_municipalities, data/police_areas.csv) has made these already: the
    # demo takes them by name and adds its municipalities, which the real Piteå älvdal covers with Piteå.
    region, _ = Organisation.objects.get_or_create(name="Polisregion Nord", kind=Organisation.Kind.POLICE_REGION)
    lpo, _ = Organisation.objects.get_or_create(
        name="Lokalpolisområde Piteå älvdal", kind=Organisation.Kind.POLICE_AREA, defaults={"parent": region}
    )
    region.municipalities.remove(*municipalities.values())
    lpo.municipalities.add(*municipalities.values())
    arjeplog_org = Organisation.objects.create(name="Arjeplogs kommun", kind=Organisation.Kind.MUNICIPALITY)
    arjeplog_org.municipalities.set([arjeplog])
    arvidsjaur_org = Organisation.objects.create(name="Arvidsjaurs kommun", kind=Organisation.Kind.MUNICIPALITY)
    arvidsjaur_org.municipalities.set([arvidsjaur])
    rescue = Organisation.objects.create(
        name="Räddningstjänsten Arjeplog",
        kind=Organisation.Kind.PARTNER,
        partner_kind=Organisation.PartnerKind.RESCUE,
    )
    rescue.municipalities.set([arjeplog])
    health = Organisation.objects.create(
        name="Region Norrbotten, hälsocentralerna",
        kind=Organisation.Kind.PARTNER,
        partner_kind=Organisation.PartnerKind.HEALTH,
    )
    health.municipalities.set([arjeplog, arvidsjaur])

    people = [
        # username, first, last, title, organisation, municipality scope, role
        ("arjeplog.samordnare", "Anna", "Lindqvist", "Folkhälsosamordnare", arjeplog_org, None, Role.COORDINATOR),
        ("arjeplog.gruppmedlem", "Erik", "Nilsson", "Rektor", arjeplog_org, None, Role.GROUP_MEMBER),
        ("arjeplog.ledning", "Maria", "Stenlund", "Kommunalråd", arjeplog_org, None, Role.LEADERSHIP),
        ("arjeplog.rapportor", "Jonas", "Berg", "Räddningsledare", rescue, arjeplog, Role.REPORTER),
        ("arvidsjaur.samordnare", "Karin", "Öberg", "Trygghetssamordnare", arvidsjaur_org, None, Role.COORDINATOR),
        ("arvidsjaur.gruppmedlem", "Sara", "Lundberg", "Fritidschef", arvidsjaur_org, None, Role.GROUP_MEMBER),
        ("arvidsjaur.ledning", "Per", "Holmgren", "Kommunalråd", arvidsjaur_org, None, Role.LEADERSHIP),
        ("arvidsjaur.rapportor", "Lina", "Wikström", "Fastighetsskötare", arvidsjaur_org, None, Role.REPORTER),
        ("polis.kontaktperson", "Mikael", "Forsberg", "Kommunpolis", lpo, None, Role.POLICE_CONTACT),
        ("polis.ledning", "Helena", "Strand", "Lokalpolisområdeschef", lpo, None, Role.LEADERSHIP),
        ("polis.rapportor", "Johan", "Eriksson", "Polisassistent", lpo, None, Role.REPORTER),
        # The region's police compare its municipalities (Regional jämförelse) and read their pictures.
        ("polisregion.analytiker", "Lars", "Öhman", "Regional analytiker", region, None, Role.LEADERSHIP),
    ]
    users: dict[str, User] = {}
    logins = []
    for username, first, last, title, organisation, scope, role in people:
        users[username] = _user(username, first, last, title)
        Membership.objects.create(user=users[username], organisation=organisation, municipality=scope, role=role)
        where = (
            scope.name
            if scope
            else organisation.name
            if organisation.kind == Organisation.Kind.POLICE_REGION  # its 40-odd municipalities, too many to list
            else ", ".join(m.name for m in organisation.municipalities.order_by("name"))
        )
        logins.append(DemoLogin(username, Role(role).label, organisation.name, where))
    admin = _user("admin", "Ada", "Administratör", "Systemförvaltare")
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    Membership.objects.create(user=admin, organisation=lpo, role=Role.ADMINISTRATOR)
    logins.append(DemoLogin("admin", Role.ADMINISTRATOR.label, lpo.name, "/admin/"))

    def group(name: str, members: list[tuple[str, Organisation, str]], *where: Municipality, **extra: str) -> None:
        collaboration_group = CollaborationGroup.objects.create(name=name, **extra)
        collaboration_group.municipalities.set(where)
        for member_name, organisation, role in members:
            GroupMember.objects.create(
                group=collaboration_group, name=member_name, organisation=organisation, role=role
            )

    R = GroupMember.GroupRole
    group(
        "Folkhälsorådet",
        [
            ("Maria Stenlund", arjeplog_org, R.CHAIR),
            ("Anna Lindqvist", arjeplog_org, R.COORDINATOR),
            ("Mikael Forsberg", lpo, R.POLICE_CONTACT),
            ("Erik Nilsson", arjeplog_org, R.MEMBER),
            ("Hälsocentralen Arjeplog", health, R.MEMBER),
        ],
        arjeplog,
        purpose="Samordnar det förebyggande och hälsofrämjande arbetet i Arjeplog (lokal samverkansgrupp).",
    )
    group(
        "HOP-rådet",
        [
            ("Anna Lindqvist", arjeplog_org, R.COORDINATOR),
            ("Mikael Forsberg", lpo, R.POLICE_CONTACT),
            ("Jonas Berg", rescue, R.MEMBER),
        ],
        arjeplog,
        purpose="Arjeplogs råd för brottsförebyggande och trygghetsfrågor.",
    )
    group(
        "Hälsa- och trygghetsrådet",
        [
            ("Per Holmgren", arvidsjaur_org, R.CHAIR),
            ("Karin Öberg", arvidsjaur_org, R.COORDINATOR),
            ("Mikael Forsberg", lpo, R.POLICE_CONTACT),
            ("Sara Lundberg", arvidsjaur_org, R.MEMBER),
        ],
        arvidsjaur,
        purpose="Följer upp samverkansöverenskommelsen i Arvidsjaur; skriftlig sammanfattning vid årets sista möte.",
        reports_to="Lokalpolisområdeschefen och kommunalrådet",
    )
    group(
        "Partssammansatt samverkansgrupp Piteå älvdal",
        [
            ("Helena Strand", lpo, R.CHAIR),
            ("Anna Lindqvist", arjeplog_org, R.COORDINATOR),
            ("Karin Öberg", arvidsjaur_org, R.COORDINATOR),
            ("Mikael Forsberg", lpo, R.POLICE_CONTACT),
        ],
        arjeplog,
        arvidsjaur,
        purpose="Samordnarna och polisen träffas i partsammansatt grupp minst en gång per år.",
        reports_to="Polis- och kommunledning",
    )

    focus_areas = {
        short: FocusArea.objects.create(short_name=short, name=name, description=description, order=order)
        for order, (short, name, description) in enumerate(agreement_2023.FOCUS_AREAS, start=1)
    }
    police_contact = users["polis.kontaktperson"]
    part1 = services.agreement_create(
        by=police_contact,
        title=calendar.text(agreement_2023.TITLE),
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.IN_FORCE,
        starts_on=calendar.day(datetime.date(2023, 6, 1)),
        ends_on=calendar.day(datetime.date(2026, 12, 31)),
        parties=[lpo, arjeplog_org, arvidsjaur_org],
        municipalities=[arjeplog, arvidsjaur],
        focus_areas=focus_areas.values(),
        signatories=[
            {
                "name": name,
                "title": title,
                "organisation": organisation,
                "signed_on": calendar.day(datetime.date(2023, 6, 1)),
            }
            for name, title, organisation in [
                ("Helena Strand", "Lokalpolisområdeschef, Piteå älvdal", lpo),
                ("Maria Stenlund", "Kommunstyrelsens ordförande", arjeplog_org),
                ("Per Holmgren", "Kommunstyrelsens ordförande", arvidsjaur_org),
            ]
        ],
    )
    Section.objects.bulk_create(
        Section(agreement=part1, kind=kind, body=body, order=order)
        for order, (kind, body) in enumerate(agreement_2023.SECTIONS, start=1)
    )
    for order, commitment in enumerate(agreement_2023.COMMITMENTS, start=1):
        part1.commitments.create(
            responsible=commitment["responsible"],
            text=commitment["text"],
            recurrence=commitment["recurrence"],
            due_on=calendar.day(datetime.date.fromisoformat(commitment["due_on"])) if commitment["due_on"] else None,
            focus_area=focus_areas.get(commitment["focus_area"]),
            order=order,
        )
    CommunicationItem.objects.bulk_create(
        CommunicationItem(agreement=part1, **item) for item in agreement_2023.COMMUNICATION_PLAN
    )

    for municipality, organisation, coordinator in [
        (arjeplog, arjeplog_org, users["arjeplog.samordnare"]),
        (arvidsjaur, arvidsjaur_org, users["arvidsjaur.samordnare"]),
    ]:
        part2 = services.agreement_create(
            by=coordinator,
            title=calendar.text(f"Samverkansöverenskommelse del 2 – {municipality.name} 2023–2026"),
            part=Agreement.Part.LOCAL,
            status=Agreement.Status.DRAFT,
            starts_on=calendar.day(datetime.date(2023, 9, 1)),
            ends_on=calendar.day(datetime.date(2026, 12, 31)),
            strategic=part1,
            parties=[lpo, organisation],
            municipalities=[municipality],
            focus_areas=focus_areas.values(),
        )
        Section.objects.bulk_create(
            Section(agreement=part2, kind=kind, body=body, order=order)
            for order, (kind, body) in enumerate(
                [
                    (Section.Kind.LOCAL_GOALS, f"Lokala mål för {municipality.name} inom de tre fokusområdena."),
                    (Section.Kind.IMPLEMENTATION, "Åtgärder med ansvarig part enligt handlingsplanen."),
                    (Section.Kind.FOLLOW_UP, "Uppföljning i den lokala samverkansgruppen och årlig återrapportering."),
                    (Section.Kind.PROMISES, "Medborgarlöften tas fram efter medborgardialog."),
                ],
                start=1,
            )
        )
    run = ImportRun.objects.create(source=DEMO_SOURCE, name="Demodata: genererade av uv run samverkan demo")
    rng = random.Random(SEED)
    for source in SOURCE_DEMOS:
        # A source's data come in through an import run of its importer's key, as an import would bring them,
        # so the follow-up's freshness of the sources reads them.
        key = DEMO_IMPORT_KEYS.get(source)
        source_run = ImportRun.objects.create(source=key, name=run.name) if key else run
        source.demo_load(rng=rng, run=source_run)
    return logins
