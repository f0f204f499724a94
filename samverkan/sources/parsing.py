"""Reading a file of a source, without Django: its problems, its text, its table.

What every parser shares (the parsers themselves are the sources' parse.py): the problems of a file as
FILE:LINE: field: what is wrong, in the language active while the file is read; the text of a file in the
encodings Brå and Excel export; a gzip file unpacked; the header and rows of a delimited text or of an XLSX
workbook's first sheet. A file that unpacks beyond its source's `max_unpacked`, or that is no table at all,
is one problem of the file (FILE: file: …). Storing what was read is samverkan.sources.importing.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from samverkan.core.exports import unquote_cell
from samverkan.core.lazytext import Text, _

# A problem's field when it is no column of the file.
HEADER = _("header")
FILE = _("file")
UNPACKS_TOO_LARGE = _("unpacks to more than {limit} MB; Samverkan reads files that unpack to at most {limit} MB")
NOT_A_WORKBOOK = _("is not a readable XLSX workbook: it is damaged or another kind of file")
NOT_A_TABLE = _("cannot be read as a table ({error})")
HAS_NUL = _("holds NUL characters: it is not a text file")
GZIP_MAGIC = b"\x1f\x8b"
MAX_UNPACKED_BYTES = 200 * 2**20  # the default of settings.IMPORT_MAX_UNPACKED_BYTES


@dataclass(frozen=True)
class Problem:
    """One problem of a file. A lazy field or message becomes text in the language active when it is found."""

    file: str
    line: int | None
    field: str | Text
    message: str | Text

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


class UnreadableFile(Exception):
    """A file that is no table; raised where the file's name is unknown, run_import names it."""

    def __init__(self, line: int | None, message: str | Text) -> None:
        super().__init__(str(message))
        self.line = line
        self.message = message


class Problems:
    """Collects the problems of one file while it is read."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, line: int | None, field_name: str | Text, message: str | Text) -> None:
        self.items.append(Problem(self.file, line, field_name, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFailed(self.items)


@dataclass(frozen=True)
class Source:
    """A file's name (or URL) and bytes. `max_unpacked` bounds what a gzip file or XLSX workbook may unpack to:
    run_import sets it from settings.IMPORT_MAX_UNPACKED_BYTES."""

    name: str
    data: bytes
    max_unpacked: int = MAX_UNPACKED_BYTES

    @property
    def short_name(self) -> str:
        return self.name if "://" in self.name else Path(self.name).name


def megabytes(size: int) -> str:
    return f"{size / 2**20:.3g}"


def decode_text(source: Source) -> str:
    """UTF-8 (with or without BOM) when it decodes, UTF-16 with its BOM, otherwise ISO-8859-1, as Brå and
    Excel export. Text with NUL characters is no table: refused (FILE:LINE: file: …)."""
    data = source.data
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("iso-8859-1")
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFailed([Problem(source.short_name, text.count("\n", 0, nul) + 1, FILE, HAS_NUL)])
    return text


def unpacked(source: Source) -> bytes:
    """The data of a gzip file unpacked, refused beyond the source's max_unpacked; other data as it is.

    Gzip data that does not unpack is returned as it is, for the parser to name the problem.
    """
    if source.data[:2] != GZIP_MAGIC:
        return source.data
    limit = source.max_unpacked
    data, result = source.data, bytearray()
    try:
        while data:  # a gzip file may hold several members, one after another
            if data[:2] != GZIP_MAGIC:
                return source.data
            unpacker = zlib.decompressobj(wbits=31)
            result += unpacker.decompress(data, limit + 1 - len(result))
            if len(result) > limit:
                problem = Problem(source.short_name, None, FILE, UNPACKS_TOO_LARGE.format(limit=megabytes(limit)))
                raise ImportFailed([problem])
            if not unpacker.eof:
                return source.data
            data = unpacker.unused_data.lstrip(b"\x00")  # as gzip.decompress, padding after a member is allowed
    except zlib.error:
        return source.data
    return bytes(result)


@dataclass(frozen=True)
class TableRow:
    line: int
    values: dict[str, str]


def read_table(text: str, *, delimiters: str = "\t;,") -> tuple[list[str], Iterator[TableRow]]:
    """A delimited table: its header and its non-empty rows with their line numbers, read as they are used.

    The delimiter is the one of `delimiters` that occurs most in the header line. Text that is no
    table (a field beyond the csv module's limit, a line break inside an unquoted field) raises
    UnreadableFile with its line.
    """
    first_line = re.search(r"[^\r\n]*\S[^\r\n]*", text)
    header_line = first_line.group() if first_line else ""
    delimiter = max(delimiters, key=header_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] = []

    def rows() -> Iterator[TableRow]:
        try:
            for values in reader:
                if not any(value.strip() for value in values):
                    continue
                cells = (unquote_cell(v.strip()) for v in values)
                yield TableRow(reader.line_num, dict(zip(header, cells, strict=False)))
        except csv.Error as error:
            raise UnreadableFile(reader.line_num, NOT_A_TABLE.format(error=error)) from error

    try:
        for values in reader:
            if any(value.strip() for value in values):
                header = [value.strip().strip("\ufeff") for value in values]
                break
    except csv.Error as error:
        raise UnreadableFile(reader.line_num, NOT_A_TABLE.format(error=error)) from error
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


def _not_a_workbook(source: Source) -> ImportFailed:
    return ImportFailed([Problem(source.short_name, None, FILE, NOT_A_WORKBOOK)])


def _xlsx_rows(source: Source) -> tuple[list[str], Iterator[TableRow]]:
    """The first sheet's header and rows, streamed: the header is read before any other row.

    The archive's members are checked first: a sheet that unpacks beyond the source's max_unpacked
    (a zip bomb) is refused before openpyxl opens it. The zip module never unpacks more than a
    member's declared size, so the declared sizes bound the work. Cells right of the header's last
    column are not read.
    """
    limit = source.max_unpacked
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            size = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise _not_a_workbook(source) from error
    if size > limit:
        problem = Problem(source.short_name, None, FILE, UNPACKS_TOO_LARGE.format(limit=megabytes(limit)))
        raise ImportFailed([problem])
    from openpyxl import load_workbook  # heavy: loaded with the first spreadsheet, not at start-up

    # openpyxl fails on a damaged or foreign file in many ways (zip, XML, KeyError, TypeError, ...);
    # every one of them means the same to the importer: this is no workbook it can read.
    try:
        workbook = load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
        sheet = workbook.active
        sheet.reset_dimensions()  # a sheet's declared size may be a lie: read the rows it has
        header = [_cell(value) for value in next(sheet.iter_rows(max_row=1, values_only=True), ())]
    except Exception as error:  # noqa: BLE001 - see above
        raise _not_a_workbook(source) from error

    def rows() -> Iterator[TableRow]:
        try:
            values = sheet.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
            for number, row in enumerate(values, start=2):
                cells = [_cell(value) for value in row]
                if any(cells):
                    yield TableRow(number, dict(zip(header, cells, strict=False)))
        except Exception as error:  # noqa: BLE001 - as when the workbook was opened
            raise _not_a_workbook(source) from error
        finally:
            workbook.close()

    return header, rows()


def read_rows(source: Source, *, delimiters: str = ",;\t") -> tuple[list[str], Iterator[TableRow]]:
    """The header and rows of an XLSX file (its first sheet) or of a delimited text file.

    The rows are read as they are used, so a caller checks the header before the rest is read.
    """
    if source.data[:2] == b"PK":  # an XLSX file is a zip archive
        return _xlsx_rows(source)
    return read_table(decode_text(source), delimiters=delimiters)
