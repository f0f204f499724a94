"""`{% load ranked_problems %}`: what the ranked problems' tables say of their sources and evidence, in one place.

`{{ key|source_name }}` and `{{ problem.sources|source_names }}` name lib.ranking's sources;
`{{ evidence|evidence_figures }}` writes the figures beside an evidence's value (the period before, per 1,000
residents and present, the county and the country); `{% ranking_rule as rule %}` gives the weights and the
prior lib.ranking scores with, so the page's account of the rule is the rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.core.figures import figure
from samverkan.core.numbers import Kind
from samverkan.situation.lib.ranking import (
    CRIME,
    DIALOGUE,
    INCIDENTS,
    INDICATORS,
    INTERVAL,
    KOLADA,
    POLICE_EVENTS,
    PRIOR,
    SURVEY,
    WEIGHTS,
    Evidence,
)

register = template.Library()

SOURCE_NAMES = {
    INCIDENTS: gettext_lazy("Incidents"),
    POLICE_EVENTS: gettext_lazy("Police events"),
    CRIME: gettext_lazy("Brå"),
    KOLADA: gettext_lazy("Kolada"),
    INDICATORS: gettext_lazy("Indicators"),
    SURVEY: gettext_lazy("Safety survey"),
    DIALOGUE: gettext_lazy("Dialogues"),
}

# What each of lib.ranking's components measures, in the order of its WEIGHTS.
PARTS: dict[str, tuple[Promise, Promise]] = {
    "volume": (
        gettext_lazy("Volume"),
        gettext_lazy(
            "How much happens: incidents, police events and reported crimes, against the largest problem of the "
            "source as if it had %(prior)s more"
        ),
    ),
    "trend": (gettext_lazy("Trend"), gettext_lazy("The change against the period before")),
    "level": (
        gettext_lazy("Level"),
        gettext_lazy("Against the county: reported crimes, Kolada's key figures and the youth survey's shares"),
    ),
    "survey": (gettext_lazy("Citizens' view"), gettext_lazy("The safety survey's problem index")),
    "dialogue": (gettext_lazy("Dialogues"), gettext_lazy("The share of dialogue participants who prioritised it")),
    "severity": (gettext_lazy("Severity"), gettext_lazy("The incidents' mean severity")),
}


@dataclass(frozen=True)
class Part:
    name: str
    measures: str
    weight: float  # 0–1


@dataclass(frozen=True)
class Rule:
    parts: tuple[Part, ...]
    prior: int  # observations at the reference level
    interval: float  # 0–1


@register.filter
def source_name(key: str) -> str:
    return str(SOURCE_NAMES.get(key, key))


@register.filter
def source_names(keys: Iterable[str]) -> str:
    return ", ".join(source_name(key) for key in keys)


@register.filter
def evidence_figures(evidence: Evidence) -> str:
    """The figures beside an evidence's value, "" when there are none. A count's county and country are given per
    1,000 residents, so they stand beside its rate; another figure's beside the figure itself."""
    kind = cast(Kind, "rate" if evidence.kind == "count" else evidence.kind)
    compared = [
        text % {"value": figure(value, kind)}
        for text, value in ((_("county %(value)s"), evidence.county), (_("country %(value)s"), evidence.country))
        if value is not None
    ]
    parts = []
    if evidence.previous is not None:
        parts.append(_("period before %(value)s") % {"value": figure(evidence.previous, "count")})
    if evidence.per_1000 is not None or (compared and evidence.kind == "count"):
        rate = _("per 1,000 residents %(value)s") % {"value": figure(evidence.per_1000, "rate")}
        parts.append(f"{rate} ({', '.join(compared)})" if compared and evidence.kind == "count" else rate)
    if evidence.per_1000_present is not None:
        parts.append(_("per 1,000 present %(value)s") % {"value": figure(evidence.per_1000_present, "rate")})
    if evidence.kind != "count":
        parts += compared
    return "; ".join(parts)


@register.simple_tag
def ranking_rule() -> Rule:
    return Rule(
        tuple(
            Part(str(PARTS[key][0]), str(PARTS[key][1]) % {"prior": int(PRIOR)}, weight)
            for key, weight in WEIGHTS.items()
        ),
        int(PRIOR),
        INTERVAL,
    )
