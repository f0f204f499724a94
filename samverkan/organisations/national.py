"""Storing the national reference data (lib/national.py reads the files): the residents of each municipality
(ResidentCount), the police organisation (Organisation: police region → polisområde → lokalpolisområde, and the
municipalities each covers) and the present population (PresentPopulation).

The bundled files (data/population.csv, data/police_areas.csv) are loaded with the municipalities
(`samverkan load_municipalities`); `import_population`, `import_police_areas` and `import_present_population`
read a file of one's own through the same functions. Each checks the whole file against the database first and
writes it in one transaction, or writes nothing and raises NationalDataError with every problem.

The police organisation is matched by name: an organisation named "Polisregion Nord", "Polisområde X" (or "PO X"),
"Lokalpolisområde X" (or "LPO X") is the one the file means, whoever made it, so a second run or a demo's
"Lokalpolisområde Piteå älvdal" never gets a twin. An empty polisområde or lokalpolisområde means "not known",
never "none": a finer division made by hand (in the admin) under the right region is kept. A municipality is
taken out of another police organisation only when the file places it elsewhere: in another region, or in a
named polisområde or lokalpolisområde. Nothing is ever deleted: no organisation, no membership.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from samverkan.core.versions import services as versions
from samverkan.organisations.lib.national import (
    AREA_ALIASES,
    DISTRICT_ALIASES,
    NationalDataError,
    PoliceRow,
    PopulationFigure,
    PresentRow,
    area_name,
    decode,
    district_name,
    parse_police_areas,
    parse_population,
    parse_present_population,
    region_name,
)
from samverkan.organisations.models import Municipality, Organisation, PresentPopulation, ResidentCount

DATA = Path(__file__).parent / "data"
BUNDLED_POPULATION = DATA / "population.csv"
BUNDLED_POLICE_AREAS = DATA / "police_areas.csv"
POPULATION_SOURCE = "SCB, folkmängd 31 december"
PRESENT_SOURCE = "Import: närvarande befolkning ({file})"
K = Organisation.Kind
POLICE_KINDS = (K.POLICE_REGION, K.POLICE_DISTRICT, K.POLICE_AREA)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # figures of another source a load leaves as they are

    def line(self, label: str) -> str:
        text = f"{label}: {self.created} created, {self.updated} updated, {self.unchanged} unchanged"
        return text + (f", {self.kept} kept (another source)" if self.kept else "")


def read(path: Path) -> str:
    """A file's text, UTF-8 (with or without BOM) or ISO-8859-1."""
    return decode(path.read_bytes())


@dataclass(frozen=True)
class BundledResult:
    residents: Counts
    police: PoliceCounts


def bundled_load() -> BundledResult:
    """The bundled population (2015–2020) and police organisation, for the municipalities the database has."""
    figures = parse_population(read(BUNDLED_POPULATION), file=BUNDLED_POPULATION.name)
    rows = parse_police_areas(read(BUNDLED_POLICE_AREAS), file=BUNDLED_POLICE_AREAS.name)
    with transaction.atomic():
        residents = population_load(
            figures=figures, file=BUNDLED_POPULATION.name, skip_unknown=True, replace_other_sources=False
        )
        police = police_areas_load(rows=rows, file=BUNDLED_POLICE_AREAS.name, skip_unknown=True)
    return BundledResult(residents, police)


def population_import(path: Path) -> Counts:
    """`samverkan import_population FILE`: SCB's export of BE0101N1, all or nothing."""
    return population_load(figures=parse_population(read(path), file=path.name), file=path.name)


def police_areas_import(path: Path) -> PoliceCounts:
    """`samverkan import_police_areas FILE`, all or nothing."""
    return police_areas_load(rows=parse_police_areas(read(path), file=path.name), file=path.name)


def present_population_import(path: Path) -> Counts:
    """`samverkan import_present_population FILE`, all or nothing."""
    return present_population_load(rows=parse_present_population(read(path), file=path.name), file=path.name)


