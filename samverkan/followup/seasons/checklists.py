"""What to coordinate before each kind of recurring event: pure data, no Django.

Each checklist item is (task, owner role); the tasks are stored as written here (Swedish data).
"""

from __future__ import annotations

# How many days before the event starts its coordination tasks fall due.
DUE_DAYS_BEFORE = 30

POLICE = "polis"
COORDINATOR = "samordnare"
ALCOHOL_OFFICER = "alkoholhandlaggare"
COMMUNICATOR = "kommunikator"
ORGANISER = "arrangor"

OWNER_ROLES = (POLICE, COORDINATOR, ALCOHOL_OFFICER, COMMUNICATOR, ORGANISER)

TRAFFIC = ("Trafikarbete: trafikplan, hastighet och parkering", POLICE)
ALCOHOL = ("Alkoholtillsyn på serveringsställena", ALCOHOL_OFFICER)
SERVING = ("Ansvarsfull alkoholservering: påminn och utbilda personalen", ALCOHOL_OFFICER)
PRESENCE = ("Polisnärvaro: planera pass och synlighet", POLICE)
INFORMATION = ("Information till besökare", COMMUNICATOR)
PARENTS = ("Information till föräldrar om langning och vuxennärvaro", COORDINATOR)
ORGANISERS = ("Samordningsmöte med arrangörerna", ORGANISER)

CAR_TESTING = "biltest"
MARKET = "marknad"
HOLIDAY = "helg"
SCHOOL = "skola"
VALBORG = "valborg"
GRADUATION = "studenten"
BIG_EVENT = "evenemang"

CHECKLISTS: dict[str, list[tuple[str, str]]] = {
    CAR_TESTING: [TRAFFIC, ALCOHOL, SERVING, PRESENCE, INFORMATION],
    MARKET: [ORGANISERS, TRAFFIC, ALCOHOL, PRESENCE, INFORMATION],
    HOLIDAY: [PRESENCE, ALCOHOL, INFORMATION],
    SCHOOL: [TRAFFIC, PRESENCE, PARENTS],
    VALBORG: [PRESENCE, ALCOHOL, PARENTS],
    GRADUATION: [PRESENCE, ALCOHOL, SERVING, PARENTS],
    BIG_EVENT: [ORGANISERS, TRAFFIC, ALCOHOL, SERVING, PRESENCE, INFORMATION],
}
