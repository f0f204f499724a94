"""One dialogue of each kind per municipality for the demo."""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import FocusArea, Municipality
from samverkan.sources.dialogues.models import Dialogue, RaisedProblem
from samverkan.sources.models import ImportRun

DIALOGUES = [
    (
        "medarbetardialog",
        "workshop",
        "Skolpersonal, fritidsgården, socialtjänsten, räddningstjänsten",
        18,
        [
            ("Ungas psykiska ohälsa", "Hälsa"),
            ("Tillgång till narkotika via nätet", "ANDT-S"),
            ("Buskörning med moped och A-traktor", "BRÅ"),
            ("Langning av alkohol till unga", "ANDT-S"),
        ],
    ),
    (
        "medborgardialog",
        "trygghetsvandring",
        "Pensionärsföreningen, föräldrar, ungdomsrådet",
        32,
        [
            ("Dålig belysning på gångvägar", "BRÅ"),
            ("Bilar som kör för fort i centrum", "BRÅ"),
            ("Snöskotrar i bostadsområden", "BRÅ"),
            ("Nedskräpning vid badplatsen", "BRÅ"),
        ],
    ),
    (
        "partnerdialog",
        "mote",
        "Bostadsbolaget, biltestföretagen, hotell och restauranger, Region Norrbotten",
        12,
        [
            ("Alkohol och ordning under biltestsäsongen", "ANDT-S"),
            ("Trafiksäkerhet vid testbanorna", "BRÅ"),
            ("Klotter och skadegörelse i fastigheter", "BRÅ"),
        ],
    ),
]


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    calendar = demo_calendar()  # the story's year, moved to the present
    focus = {f.short_name: f for f in FocusArea.objects.all()}
    for code in ("2506", "2505"):
        municipality = Municipality.objects.get(code=code)
        for month, (kind, form, groups, participants, problems) in enumerate(DIALOGUES, start=3):
            dialogue = Dialogue.objects.create(
                municipality=municipality,
                kind=kind,
                held_on=datetime.date(calendar.year(2025), month, rng.randrange(1, 28)),
                format=form,
                groups=groups,
                participants=participants,
                summary="Demodata.",
            )
            for problem, area in problems:
                RaisedProblem.objects.create(
                    dialogue=dialogue,
                    problem=problem,
                    focus_area=focus.get(area),
                    prioritised_by=rng.randrange(participants // 4, participants),
                )
