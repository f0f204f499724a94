"""Region codes shared by every source: a municipality's kommunkod (4 digits), a county's
län code (2 digits) or "00" for the whole country."""

from __future__ import annotations

from samverkan.organisations.counties import COUNTIES
from samverkan.organisations.models import Municipality

COUNTRY = "00"
COUNTRY_NAMES = ("hela landet", "riket", "sverige")


def region_names() -> dict[str, str]:
    """Lower-case region name -> code, in the forms statistics exports use."""
    names = {name: COUNTRY for name in COUNTRY_NAMES}
    for code, county in COUNTIES.items():
        names[county.lower()] = code
    for code, name in Municipality.objects.values_list("code", "name"):
        for form in (name, f"{name} kommun", f"{name}s kommun"):
            names[form.lower()] = code
    return names


def region_label(code: str) -> str:
    if code == COUNTRY:
        return "Hela landet"
    if len(code) == 2:
        return COUNTIES.get(code, code)
    return Municipality.objects.filter(code=code).values_list("name", flat=True).first() or code
