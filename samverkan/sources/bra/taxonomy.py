"""Brå's crime categories form a tree; where an export does not show it, this is where they belong.

A category's parent comes, in this order, from the export's indentation, from the tree already
stored, from the common labels below, and otherwise it sits directly under "Totalt antal brott".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

ROOT = "Totalt antal brott"
PENAL_CODE = "Brott mot brottsbalken"
SPECIAL_LAWS = "Brott mot specialstraffrättsliga författningar"
PERSON = "3-7 kap. Brott mot person"
THEFT = "8 kap. Stöld, rån m.m."
DAMAGE = "12 kap. Skadegörelsebrott"

# The common labels of SOL, child -> parent.
TAXONOMY: dict[str, str] = {
    PENAL_CODE: ROOT,
    SPECIAL_LAWS: ROOT,
    PERSON: PENAL_CODE,
    THEFT: PENAL_CODE,
    "9-11 kap. Bedrägeri, förskingring m.m.": PENAL_CODE,
    DAMAGE: PENAL_CODE,
    "13-15 kap. Allmänfarliga brott, brott mot frihet m.m.": PENAL_CODE,
    "16-17 kap. Brott mot allmän ordning / allmän verksamhet": PENAL_CODE,
    "18-22 kap. Brott mot staten m.m.": PENAL_CODE,
    "Misshandel": PERSON,
    "Misshandel inklusive grov": PERSON,
    "Ofredande": PERSON,
    "Olaga hot": PERSON,
    "Sexualbrott": PERSON,
    "Stöld ur eller från motorfordon": THEFT,
    "Inbrottsstöld": THEFT,
    "Bostadsinbrott": THEFT,
    "Butiksstöld": THEFT,
    "Rån": THEFT,
    "Skadegörelse": DAMAGE,
    "Klotter": DAMAGE,
    "Narkotikastrafflagen": SPECIAL_LAWS,
    "Trafikbrottslagen": SPECIAL_LAWS,
    "Vapenlagen": SPECIAL_LAWS,
    "Alkohollagen": SPECIAL_LAWS,
    "Lagen om förbud beträffande knivar": SPECIAL_LAWS,
    "Skattebrottslagen": SPECIAL_LAWS,
    "Smugglingslagen": SPECIAL_LAWS,
    "Miljöbalken": SPECIAL_LAWS,
}


def _fallback(name: str, known: Mapping[str, str | None]) -> str | None:
    if name == ROOT:
        return None
    if name in known:
        return known[name]
    return TAXONOMY.get(name, ROOT)


def category_parents(
    names: Iterable[str], *, indented: Mapping[str, str], known: Mapping[str, str | None]
) -> dict[str, str | None]:
    """Every category of `names` and all its ancestors, each with its parent.

    `indented` holds the parents an export showed by indentation, `known` the stored tree. A parent
    that would make a category its own ancestor is replaced by the root, so the tree has no cycles.
    """
    parents: dict[str, str | None] = {}

    def parent_of(name: str, *, placed_only: bool) -> str | None:
        if name in parents:
            return parents[name]
        return None if placed_only else _fallback(name, known)

    def ancestors(name: str | None, *, placed_only: bool) -> list[str]:
        found: list[str] = []
        while name is not None and name not in found:
            found.append(name)
            name = parent_of(name, placed_only=placed_only)
        return found

    def place(name: str, parent: str | None, *, placed_only: bool = False) -> None:
        if name not in parents:
            cycle = parent is not None and name in ancestors(parent, placed_only=placed_only)
            parents[name] = (None if name == ROOT else ROOT) if cycle else parent

    # The export's indentation first: where it contradicts the stored tree, the export wins.
    for name, parent in indented.items():
        place(name, None if name == ROOT else parent, placed_only=True)
    for name in [*indented, *names]:
        current: str | None = name
        while current is not None:  # up to the root: the tree has no cycles
            place(current, _fallback(current, known))
            current = parents[current]
    return parents


def _natural_key(name: str) -> list[int | str]:
    """Chapters by number ("3-7 kap." before "12 kap."), then the other labels alphabetically."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name.casefold())]


def tree_order(parents: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """The path from the root of every category, depth first, siblings in natural order."""
    children: dict[str | None, list[str]] = {}
    for name, parent in parents.items():
        children.setdefault(parent if parent in parents else None, []).append(name)
    paths: list[tuple[str, ...]] = []

    def visit(parent: str | None, path: tuple[str, ...]) -> None:
        for name in sorted(children.get(parent, []), key=_natural_key):
            paths.append((*path, name))
            visit(name, (*path, name))

    visit(None, ())
    return paths
