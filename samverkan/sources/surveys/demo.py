"""Demo survey waves: the safety survey of 2022 and 2025 in Arjeplog and Arvidsjaur.

The answers are drawn at random around believable levels: in Arjeplog reckless driving of mopeds,
A-tractors and snowmobiles and cars driving too fast are the biggest problems, as the real
medborgarlöften there suggest; the villages see more of them than the centre.
"""

from __future__ import annotations

import datetime
import random

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import Municipality
from samverkan.sources.models import ImportRun
from samverkan.sources.surveys import bank, tallies
from samverkan.sources.surveys.models import Answer, Question, Response, Wave, WaveQuestion

ARVIDSJAUR, ARJEPLOG = "2505", "2506"
WAVES = [
    ("Trygghetsmätning 2022", datetime.date(2022, 10, 3), 120),
    ("Trygghetsmätning 2025", datetime.date(2025, 10, 6), 250),
]
DELOMRADEN = {
    ARJEPLOG: [("Centrum", 6), ("Slagnäs", 2), ("Laisvall", 2)],
    ARVIDSJAUR: [("Centrum", 7), ("Glommersträsk", 2), ("Moskosel", 1)],
}
# How big each problem is, 0 (none) to 1 (alarming), per municipality.
PROBLEM_LEVELS = {
    ARJEPLOG: {
        "problem_nedskrapning": 0.35,
        "problem_klotter": 0.1,
        "problem_skadegorelse": 0.25,
        "problem_buskorning": 0.85,
        "problem_fortkorning": 0.8,
        "problem_berusade": 0.35,
        "problem_narkotikahandel": 0.1,
        "problem_ungdomar_stor": 0.25,
        "problem_belysning": 0.4,
    },
    ARVIDSJAUR: {
        "problem_nedskrapning": 0.4,
        "problem_klotter": 0.25,
        "problem_skadegorelse": 0.35,
        "problem_buskorning": 0.5,
        "problem_fortkorning": 0.5,
        "problem_berusade": 0.4,
        "problem_narkotikahandel": 0.25,
        "problem_ungdomar_stor": 0.4,
        "problem_belysning": 0.35,
    },
}
VILLAGE_PROBLEMS = {"problem_buskorning", "problem_fortkorning", "problem_belysning"}
CENTRE_PROBLEMS = {"problem_nedskrapning", "problem_berusade", "problem_ungdomar_stor"}
# Answer weights for the other kinds, in the order of bank.ANSWERS.
WEIGHTS = {
    bank.SAFETY: [45, 33, 10, 3, 2, 4, 3],
    bank.VICTIMISATION: [10, 87, 3],
    bank.WORRY: [4, 12, 42, 38, 4],
    bank.POLICE_VIEW: [25, 40, 15, 8, 12],
}
DONT_KNOW_WEIGHT = 0.08
BLANK_SHARE = 0.03


def _problem_weights(level: float) -> list[float]:
    """Mycket stort, ganska stort, ganska litet, inget problem, vet ej."""
    weights = [0.01 + 0.44 * level, 0.05 + 0.30 * level, 0.30 - 0.15 * level, 0.64 - 0.59 * level]
    return [weight * (1 - DONT_KNOW_WEIGHT) for weight in weights] + [DONT_KNOW_WEIGHT]


def _answer(rng: random.Random, question: Question, level: float) -> str | None:
    if rng.random() < BLANK_SHARE:
        return None
    options = [option.key for option in bank.ANSWERS[question.kind]]
    weights = _problem_weights(level) if question.kind == bank.PROBLEM else WEIGHTS[question.kind]
    return rng.choices(options, weights)[0]


def _level(code: str, key: str, delomrade: str, drift: float) -> float:
    level = PROBLEM_LEVELS[code][key] + drift
    if delomrade == "Centrum":
        level += 0.1 if key in CENTRE_PROBLEMS else 0
    elif key in VILLAGE_PROBLEMS:
        level += 0.1
    return min(max(level, 0.0), 1.0)


def demo_load(*, rng: random.Random, run: ImportRun) -> None:
    questions = list(Question.objects.all())
    calendar = demo_calendar()  # the story's waves, moved to the present
    for municipality in Municipality.objects.filter(code__in=[ARJEPLOG, ARVIDSJAUR]):
        code = municipality.code
        areas = [name for name, _weight in DELOMRADEN[code]]
        area_weights = [weight for _name, weight in DELOMRADEN[code]]
        for story_name, story_opened_on, size in WAVES:
            name, opened_on = calendar.text(story_name), calendar.day(story_opened_on)
            wave = Wave.objects.create(
                name=name,
                municipality=municipality,
                opened_on=opened_on,
                closed_on=opened_on + datetime.timedelta(days=42),
                source=Wave.Source.IMPORT,
                run=run,
                delomraden="\n".join(areas),
            )
            WaveQuestion.objects.bulk_create(
                WaveQuestion(wave=wave, question=question, order=order) for order, question in enumerate(questions, 1)
            )
            drift = {key: rng.uniform(-0.05, 0.05) for key in PROBLEM_LEVELS[code]}
            responses = Response.objects.bulk_create(
                Response(wave=wave, number=number, delomrade=rng.choices(areas, area_weights)[0], run=run)
                for number in range(1, size + rng.randint(-10, 10) + 1)
            )
            answers = []
            for response in responses:
                for question in questions:
                    level = (
                        _level(code, question.key, response.delomrade, drift[question.key])
                        if question.kind == bank.PROBLEM
                        else 0.0
                    )
                    value = _answer(rng, question, level)
                    if value:
                        answers.append(Answer(response=response, question=question, value=value))
            Answer.objects.bulk_create(answers)
            tallies.rebuild(wave=wave)