def _municipalities(
    codes: Iterable[tuple[int, str]], *, file: str, skip_unknown: bool
) -> tuple[dict[str, Municipality], list[str]]:
    """The municipalities of the codes, and a problem for each code no municipality has (unless skipped)."""
    pairs = list(codes)
    known = {m.code: m for m in Municipality.objects.filter(code__in={code for _, code in pairs})}
    problems = [] if skip_unknown else _unknown(pairs, known, file)
    return known, problems


def _unknown(pairs: list[tuple[int, str]], known: dict[str, Municipality], file: str) -> list[str]:
    reported: set[str] = set()
    problems = []
    for line, code in pairs:
        if code not in known and code not in reported:
            reported.add(code)
            problems.append(f"{file}:{line}: kommunkod: no municipality has the code {code}")
    return problems


# --- Residents ----------------------------------------------------------------------------------------------


def population_load(
    *, figures: list[PopulationFigure], file: str, skip_unknown: bool = False, replace_other_sources: bool = True
) -> Counts:
    """Store the residents of each municipality and year (ResidentCount, source "SCB, folkmängd 31 december").
    A figure of another source (the demo's, one typed in the admin) is replaced by an import and kept by the
    bundled load (`replace_other_sources=False`). Figures of years the file does not have stay."""
    known, problems = _municipalities(((f.line, f.code) for f in figures), file=file, skip_unknown=skip_unknown)
    if problems:
        raise NationalDataError(problems)
    figures = [f for f in figures if f.code in known]
    counts = Counts()
    with transaction.atomic():
        existing = {
            (r.municipality_id, r.year): r
            for r in ResidentCount.objects.filter(municipality__in=known.values()).select_for_update()
        }
        new, changed = [], []
        for figure in figures:
            municipality = known[figure.code]
            current = existing.get((municipality.id, figure.year))
            if current is None:
                new.append(
                    ResidentCount(
                        municipality=municipality,
                        year=figure.year,
                        residents=figure.residents,
                        source=POPULATION_SOURCE,
                    )
                )
            elif (current.residents, current.source) == (figure.residents, POPULATION_SOURCE):
                counts.unchanged += 1
            elif current.source != POPULATION_SOURCE and not replace_other_sources:
                counts.kept += 1
            else:
                current.residents, current.source = figure.residents, POPULATION_SOURCE
                changed.append(current)
        ResidentCount.objects.bulk_create(new, batch_size=500)
        ResidentCount.objects.bulk_update(changed, ["residents", "source"], batch_size=500)
        versions.bump({r.municipality_id for r in [*new, *changed]})  # bulk writes send no signals
    counts.created, counts.updated = len(new), len(changed)
    return counts


# --- The police organisation ----------------------------------------------------------------------------------


@dataclass
class PoliceCounts:
    organisations: Counts = field(default_factory=Counts)
    added: int = 0  # a municipality put into a police organisation it was not in
    moved: int = 0  # … and taken out of another (the file places it elsewhere)
    unchanged: int = 0

    def lines(self) -> list[str]:
        return [
            self.organisations.line("police organisations"),
            f"police coverage: {self.added} municipalities added, {self.moved} moved, {self.unchanged} unchanged",
        ]


@dataclass(frozen=True)
class _Wanted:
    kind: str
    name: str  # as it is created
    names: tuple[str, ...]  # the names it may already go by
    line: int
    parent: _Wanted | None


def _wanted(rows: list[PoliceRow]) -> dict[tuple[str, str], _Wanted]:
    wanted: dict[tuple[str, str], _Wanted] = {}
    for row in rows:
        region = wanted.setdefault(
            (K.POLICE_REGION, row.region.casefold()),
            _Wanted(K.POLICE_REGION, region_name(row.region), (region_name(row.region),), row.line, None),
        )
        parent = region
        if row.district:
            names = (district_name(row.district), *(alias + row.district for alias in DISTRICT_ALIASES))
            parent = wanted.setdefault(
                (K.POLICE_DISTRICT, row.district.casefold()),
                _Wanted(K.POLICE_DISTRICT, names[0], names, row.line, region),
            )
        if row.area:
            names = (area_name(row.area), *(alias + row.area for alias in AREA_ALIASES))
            wanted.setdefault(
                (K.POLICE_AREA, row.area.casefold()), _Wanted(K.POLICE_AREA, names[0], names, row.line, parent)
            )
    return wanted


