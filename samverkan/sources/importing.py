"""The rules every import follows.

1. Parse and validate the whole file, with no Django (samverkan.sources.parsing and the sources' parse.py);
   collect every problem as FILE:LINE: field: what is wrong, in the language active while the file is read:
   the visitor's in the web, LANGUAGE_CODE (Swedish) on the command line. The messages are lazy translations
   at module level, with named placeholders. A file larger than IMPORT_MAX_BYTES, a spreadsheet or gzip file
   that unpacks to more than IMPORT_MAX_UNPACKED_BYTES, or a file that is no table at all is one problem of
   the file (FILE: file: …).
2. Any problem: nothing is written (ImportFailed carries the list).
3. Write only inside the importer's reach (check_reach), counting the stored rows a row would update:
   a municipality user writes the municipalities they work for; national and county rows are reference
   data, written by an administrator's upload or the command line (which runs as the operator).
4. Plan, then apply. `plan` compares the file with what is stored and decides, without writing and
   outside any transaction, what is created, updated or skipped: a value that is already stored as it
   is counts as skipped, so importing the same file twice changes nothing. A preview (dry run) stops
   there, so it never takes the database's write lock. `apply` then writes the plan in bulk, in one
   short transaction; if someone changed the same rows in between, the whole import fails and can be
   run again (CHANGED_MEANWHILE).
5. Every stored value points at the ImportRun it came from (file or URL, when, who).
"""

from __future__ import annotations

import dataclasses
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Field, ForeignObjectRel, Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.core import figures
from samverkan.core.progress import Output
from samverkan.core.versions import services as versions
from samverkan.core.versions.models import SHARED
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import region_label
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import FILE, ImportFailed, Problem, Problems, Source, UnreadableFile

if TYPE_CHECKING:
    from django import forms

USER_AGENT = "Samverkan/0.1 (crime prevention collaboration; +https://github.com/samverkan)"
MAX_PREVIEW_CHANGES = 100

URL = _("url")
MUNICIPALITY = _("municipality")  # the field of a problem of the whole file's municipalities
NOT_FETCHED = _("could not be fetched: {error}")
NOT_YOURS = _("you may not import data for {names}")
REFERENCE_DATA = _("{region} is reference data: only an administrator imports national and county figures")
TOO_LARGE = _("is {size} MB; Samverkan imports files of at most {limit} MB")
CHANGED_MEANWHILE = _(
    "the stored data changed while the file was being imported, so nothing was imported: import it again"
)


class ChangedMeanwhile(Exception):
    """What `apply` found stored is not what `plan` saw: someone wrote the same rows in between."""


def expect_written(written: int, planned: int) -> None:
    """Refuse an apply that wrote fewer rows than planned (some were deleted since the plan)."""
    if written != planned:
        raise ChangedMeanwhile(f"{written} of {planned} row(s) written")


@dataclass
class Batch:
    """What a parser found: rows ready to store and the municipalities they concern."""

    rows: list[Any]
    municipalities: set[str] = field(default_factory=set)


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    skipped: int = 0
    changes: list[tuple[str, str]] = field(default_factory=list)

    def count(self, action: str, description: str) -> None:
        """Count a created, updated or skipped row; remember the first changes for the preview."""
        setattr(self, action, getattr(self, action) + 1)
        if action != "skipped" and len(self.changes) < MAX_PREVIEW_CHANGES:
            self.changes.append((action, description))

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def line(self) -> str:
        return f"imported: {self.created} created, {self.updated} updated, {self.skipped} skipped"


def _stored(field: Field | ForeignObjectRel) -> tuple[Field, str]:
    """A field kept in a column of the model's table, and the column (a relation seen from the other side has none)."""
    if not isinstance(field, Field) or field.column is None:
        raise TypeError(f"{field.name} is not stored in a column of the table")
    return field, field.column


