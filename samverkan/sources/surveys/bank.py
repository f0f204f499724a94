"""The question bank of the safety survey (trygghetsmätning): questions and answer options.

The Swedish texts are the canonical ones: an imported file answers with them. Each kind of
question has one set of answer options:
- problem items score 6/4/2/0 towards the problem index (DOMAIN.md §3, our rule);
- every other kind reports one share: the options marked `counted` among all answers that are
  not `excluded` ("Vet ej" is excluded everywhere).
No Django here; the Question table is seeded from QUESTIONS by a data migration.
"""

from __future__ import annotations

from dataclasses import dataclass

PROBLEM = "problem"
SAFETY = "safety"
VICTIMISATION = "victimisation"
WORRY = "worry"
POLICE_VIEW = "police_view"
KINDS = (PROBLEM, SAFETY, VICTIMISATION, WORRY, POLICE_VIEW)


@dataclass(frozen=True)
class Option:
    key: str
    sv: str
    en: str
    score: int | None = None  # problem index points
    counted: bool = False  # part of the question's share
    excluded: bool = False  # left out of every result


@dataclass(frozen=True)
class BankQuestion:
    key: str
    kind: str
    sv: str
    en: str


DONT_KNOW = Option("vet_ej", "Vet ej", "Don't know", excluded=True)

ANSWERS: dict[str, tuple[Option, ...]] = {
    PROBLEM: (
        Option("mycket_stort", "Mycket stort problem", "A very big problem", score=6),
        Option("ganska_stort", "Ganska stort problem", "A fairly big problem", score=4),
        Option("ganska_litet", "Ganska litet problem", "A fairly small problem", score=2),
        Option("inget", "Inget problem alls", "No problem at all", score=0),
        DONT_KNOW,
    ),
    SAFETY: (
        Option("mycket_trygg", "Mycket trygg", "Very safe"),
        Option("ganska_trygg", "Ganska trygg", "Fairly safe"),
        Option("ganska_otrygg", "Ganska otrygg", "Fairly unsafe", counted=True),
        Option("mycket_otrygg", "Mycket otrygg", "Very unsafe", counted=True),
        Option(
            "gar_inte_ut_otrygghet",
            "Går inte ut på grund av otrygghet",
            "I do not go out because I feel unsafe",
            counted=True,
        ),
        Option("gar_inte_ut_andra_skal", "Går inte ut av andra skäl", "I do not go out for other reasons"),
        DONT_KNOW,
    ),
    VICTIMISATION: (
        Option("ja", "Ja", "Yes", counted=True),
        Option("nej", "Nej", "No"),
        DONT_KNOW,
    ),
    WORRY: (
        Option("mycket_ofta", "Mycket ofta", "Very often", counted=True),
        Option("ganska_ofta", "Ganska ofta", "Fairly often", counted=True),
        Option("ganska_sallan", "Ganska sällan", "Fairly seldom"),
        Option("aldrig", "Aldrig", "Never"),
        DONT_KNOW,
    ),
    POLICE_VIEW: (
        Option("instammer_helt", "Instämmer helt", "Agree completely", counted=True),
        Option("instammer_delvis", "Instämmer delvis", "Partly agree", counted=True),
        Option("instammer_knappast", "Instämmer knappast", "Hardly agree"),
        Option("instammer_inte", "Instämmer inte alls", "Do not agree at all"),
        DONT_KNOW,
    ),
}

QUESTIONS: tuple[BankQuestion, ...] = (
    BankQuestion("problem_nedskrapning", PROBLEM, "Nedskräpning", "Litter"),
    BankQuestion("problem_klotter", PROBLEM, "Klotter", "Graffiti"),
    BankQuestion("problem_skadegorelse", PROBLEM, "Skadegörelse", "Vandalism"),
    BankQuestion(
        "problem_buskorning",
        PROBLEM,
        "Buskörning med moped, A-traktor eller snöskoter",
        "Reckless driving of mopeds, A-tractors or snowmobiles",
    ),
    BankQuestion("problem_fortkorning", PROBLEM, "Bilar som kör för fort", "Cars driving too fast"),
    BankQuestion(
        "problem_berusade",
        PROBLEM,
        "Personer som är påverkade av alkohol eller narkotika på allmän plats",
        "People under the influence of alcohol or drugs in public places",
    ),
    BankQuestion("problem_narkotikahandel", PROBLEM, "Öppen narkotikahandel", "Open drug dealing"),
    BankQuestion("problem_ungdomar_stor", PROBLEM, "Ungdomar som stör ordningen", "Young people disturbing the peace"),
    BankQuestion("problem_belysning", PROBLEM, "Dålig belysning", "Poor lighting"),
    BankQuestion(
        "trygg_kvall",
        SAFETY,
        "Hur trygg känner du dig om du går ut ensam sent en kväll i området där du bor?",
        "How safe do you feel if you go out alone late one evening in the area where you live?",
    ),
    BankQuestion(
        "utsatt_12man",
        VICTIMISATION,
        "Har du under de senaste 12 månaderna utsatts för något brott i området där du bor?",
        "In the last 12 months, have you been the victim of any crime in the area where you live?",
    ),
    BankQuestion(
        "oro_brott",
        WORRY,
        "Hur ofta känner du dig orolig för att utsättas för brott i området där du bor?",
        "How often do you worry about becoming a victim of crime in the area where you live?",
    ),
    BankQuestion(
        "oro_narstaende",
        WORRY,
        "Hur ofta känner du dig orolig för att någon närstående ska utsättas för brott?",
        "How often do you worry that someone close to you will become a victim of crime?",
    ),
    BankQuestion(
        "oro_inbrott",
        WORRY,
        "Hur ofta känner du dig orolig för inbrott i din bostad?",
        "How often do you worry about a burglary in your home?",
    ),
    BankQuestion(
        "polis_bryr_sig",
        POLICE_VIEW,
        "Polisen bryr sig om de lokala problemen i området där jag bor.",
        "The police care about the local problems in the area where I live.",
    ),
    BankQuestion(
        "polis_tillganglig",
        POLICE_VIEW,
        "Polisen finns tillgänglig när man behöver den.",
        "The police are available when you need them.",
    ),
    BankQuestion(
        "polis_fortroende",
        POLICE_VIEW,
        "Jag har förtroende för polisens arbete i området där jag bor.",
        "I have confidence in the work of the police in the area where I live.",
    ),
)

QUESTION_BY_KEY = {question.key: question for question in QUESTIONS}


def option_for_text(kind: str, text: str) -> Option | None:
    """The option whose Swedish text this is, ignoring case and surrounding space."""
    wanted = text.strip().casefold()
    return next((option for option in ANSWERS[kind] if option.sv.casefold() == wanted), None)