def _key(row: PoliceRow) -> tuple[str, str]:
    if row.area:
        return (K.POLICE_AREA, row.area.casefold())
    if row.district:
        return (K.POLICE_DISTRICT, row.district.casefold())
    return (K.POLICE_REGION, row.region.casefold())


def police_areas_load(*, rows: list[PoliceRow], file: str, skip_unknown: bool = False) -> PoliceCounts:
    """Make the police organisation the rows describe (see the module's docstring for what is kept)."""
    known, problems = _municipalities(((r.line, r.code) for r in rows), file=file, skip_unknown=skip_unknown)
    rows = [r for r in rows if r.code in known]
    wanted = _wanted(rows)
    by_name = {o.name.casefold(): o for o in Organisation.objects.all()}
    found: dict[tuple[str, str], Organisation] = {}
    for key, want in wanted.items():
        match = next((by_name[n.casefold()] for n in want.names if n.casefold() in by_name), None)
        if match is not None and match.kind != want.kind:
            problems.append(
                f"{file}:{want.line}: {_FIELD[want.kind]}: the organisation {match.name!r} is of the kind "
                f"{match.kind}, not {want.kind}"
            )
        elif match is not None:
            found[key] = match
    if problems:
        raise NationalDataError(problems)

    counts = PoliceCounts()
    with transaction.atomic():
        made: dict[tuple[str, str], Organisation] = {}
        # Parents first: regions, then polisområden, then lokalpolisområden.
        order: dict[str, int] = {K.POLICE_REGION: 0, K.POLICE_DISTRICT: 1, K.POLICE_AREA: 2}
        key_of = {id(w): k for k, w in wanted.items()}
        for key, want in sorted(wanted.items(), key=lambda item: order[item[1].kind]):
            parent = made[key_of[id(want.parent)]] if want.parent is not None else None
            organisation = found.get(key)
            if organisation is None:
                made[key] = Organisation.objects.create(name=want.name, kind=want.kind, parent=parent)
                counts.organisations.created += 1
                continue
            made[key] = organisation
            if parent is not None and not _keeps_parent(organisation, want, parent):
                organisation.parent = parent
                organisation.save(update_fields=["parent"])
                counts.organisations.updated += 1
            else:
                counts.organisations.unchanged += 1
        _cover(rows, known, made, counts)
    return counts


_FIELD: dict[str, str] = {
    K.POLICE_REGION: "region",
    K.POLICE_DISTRICT: "polisområde",
    K.POLICE_AREA: "lokalpolisområde",
}


def _ancestors(organisation: Organisation) -> list[Organisation]:
    chain, seen = [], {organisation.pk}
    current = organisation.parent
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.parent
    return chain


def _keeps_parent(organisation: Organisation, want: _Wanted, parent: Organisation) -> bool:
    """Whether the organisation's parent is what the file says: the parent itself, or, for a lokalpolisområde
    whose polisområde the file does not know, a polisområde made by hand under the file's region."""
    if organisation.parent_id == parent.pk:
        return True
    if want.kind == K.POLICE_AREA and parent.kind == K.POLICE_REGION and organisation.parent is not None:
        return organisation.parent.kind == K.POLICE_DISTRICT and organisation.parent.parent_id == parent.pk
    return False


