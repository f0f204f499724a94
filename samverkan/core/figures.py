"""Figures written in the active language: the Django side of `samverkan.core.numbers`.

Views, PDFs and the charts a view draws call `figure(value, "rate")`; templates use the filter of the same name
(`{% load figures %}{{ value|figure:"rate" }}`). Both read the active language, so an English page gets "1,234.5"
and a Swedish one "1 234,5".
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import get_language

from samverkan.core import numbers
from samverkan.core.numbers import Kind


def language() -> str:
    """The active language's code ("sv" or "en"); Swedish outside a request."""
    return get_language() or "sv"


def swedish() -> bool:
    return numbers.is_swedish(language())


def figure(value: float | int | Decimal | str | None, kind: Kind) -> str:
    """`value` as a figure of `kind` in the active language (see `samverkan.core.numbers`)."""
    return numbers.figure(value, kind, language())


def fixed(value: float | int | Decimal, decimals: int) -> str:
    """`value` with exactly `decimals` decimals in the active language (a chart's axis)."""
    return numbers.fixed(value, decimals, language())


def as_given(value: float | int | Decimal | str | None) -> str:
    """A value with the decimals it was given, in the active language (an import's preview, the audit log)."""
    return numbers.as_given(value, language())
