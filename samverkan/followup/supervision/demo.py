"""A dozen supervision visits in 2025 in Arjeplog and Arvidsjaur at made-up businesses, and the indicators they feed."""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.supervision import services
from samverkan.followup.supervision.models import CHECKLIST_KEYS, Answer, SupervisedObject, Visit
from samverkan.organisations.models import Municipality, User
from samverkan.sources.models import ImportRun

YEAR = 2025
POLICE = "polis.kontaktperson"
COORDINATORS = {"2506": "arjeplog.samordnare", "2505": "arvidsjaur.samordnare"}
A, T, F = SupervisedObject.Permit.ALCOHOL, SupervisedObject.Permit.TOBACCO, SupervisedObject.Permit.LOW_ALCOHOL
OBJECTS = {
    "2506": [
        ("Hotell Fjällsippan", A, "Storgatan 12"),
        ("Restaurang Silvervägen", A, "Silvervägen 3"),
        ("Pub Norrsken", A, "Torget 1"),
        ("Livsbutiken Centrum", T, "Storgatan 20"),
    ],
    "2505": [
        ("Hotell Nordanvind", A, "Järnvägsgatan 5"),
        ("Krogen Lappstaden", A, "Lappstadsvägen 2"),
        ("Butiken Torget", F, "Torggatan 4"),
    ],
}
# (object index, month, day, kind, announced, joint with police, answered no, findings, follow-up)
OUT, IN, K = Visit.Kind.OUTER, Visit.Kind.INNER, Visit.Kind.TEST_PURCHASE
VISITS = {
    "2506": [
        (0, 2, 14, OUT, False, True, [], "", ""),
        (
            1,
            2,
            21,
            OUT,
            False,
            True,
            ["manager_present"],
            "Serveringsansvarig saknades vid besöket.",
            "Skriftlig erinran; nytt besök inom en månad.",
        ),
        (1, 3, 20, OUT, False, True, [], "", "Uppföljning: serveringsansvarig på plats."),
        (
            2,
            3,
            8,
            OUT,
            False,
            False,
            ["no_minors_or_drunk"],
            "Servering till märkbart berusad gäst observerades.",
            "Samtal med tillståndshavaren; utbildning i ansvarsfull alkoholservering.",
        ),
        (
            0,
            5,
            6,
            IN,
            True,
            False,
            ["self_monitoring"],
            "Egenkontrollprogrammet var inte uppdaterat.",
            "Uppdaterat program insänt 2025-06-01.",
        ),
        (3, 9, 10, K, False, False, [], "", "Dialog med butiken om ålderskontroll; personalen informerad."),
        (2, 12, 19, OUT, False, True, [], "", ""),
    ],
    "2505": [
        (0, 1, 24, OUT, False, True, [], "", ""),
        (
            1,
            2,
            7,
            OUT,
            False,
            True,
            ["opening_hours"],
            "Servering efter tillåten tid.",
            "Erinran; tiderna påminda skriftligt.",
        ),
        (0, 4, 30, OUT, False, True, [], "", ""),
        (1, 6, 14, IN, True, False, [], "", ""),
        (2, 10, 2, K, False, False, [], "", "Dialog med butiken: legitimation efterfrågades inte."),
    ],
}


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    police = User.objects.get(username=POLICE)
    calendar = demo_calendar()  # the story's year, moved to the present
    for code, objects in OBJECTS.items():
        municipality = Municipality.objects.get(code=code)
        coordinator = User.objects.get(username=COORDINATORS[code])
        created = [
            services.supervised_object_create(municipality=municipality, name=name, permit=permit, address=address)
            for name, permit, address in objects
        ]
        for index, month, day, kind, announced, joint, faults, findings, follow_up in VISITS[code]:
            answers: dict[str, str] = {key: Answer.NO if key in faults else Answer.YES for key in CHECKLIST_KEYS}
            services.visit_create(
                object=created[index],
                visited_on=datetime.date(calendar.year(YEAR), month, day),
                announced=announced,
                kind=kind,
                joint_with_police=joint,
                checklist=answers if kind != K else {},
                findings=calendar.text(findings),
                follow_up=calendar.text(follow_up),
                by=police if joint else coordinator,
            )
