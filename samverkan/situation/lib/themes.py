"""The themes of the agreement and where each is seen in the sources. No Django here.

A theme is a problem the agreement names (DOMAIN.md §1: ANDT-S, BRÅ, psychological and physical
health). Each maps explicitly to what the sources call it: incident categories, Brå crime categories,
police event types, Kolada KPIs, youth-survey indicators, trygghetsmätning items and words used in
dialogues. Brå's broad chapters ("3-7 kap. Brott mot person") are left out: a theme's crimes are counted by
its largest category, and a chapter holding much else would make its theme look larger than the others.

The mapping below is the product's default; a municipality extends it with entries of its own
(situation.models.ThemeEntry), and a picture carries the mapping it was ranked on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The sources a theme maps to, in the order they are shown.
INCIDENTS, CRIME, EVENTS, KOLADA, INDICATORS, SURVEY, KEYWORDS = (
    "incident_categories",
    "crime_categories",
    "event_types",
    "kpis",
    "indicators",
    "survey_items",
    "keywords",
)
MAPPED_SOURCES = (INCIDENTS, CRIME, EVENTS, KOLADA, INDICATORS, SURVEY, KEYWORDS)


@dataclass(frozen=True)
class Theme:
    key: str  # stable, English: "vandalism"
    name: str  # as the parties say it (Swedish data, like a category's name)
    focus_area: str  # the focus area's short name: "ANDT-S", "BRÅ", "Hälsa"
    incident_categories: tuple[str, ...] = ()
    crime_categories: tuple[str, ...] = ()  # Brå's labels
    event_types: tuple[str, ...] = ()  # police event types, normalised (police_events.parse.type_key)
    kpis: tuple[str, ...] = ()  # Kolada KPI ids
    indicators: tuple[str, ...] = ()  # indicator keys, or the start of keys ("rokare" takes "rokare-arskurs-9")
    survey_items: tuple[str, ...] = ()  # question keys of the trygghetsmätning (surveys.bank)
    keywords: tuple[str, ...] = ()  # words in a dialogue's problem that point to the theme, lower case

    def entries(self, source: str) -> tuple[str, ...]:
        return getattr(self, source)

    def matches_indicator(self, key: str) -> bool:
        return any(key == prefix or key.startswith(prefix + "-") for prefix in self.indicators)

    def matches_words(self, text: str) -> bool:
        lowered = text.casefold()
        return any(keyword in lowered for keyword in self.keywords)


def extend(
    themes: tuple[Theme, ...],
    additions: Sequence[tuple[str, str, str]],
    left_out: Sequence[tuple[str, str, str]] = (),
) -> tuple[Theme, ...]:
    """The themes with (theme key, source, entry) additions, each entry once, and without the entries left out;
    unknown keys and sources are ignored."""
    by_key = {theme.key: theme for theme in themes}
    for key, source, entry in [*additions, *left_out]:
        theme = by_key.get(key)
        if theme is None or source not in MAPPED_SOURCES:
            continue
        entries = theme.entries(source)
        if (key, source, entry) in left_out:
            changes: dict[str, Any] = {source: tuple(e for e in entries if e != entry)}
        elif entry not in entries:
            changes = {source: (*entries, entry)}
        else:
            continue
        by_key[key] = dataclasses.replace(theme, **changes)
    return tuple(by_key[theme.key] for theme in themes)


ANDTS, BRA, HEALTH = "ANDT-S", "BRÅ", "Hälsa"

THEMES: tuple[Theme, ...] = (
    # ANDT-S: alcohol, narcotics, doping, tobacco and snus, gambling, and drugs bought on the internet.
    Theme(
        "alcohol",
        "Alkohol",
        ANDTS,
        incident_categories=("Berusade personer på allmän plats",),
        crime_categories=("Alkohollagen",),
        event_types=("fylleri/lob", "fylleri", "alkohollagen", "rattfylleri"),
        kpis=("U79231",),
        indicators=("alkoholkonsumenter", "intensivkonsumtion-av-alkohol"),
        survey_items=("problem_berusade",),
        keywords=("alkohol", "berusad", "fylleri", "langning", "rattfyll"),
    ),
    Theme(
        "narcotics",
        "Narkotika",
        ANDTS,
        incident_categories=("Misstänkt narkotikahandel",),
        crime_categories=("Narkotikastrafflagen",),
        event_types=("narkotikabrott",),
        kpis=("N07544", "U79232", "U79235"),
        indicators=("narkotikaerfarenhet",),
        survey_items=("problem_narkotikahandel",),
        keywords=("narkotika", "droger", "cannabis", "knark"),
    ),
    Theme(
        "tobacco",
        "Tobak och snus",
        ANDTS,
        indicators=("rokare", "snusare"),
        keywords=("tobak", "snus", "rökning", "röker", "cigarett", "vape", "e-cigarett"),
    ),
    Theme(
        "doping",
        "Dopning",
        ANDTS,
        crime_categories=("Lag om förbud mot vissa dopningsmedel",),
        keywords=("dopning", "anabola"),
    ),
    Theme(
        "gambling",
        "Spel om pengar",
        ANDTS,
        indicators=("spel-om-pengar",),
        keywords=("spel om pengar", "spelande", "gambling", "nätcasino", "betting"),
    ),
    Theme(
        "internet_trade",
        "Droger köpta på internet",
        ANDTS,
        keywords=("internet", "nätet", "darknet", "sociala medier"),
    ),
    # BRÅ: crime prevention.
    Theme(
        "vandalism",
        "Skadegörelse",
        BRA,
        incident_categories=("Skadegörelse",),
        crime_categories=("Skadegörelse",),
        event_types=("skadegörelse",),
        kpis=("U07452",),
        survey_items=("problem_skadegorelse",),
        keywords=("skadegörelse", "vandalis", "sönderslag"),
    ),
    Theme(
        "graffiti",
        "Klotter",
        BRA,
        incident_categories=("Klotter",),
        crime_categories=("Klotter",),
        survey_items=("problem_klotter",),
        keywords=("klotter", "graffiti", "tagg"),
    ),
    Theme(
        "littering",
        "Nedskräpning",
        BRA,
        incident_categories=("Nedskräpning",),
        crime_categories=("Nedskräpning",),
        survey_items=("problem_nedskrapning",),
        keywords=("skräp", "nedskräp"),
    ),
    Theme(
        "unsafe_places",
        "Otrygga platser",
        BRA,
        incident_categories=("Otrygg plats",),
        kpis=("N07609",),
        survey_items=("problem_belysning",),
        keywords=("otrygg", "belysning", "mörk"),
    ),
    Theme(
        "disorder",
        "Ordningsstörningar",
        BRA,
        incident_categories=("Samling som stör ordningen",),
        crime_categories=("16-17 kap. Brott mot allmän ordning / allmän verksamhet",),
        event_types=("bråk", "ordningslagen", "ofredande/förargelse"),
        survey_items=("problem_ungdomar_stor",),
        keywords=("stör ordningen", "samling", "bråk", "oroligheter"),
    ),
    Theme(
        "burglary",
        "Inbrott",
        BRA,
        incident_categories=("Inbrott",),
        crime_categories=("Inbrottsstöld", "Bostadsinbrott"),
        event_types=("inbrott", "inbrott, försök", "stöld/inbrott"),
        kpis=("N07546",),
        keywords=("inbrott",),
    ),
    Theme(
        "fire",
        "Brand",
        BRA,
        incident_categories=("Brand",),
        event_types=("brand", "mordbrand"),
        keywords=("brand", "anlagd"),
    ),
    Theme(
        "violence",
        "Våld och hot",
        BRA,
        incident_categories=("Hot/våld mot personal",),
        crime_categories=("Misshandel", "Misshandel inklusive grov", "Olaga hot"),
        event_types=(
            "misshandel",
            "misshandel, grov",
            "olaga hot",
            "våld/hot mot tjänsteman",
            "rån",
            "rån, försök",
            "rån väpnat",
            "rån övrigt",
            "mord/dråp",
            "mord/dråp, försök",
            "skottlossning",
            "knivlagen",
        ),
        kpis=("N07403", "N07402"),
        keywords=("våld", "hot", "misshandel", "kniv", "våldsutsatt"),
    ),
    Theme(
        "youth_crime",
        "Ungdomsbrottslighet",
        BRA,
        event_types=("ofog barn/ungdom",),
        kpis=("N02905",),
        keywords=("ungdomsbrott", "unga som begår brott", "ungdomsgäng", "gäng", "rekryter"),
    ),
    Theme(
        "traffic",
        "Trafik och buskörning",
        BRA,
        incident_categories=("Buskörning (moped, A-traktor, snöskoter)", "Fortkörning"),
        crime_categories=("Trafikbrottslagen", "Rattfylleri", "Drograttfylleri"),
        event_types=(
            "trafikbrott",
            "rattfylleri",
            "olovlig körning",
            "trafikolycka",
            "trafikolycka, personskada",
            "trafikolycka, singel",
            "trafikolycka, smitning från",
        ),
        survey_items=("problem_buskorning", "problem_fortkorning"),
        keywords=("buskör", "snöskot", "moped", "a-traktor", "kör för fort", "fortkörning", "trafik"),
    ),
    # Psychological and physical health.
    Theme(
        "mental_health",
        "Psykisk ohälsa bland unga",
        HEALTH,
        keywords=("psykisk", "ohälsa", "ångest", "depression", "självskad", "mår dåligt"),
    ),
    Theme(
        "physical_activity",
        "Fysisk aktivitet",
        HEALTH,
        keywords=("fysisk aktivitet", "idrott", "stillasittande", "rörelse", "motion"),
    ),
    Theme(
        "social_exclusion",
        "Utanförskap",
        HEALTH,
        kpis=("N31807", "N31816"),
        keywords=("utanförskap", "ensam", "isolering", "arbetslös", "meningsfull fritid"),
    ),
)