def bulk_update(objects: Sequence[Model], fields: Sequence[str]) -> int:
    """Write the fields of stored objects with one prepared UPDATE run for every object; the rows updated.

    For `apply`: Django's QuerySet.bulk_update builds a CASE of every object for every field, which takes
    it seconds for a few thousand rows, inside the write transaction. Sends no signals, as bulk_update.
    """
    if not objects:
        return 0
    meta = type(objects[0])._meta
    stored = [_stored(meta.get_field(name)) for name in fields]
    pk, pk_column = _stored(meta.pk)
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(column)} = %s" for _field, column in stored)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(pk_column)} = %s"  # noqa: S608
    rows = [
        [field.get_db_prep_save(getattr(item, field.attname), connection) for field, _column in stored]
        + [pk.get_db_prep_save(item.pk, connection)]
        for item in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
        return cursor.rowcount


@dataclass
class Plan:
    """What an import would write, decided by `plan` from what is stored; `apply` writes it.

    Each importer's plan adds what its `apply` needs (new objects, changed objects, ...).
    """

    outcome: Outcome = field(default_factory=Outcome)


@dataclass(frozen=True)
class Reach:
    """Where an import may write: the kommunkoder of the importer's municipalities, or everywhere."""

    codes: frozenset[str] = frozenset()
    everywhere: bool = False

    def __bool__(self) -> bool:
        return self.everywhere or bool(self.codes)


EVERYWHERE = Reach(everywhere=True)


def reach_for(user) -> Reach:
    """An administrator (superuser or staff) reaches everywhere; anyone else the municipalities they write for."""
    if user.is_active and (user.is_superuser or user.is_staff):
        return EVERYWHERE
    codes = Municipality.objects.filter(id__in=scope_for(user).write_municipalities).values_list("code", flat=True)
    return Reach(codes=frozenset(codes))


@dataclass(frozen=True)
class Claim:
    """A region a row of the file would write: its own, or that of a stored row it would update.

    The code is a kommunkod, a county code, "00" for the country, or "" for none. Outside the reach the
    row is refused with the claim's message, if it has one; else as another municipality's data or as
    reference data.
    """

    line: int | None
    field: str | Promise
    code: str
    message: str | Promise | None = None


class Importer(Protocol):
    # Four attributes of the class, read only.
    @property
    def key(self) -> str: ...  # as in the command: import_<key>

    @property
    def label(self) -> str | Promise: ...  # a lazy translation, shown in the web

    @property
    def accept(self) -> str: ...  # file endings for the upload field, e.g. ".csv,.txt"

    @property
    def help(self) -> str | Promise: ...  # a lazy translation: the format, in one or two sentences

    def parse(self, source: Source) -> Batch: ...

    def plan(self, batch: Batch, *, out: Output | None) -> Plan:
        """Compare the batch with what is stored and count the Outcome (with the preview's first changes).
        Reads only: it runs outside any transaction, and a dry run ends with it."""
        ...

    def apply(self, plan: Plan, *, run: ImportRun) -> None:
        """Write the plan, in bulk, inside run_import's one transaction; every row written points at `run`.
        Raises ChangedMeanwhile (or the database an IntegrityError) when the stored rows changed since the plan."""
        ...

    # Optional: `claims(self, batch) -> Iterable[Claim]`, every region the batch would write, including
    # those of the stored rows it would update. Without it, the batch's municipalities are its claims.


class ConfigurableImporter(Importer, Protocol):
    """An importer with options of its own (the survey's wave and days), asked by its form in the web."""

    @property
    def options_form(self) -> type[forms.Form]: ...  # an attribute of the class

    def configured(self, **options: Any) -> Importer:
        """An importer with the options of the command or of the form's cleaned data."""
        ...


def _claims(importer: Importer, batch: Batch) -> Iterable[Claim]:
    claims = getattr(importer, "claims", None)
    if claims is not None:
        return claims(batch)
    return (Claim(None, MUNICIPALITY, code) for code in sorted(batch.municipalities))


def check_reach(importer: Importer, source: Source, batch: Batch, reach: Reach) -> None:
    """Refuse the whole file if any row would create or update a row outside the reach."""
    if reach.everywhere:
        return
    problems = Problems(source.short_name)
    outside: set[str] = set()
    for claim in _claims(importer, batch):
        if claim.code in reach.codes:
            continue
        if claim.message is not None:
            problems.add(claim.line, claim.field, claim.message)
        elif len(claim.code) == 4:  # another municipality's: named once, for the whole file
            outside.add(claim.code)
        else:
            problems.add(claim.line, claim.field, REFERENCE_DATA.format(region=region_label(claim.code)))
    if outside:
        names = list(Municipality.objects.filter(code__in=outside).order_by("name").values_list("name", flat=True))
        refused = NOT_YOURS.format(names=", ".join(names or sorted(outside)))
        problems.items.insert(0, Problem(source.short_name, None, MUNICIPALITY, refused))
    problems.items = list(dict.fromkeys(problems.items))  # a line of several values is named once
    problems.raise_if_any()


def run_import(
    importer: Importer, source: Source, *, by=None, dry_run: bool = False, out: Output | None = None
) -> Outcome:
    """Parse, check the reach and plan without writing; then apply all or nothing in one short transaction.

    A dry run, or a run that changes nothing, leaves no trace and takes no write lock. A user's import
    reaches what reach_for gives; without a user (the command line, run by the operator) it reaches everywhere.
    """
    source = dataclasses.replace(source, max_unpacked=settings.IMPORT_MAX_UNPACKED_BYTES)
    try:
        batch = importer.parse(source)
    except UnreadableFile as error:
        raise ImportFailed([Problem(source.short_name, error.line, FILE, error.message)]) from error
    check_reach(importer, source, batch, EVERYWHERE if by is None else reach_for(by))
    plan = importer.plan(batch, out=out)
    outcome = plan.outcome
    if dry_run or not outcome.changed:
        return outcome
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                source=importer.key,
                name=source.name,
                by=by,
                created=outcome.created,
                updated=outcome.updated,
                skipped=outcome.skipped,
            )
            importer.apply(plan, run=run)
            _bump_versions(importer, batch)
    except (ChangedMeanwhile, IntegrityError) as error:
        raise ImportFailed([Problem(source.short_name, None, FILE, CHANGED_MEANWHILE)]) from error
    return outcome