def _cover(
    rows: list[PoliceRow],
    known: dict[str, Municipality],
    made: dict[tuple[str, str], Organisation],
    counts: PoliceCounts,
) -> None:
    """Each municipality in the organisations the file names for it (or in one under them), and out of the
    police organisations that place it elsewhere (the module's docstring)."""
    police = list(Organisation.objects.filter(kind__in=POLICE_KINDS).select_related("parent"))
    kinds = {o.pk: o.kind for o in police}
    # Each police organisation with the organisations above it, itself first.
    lineage = {o.pk: [o.pk, *(a.pk for a in _ancestors(o))] for o in police}
    through = Organisation.municipalities.through
    links: dict[int, set[int]] = defaultdict(set)  # municipality → the police organisations directly covering it
    for organisation_id, municipality_id in through.objects.filter(organisation__in=police).values_list(
        "organisation_id", "municipality_id"
    ):
        links[municipality_id].add(organisation_id)
    targets: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        targets[row.code].add(made[_key(row)].pk)

    to_add, to_remove = [], []
    for code, wanted in targets.items():
        municipality = known[code]
        current = links.get(municipality.pk, set())
        region = lineage[next(iter(wanted))][-1]
        specific = any(kinds[t] != K.POLICE_REGION for t in wanted)
        inside = {o for o in current if wanted & set(lineage[o])}
        missing = {t for t in wanted if not any(t in lineage[o] for o in inside)}
        # Elsewhere: in another region; when the file names a polisområde or lokalpolisområde, in any other police
        # organisation. A police organisation under no region (made by hand) keeps a municipality given by region.
        elsewhere = {
            o
            for o in current - inside
            if specific or (kinds.get(lineage[o][-1]) == K.POLICE_REGION and lineage[o][-1] != region)
        }
        if not missing and not elsewhere:
            counts.unchanged += 1
            continue
        to_add += [through(organisation_id=t, municipality_id=municipality.pk) for t in missing]
        to_remove += [(o, municipality.pk) for o in elsewhere]
        if elsewhere:
            counts.moved += 1
        else:
            counts.added += 1
    for organisation_id, municipality_id in to_remove:
        through.objects.filter(organisation_id=organisation_id, municipality_id=municipality_id).delete()
    through.objects.bulk_create(to_add, batch_size=500)
    if to_add or to_remove:
        versions.bump_shared()  # a police area's municipalities are every one of theirs' neighbours


# --- The present population -----------------------------------------------------------------------------------


def present_population_load(*, rows: list[PresentRow], file: str) -> Counts:
    """Store the present population of each municipality and month: the residents are those of the month's year
    (ResidentCount), or of the latest year before it; the visitors are the rest, never fewer than none."""
    known, problems = _municipalities(((r.line, r.code) for r in rows), file=file, skip_unknown=False)
    residents: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for municipality_id, year, count in (
        ResidentCount.objects.filter(municipality__in=known.values())
        .order_by("year")
        .values_list("municipality_id", "year", "residents")
    ):
        residents[municipality_id].append((year, count))
    values: list[tuple[PresentRow, Municipality, int, int, int]] = []
    for row in rows:
        municipality = known.get(row.code)
        if municipality is None:
            continue
        earlier = [(year, count) for year, count in residents[municipality.pk] if year <= row.year]
        if not earlier:
            problems.append(
                f"{file}:{row.line}: kommunkod: {row.code} has no residents for {row.year} or a year before it "
                f"(load them first: load_municipalities or import_population)"
            )
            continue
        year, count = earlier[-1]
        if row.present < count:
            problems.append(
                f"{file}:{row.line}: present_population: {row.present} is fewer than the {count} residents of "
                f"{year}: visitors cannot be fewer than none"
            )
            continue
        values.append((row, municipality, count, row.present - count, year))
    if problems:
        raise NationalDataError(sorted(problems, key=lambda problem: int(problem[len(file) + 1 :].split(":")[0])))
    counts = Counts()
    source = PRESENT_SOURCE.format(file=file)
    with transaction.atomic():
        existing = {
            (p.municipality_id, p.year, p.month): p
            for p in PresentPopulation.objects.filter(municipality__in=known.values()).select_for_update()
        }
        new, changed = [], []
        for row, municipality, count, visitors, _year in values:
            current = existing.get((municipality.pk, row.year, row.month))
            if current is None:
                new.append(
                    PresentPopulation(
                        municipality=municipality,
                        year=row.year,
                        month=row.month,
                        residents=count,
                        visitors=visitors,
                        source=source,
                    )
                )
            elif (current.residents, current.visitors) == (count, visitors):
                counts.unchanged += 1
            else:
                current.residents, current.visitors, current.source = count, visitors, source
                changed.append(current)
        PresentPopulation.objects.bulk_create(new)
        PresentPopulation.objects.bulk_update(changed, ["residents", "visitors", "source"])
        versions.bump({p.municipality_id for p in [*new, *changed]})
    counts.created, counts.updated = len(new), len(changed)
    return counts
