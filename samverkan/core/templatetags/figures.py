"""`{% load figures %}{{ value|figure:"rate" }}`: a figure of a kind, in the active language (core/numbers.py)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from samverkan.core import figures
from samverkan.core.numbers import DECIMALS

register = template.Library()


@register.filter(name="figure", is_safe=True)
def figure(value: float | int | Decimal | str | None, kind: str) -> str:
    """The figure of `kind` ("count", "rate", "index", "mean", "percent", …); "–" for None or ""."""
    if value == "":
        value = None
    if kind not in DECIMALS:
        raise template.TemplateSyntaxError(f"figure: unknown kind {kind!r}; the kinds are {', '.join(DECIMALS)}")
    try:
        return figures.figure(value, kind)  # the kind is checked against DECIMALS above
    except (TypeError, ValueError, ArithmeticError):  # no figure (a date, NaN): as Django's filters do, as it is
        return str(value)
