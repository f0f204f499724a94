"""The rules every import follows.

1. Parse and validate the whole file; collect every problem as FILE:LINE: field: what is wrong,
   in the language active while the file is read: the visitor's in the web, LANGUAGE_CODE (Swedish)
   on the command line. The messages are lazy translations at module level, with named placeholders.
2. Any problem: nothing is written (ImportFailed carries the list).
3. Write only inside the importer's reach (check_reach), counting the stored rows a row would update:
   a municipality user writes the municipalities they work for; national and county rows are reference
   data, written by an administrator's upload or the command line (which runs as the operator).
4. Store in one transaction, comparing with what is there: a value that is already stored
   as it is counts as skipped, so importing the same file twice changes nothing.
5. Every stored value points at the ImportRun it came from (file or URL, when, who).
"""

from __future__ import annotations

import csv
import datetime
import io
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Protocol, TextIO

from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samverkan.core.exports import unquote_cell
from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Municipality
from samverkan.organisations.regions import region_label
from samverkan.sources.models import ImportRun

USER_AGENT = "Samverkan/0.1 (crime prevention collaboration; +https://github.com/samverkan)"
MAX_PREVIEW_CHANGES = 100

# A problem's field when it is no column of the file.
HEADER = _("header")
FILE = _("file")
URL = _("url")
NOT_FETCHED = _("could not be fetched: {error}")
NOT_YOURS = _("you may not import data for {names}")
REFERENCE_DATA = _("{region} is reference data: only an administrator imports national and county figures")


@dataclass(frozen=True)
class Problem:
    """One problem of a file. A lazy field or message becomes text in the language active when it is found."""

    file: str
    line: int | None
    field: str | Promise
    message: str | Promise

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", str(self.field))
        object.__setattr__(self, "message", str(self.message))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}"


class ImportFailed(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


class Problems:
    """Collects the problems of one file while it is read."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int | None, field_name: str | Promise, message: str | Promise) -> None:
        self.items.append(Problem(self.file, line, field_name, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFailed(self.items)


@dataclass(frozen=True)
class Source:
    name: str
    data: bytes

    @property
    def short_name(self) -> str:
        return self.name if "://" in self.name else Path(self.name).name


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
    field: str
    code: str
    message: str | Promise | None = None


class Importer(Protocol):
    key: ClassVar[str]  # as in the command: import_<key>
    label: ClassVar[str]  # a lazy translation, shown in the web
    accept: ClassVar[str]  # file endings for the upload field, e.g. ".csv,.txt"
    help: ClassVar[str]  # a lazy translation: the format, in one or two sentences

    def parse(self, source: Source) -> Batch: ...

    def store(self, batch: Batch, *, run: ImportRun, outcome: Outcome, out: TextIO | None) -> None: ...

    # Optional: `claims(self, batch) -> Iterable[Claim]`, every region the batch would write, including
    # those of the stored rows it would update. Without it, the batch's municipalities are its claims.


def _claims(importer: Importer, batch: Batch) -> Iterable[Claim]:
    claims = getattr(importer, "claims", None)
    if claims is not None:
        return claims(batch)
    return (Claim(None, "municipality", code) for code in sorted(batch.municipalities))


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
        problems.items.insert(0, Problem(source.short_name, None, "municipality", refused))
    problems.items = list(dict.fromkeys(problems.items))  # a line of several values is named once
    problems.raise_if_any()


def run_import(
    importer: Importer, source: Source, *, by=None, dry_run: bool = False, out: TextIO | None = None
) -> Outcome:
    """Parse, check the reach, then store all or nothing. A dry run, or a run that changes nothing, leaves no trace.

    A user's import reaches what reach_for gives; without a user (the command line, run by the operator)
    it reaches everywhere.
    """
    batch = importer.parse(source)
    check_reach(importer, source, batch, EVERYWHERE if by is None else reach_for(by))
    outcome = Outcome()
    with transaction.atomic():
        run = ImportRun.objects.create(source=importer.key, name=source.name, by=by)
        importer.store(batch, run=run, outcome=outcome, out=out)
        if dry_run or not outcome.changed:
            transaction.set_rollback(True)
        else:
            run.created, run.updated, run.skipped = outcome.created, outcome.updated, outcome.skipped
            run.save(update_fields=["created", "updated", "skipped"])
    return outcome


def read_source(argument: str, *, timeout: float = 30) -> Source:
    """The bytes of a file path or an http(s) URL."""
    if argument.startswith(("http://", "https://")):
        request = urllib.request.Request(argument, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Source(argument, response.read())
        except OSError as error:
            raise ImportFailed([Problem(argument, None, URL, NOT_FETCHED.format(error=error))]) from error
    path = Path(argument)
    try:
        return Source(str(path), path.read_bytes())
    except OSError as error:
        raise ImportFailed([Problem(argument, None, FILE, error.strerror or str(error))]) from error


def decode_text(source: Source) -> str:
    """UTF-8 (with or without BOM) when it decodes, otherwise ISO-8859-1, as Brå and Excel export."""
    try:
        return source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return source.data.decode("iso-8859-1")


@dataclass(frozen=True)
class TableRow:
    line: int
    values: dict[str, str]


def read_table(text: str, *, delimiters: str = "\t;,") -> tuple[list[str], Iterator[TableRow]]:
    """A delimited table: its header and its non-empty rows with their line numbers.

    The delimiter is the one of `delimiters` that occurs most in the header line.
    """
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = max(delimiters, key=header_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] = []

    def rows() -> Iterator[TableRow]:
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            cells = (unquote_cell(v.strip()) for v in values)
            yield TableRow(reader.line_num, dict(zip(header, cells, strict=False)))

    for values in reader:
        if any(value.strip() for value in values):
            header = [value.strip().strip("\ufeff") for value in values]
            break
    return header, rows()


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV file would hold."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


def read_rows(source: Source, *, delimiters: str = ",;\t") -> tuple[list[str], list[TableRow]]:
    """The header and rows of an XLSX file (its first sheet) or of a delimited text file."""
    if source.data[:2] == b"PK":  # an XLSX file is a zip archive
        from openpyxl import load_workbook  # heavy: loaded with the first spreadsheet, not at start-up

        sheet = load_workbook(io.BytesIO(source.data), read_only=True, data_only=True).active
        table = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        header = table[0] if table else []
        rows = [
            TableRow(number, dict(zip(header, values, strict=False)))
            for number, values in enumerate(table[1:], start=2)
            if any(values)
        ]
        return header, rows
    header, rows = read_table(decode_text(source), delimiters=delimiters)
    return header, list(rows)
