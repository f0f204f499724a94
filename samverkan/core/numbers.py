"""The one way a figure is written, in text, tables, charts and PDFs alike. Pure: no Django here.

Every figure has a kind, and the kind fixes its decimals, so a page never shows "112,69" next to "121,4":

| kind       | what                                                   | decimals | e.g. (sv)  |
| ---------- | ------------------------------------------------------ | -------- | ---------- |
| `count`    | a number of things: incidents, answers, residents      | 0        | 12 345     |
| `average`  | a mean number of things: incidents in a mean month     | 1        | 4,3        |
| `rate`     | per 1 000 inhabitants (or present population)          | 1        | 4,3        |
| `per_100k` | per 100 000 inhabitants (BRÅ's reported crimes)        | 0        | 7 812      |
| `index`    | an index on 0–100 (the ranking score, Kolada's index)  | 1        | 76,4       |
| `mean`     | a survey mean on the 1–6 scale (the problem index)     | 1        | 4,5        |
| `percent`  | a percentage, given as 0–100                           | 0        | 38 %       |
| `share`    | a share, given as 0–1, written as a percentage         | 0        | 38 %       |
| `decimal`  | a measured value of no known kind (an indicator)       | 1        | 2,5        |
| `z`        | a Gi* z-score                                          | 2        | 1,96       |
| `degrees`  | a latitude or longitude (5 decimals: about a metre)    | 5        | 66,05016   |

A survey mean gets one decimal, not two: with the hundreds of answers a municipality's survey has, the standard
error of a mean on a 1–6 scale is about a tenth, so a second decimal would be noise shown as knowledge.

Swedish writes a decimal comma and a narrow no-break space (U+202F) between groups of thousands: the thin space
of Swedish typography (Språkrådet's "fast mellanrum", ISO 80000-1's "small space"), and one a line never breaks at,
which the plain thin space (U+2009) is not. A percentage gets a no-break space before "%" in Swedish ("38 %")
and none in English ("38%"). English writes a decimal point and a comma between thousands.

Rounding is half away from zero on the decimal figure (2.675 → 2.68, -0.05 → -0.1), never Python's
round-half-even on a binary float, and a figure that rounds to zero loses its minus sign. None is "–" (a figure
not there or kept back); a string passes unchanged (a mark of suppression the caller already wrote).
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, get_args

Kind = Literal["count", "average", "rate", "per_100k", "index", "mean", "percent", "share", "decimal", "z", "degrees"]

KINDS: tuple[Kind, ...] = get_args(Kind)
DECIMALS: dict[Kind, int] = {
    "count": 0,
    "average": 1,
    "rate": 1,
    "per_100k": 0,
    "index": 1,
    "mean": 1,
    "percent": 0,
    "share": 0,
    "decimal": 1,
    "z": 2,
    "degrees": 5,
}
PERCENT_KINDS: frozenset[Kind] = frozenset({"percent", "share"})

NOTHING = "–"  # an en dash: no figure
THIN = "\u202f"  # narrow no-break space: between thousands, in Swedish
NBSP = "\u00a0"  # no-break space: before "%" in Swedish

UNKNOWN_KIND = "unknown kind of figure {kind!r}; the kinds are " + ", ".join(KINDS)
NOT_A_FIGURE = "{value!r} is not a figure"


def is_swedish(language: str | None) -> bool:
    """Swedish unless the language is another one: "sv", "sv-se" and None (the product's default) are Swedish."""
    return language is None or language.lower().split("-")[0] in ("", "sv")


def fixed(value: float | int | Decimal, decimals: int, language: str | None = "sv") -> str:
    """`value` with exactly `decimals` decimals, in the language's way (for a chart's axis, whose step decides)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(NOT_A_FIGURE.format(value=value))
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(NOT_A_FIGURE.format(value=value))
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded.is_zero():
        rounded = abs(rounded)  # no "-0,0"
    text = f"{rounded:,.{decimals}f}"
    if is_swedish(language):
        return text.replace(",", THIN).replace(".", ",")
    return text


def figure(value: float | int | Decimal | str | None, kind: Kind, language: str | None = "sv") -> str:
    """`value` written as a figure of `kind`: its fixed decimals, the language's separators, "%" for a percentage."""
    if kind not in DECIMALS:
        raise ValueError(UNKNOWN_KIND.format(kind=kind))
    if value is None:
        return NOTHING
    if isinstance(value, str):
        return value
    if kind == "share":
        value = Decimal(repr(value)) * 100 if isinstance(value, float) else Decimal(value) * 100
    text = fixed(value, DECIMALS[kind], language)
    if kind in PERCENT_KINDS:
        return f"{text}{NBSP}%" if is_swedish(language) else f"{text}%"
    return text


def as_given(value: float | int | Decimal | str | None, language: str | None = "sv") -> str:
    """A value with the decimals it was given, in the language's way: a stored or imported value shown for
    checking (an import's preview, the audit log), where rounding would hide a change. "–" for None."""
    if value is None:
        return NOTHING
    if isinstance(value, str):
        return value
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exponent = exact.as_tuple().exponent
    return fixed(exact, max(0, -exponent) if isinstance(exponent, int) else 0, language)
