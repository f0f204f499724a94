"""Reading one page of Kolada's data API (v2) into plain values. No database here.

    {"count": 2, "values": [
      {"kpi": "N07403", "municipality": "2506", "period": 2023,
       "values": [{"gender": "T", "count": 1, "status": "", "value": 1234.5}, …]}, …],
     "next_page": "https://api.kolada.se/v2/…"}   (only when there is more; v3 calls it "next_url")

An entry's municipality is a kommunkod, "0000" for Sweden or "00NN" for region (county) NN:
Kolada's municipality list answers {"id": "0001", "title": "Region Stockholm", "type": "L"},
so Region Norrbotten is "0025".
A value of null is kept: Kolada has the figure but no value for it. Problems carry the
1-based index of the entry in "values" as their line.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from samverkan.core import strict_json
from samverkan.core.bounds import statistics_year
from samverkan.core.lazytext import _
from samverkan.organisations.counties import COUNTIES
from samverkan.sources.parsing import Problems

GENDERS = ("T", "K", "M")
COUNTRY_ID = "0000"
COUNTRY = "00"
MAX_STATUS = 40  # as KpiValue stores it

NOT_JSON = _("is not valid JSON: {error}")
NO_VALUES = _('expected an object with a list of "values"')
NOT_AN_ENTRY = _("expected an object with kpi, municipality, period and values")
MISSING = _("is missing")
NOT_A_KPI = _("{value!r} is not a Kolada KPI id")
NOT_A_REGION = _("{value!r} is not a Kolada municipality or region id")
NOT_A_YEAR = _("{value!r} is not a year")
NOT_A_LIST = _("expected a list of values per gender")
UNKNOWN_GENDER = _("unknown gender {value!r} (expected T, K or M)")
NOT_A_NUMBER = _("{value!r} is not a number")
NOT_TEXT = _("{value!r} is not text")
TOO_LONG = _("is longer than {limit} characters")

_KPI_ID = re.compile(r"^[A-Z]\d{5}$")


@dataclass(frozen=True)
class KoladaValue:
    line: int
    kpi: str
    region_code: str
    year: int
    gender: str
    value: float | None
    status: str


@dataclass(frozen=True)
class KoladaPage:
    values: list[KoladaValue]
    next_page: str | None


def region_code(kolada_id: str) -> str | None:
    """Our region code for Kolada's id: kommunkod as it is, "00NN" → county NN, "0000" → "00"."""
    if kolada_id == COUNTRY_ID:
        return COUNTRY
    if len(kolada_id) != 4 or not kolada_id.isdigit():
        return None
    if kolada_id.startswith("00"):
        return kolada_id[2:] if kolada_id[2:] in COUNTIES else None
    return kolada_id


def _year(value: object) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and statistics_year(value):
        return value
    return None


def _number(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError as error:  # an integer beyond any float
            raise ValueError from error
        if math.isfinite(number):
            return number
    raise ValueError


def parse_kolada(text: str, problems: Problems) -> KoladaPage:
    """The values of one page; every problem is added to `problems`."""
    try:
        document = strict_json.loads(text)
    except ValueError as error:
        problems.add(None, "json", NOT_JSON.format(error=error))
        return KoladaPage([], None)
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        problems.add(None, "values", NO_VALUES)
        return KoladaPage([], None)
    values: list[KoladaValue] = []
    for line, entry in enumerate(document["values"], start=1):
        values.extend(_entry(line, entry, problems))
    next_page = document.get("next_page") or document.get("next_url")
    return KoladaPage(values, next_page if isinstance(next_page, str) and next_page else None)


def _entry(line: int, entry: object, problems: Problems) -> list[KoladaValue]:
    if not isinstance(entry, dict):
        problems.add(line, "values", NOT_AN_ENTRY)
        return []
    before = len(problems.items)
    kpi, municipality, period, genders = (entry.get(name) for name in ("kpi", "municipality", "period", "values"))
    for name, value in (("kpi", kpi), ("municipality", municipality), ("period", period), ("values", genders)):
        if value is None:
            problems.add(line, name, MISSING)
    if kpi is not None and not (isinstance(kpi, str) and _KPI_ID.match(kpi)):
        problems.add(line, "kpi", NOT_A_KPI.format(value=kpi))
    code = region_code(municipality) if isinstance(municipality, str) else None
    if municipality is not None and code is None:
        problems.add(line, "municipality", NOT_A_REGION.format(value=municipality))
    year = _year(period)
    if period is not None and year is None:
        problems.add(line, "period", NOT_A_YEAR.format(value=period))
    if genders is not None and not isinstance(genders, list):
        problems.add(line, "values", NOT_A_LIST)
    if len(problems.items) > before:
        return []
    # Without a problem each is there and of its kind.
    assert isinstance(kpi, str) and code is not None and year is not None and isinstance(genders, list)
    result = []
    for index, item in enumerate(genders):
        where = f"values[{index}]"
        if not isinstance(item, dict):
            problems.add(line, where, NOT_A_LIST)
            continue
        gender, value, status = item.get("gender"), item.get("value"), item.get("status") or ""
        ok = True
        if gender not in GENDERS:
            problems.add(line, f"{where}.gender", UNKNOWN_GENDER.format(value=gender))
            ok = False
        try:
            number = None if value is None else _number(value)
        except ValueError:
            problems.add(line, f"{where}.value", NOT_A_NUMBER.format(value=value))
            ok = False
        if not isinstance(status, str):
            problems.add(line, f"{where}.status", NOT_TEXT.format(value=status))
            ok = False
        elif len(status.strip()) > MAX_STATUS:
            problems.add(line, f"{where}.status", TOO_LONG.format(limit=MAX_STATUS))
            ok = False
        if ok:
            assert gender is not None  # one of GENDERS
            result.append(KoladaValue(line, kpi, code, year, gender, number, status.strip()))
    return result