def _bump_versions(importer: Importer, batch: Batch) -> None:
    """Bulk writes send no signals: the import bumps the data versions of what it wrote (core.versions), in its
    transaction: its municipalities', and the shared one for a county's, the country's or reference data."""
    codes = {claim.code for claim in _claims(importer, batch)}
    municipalities = list(Municipality.objects.filter(code__in=codes).values_list("id", flat=True))
    shared = [SHARED] if any(len(code) != 4 for code in codes) else []
    versions.bump([*municipalities, *shared], versions.DATA)
    if importer.key == "survey":  # the waves its neighbours' pictures compare
        versions.bump(municipalities, versions.SURVEY)


def check_size(name: str, size: int) -> None:
    """Refuse a file larger than IMPORT_MAX_BYTES, before it is read."""
    if size > settings.IMPORT_MAX_BYTES:
        limit = _megabytes(settings.IMPORT_MAX_BYTES)
        raise ImportFailed([Problem(name, None, FILE, TOO_LARGE.format(size=_megabytes(size), limit=limit))])


def _megabytes(size: int) -> str:
    """A size in MB as the page writes figures: a tenth where it is no whole number (12,5 in Swedish)."""
    value = round(size / 2**20, 1)
    return figures.fixed(value, 0 if value.is_integer() else 1)


def read_source(argument: str, *, timeout: float = 30) -> Source:
    """The bytes of a file path or an http(s) URL, at most IMPORT_MAX_BYTES of them."""
    limit = settings.IMPORT_MAX_BYTES
    if argument.startswith(("http://", "https://")):
        request = urllib.request.Request(argument, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                data = response.read(limit + 1)
        except OSError as error:
            raise ImportFailed([Problem(argument, None, URL, NOT_FETCHED.format(error=error))]) from error
        check_size(argument, len(data))
        return Source(argument, data)
    path = Path(argument)
    try:
        check_size(argument, path.stat().st_size)
        return Source(str(path), path.read_bytes())
    except OSError as error:
        raise ImportFailed([Problem(argument, None, FILE, error.strerror or str(error))]) from error
