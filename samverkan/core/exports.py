"""Spreadsheet exports that a spreadsheet program never runs (CSV and formula injection).

A text cell beginning with = + - @, a tab or a carriage return may be read as a formula by Excel or
LibreOffice. Every export writes its rows through csv_text or xlsx_bytes: in CSV such a cell gets a
leading single quote, in XLSX it is a text cell (data type "s"), never a formula. Numbers stay
numbers, so a negative coordinate is not quoted. The importers read a quoted cell back without its
quote (unquote_cell), so an exported sheet imports as it was; a text typed with a leading quote
before one of these characters loses that quote on import, a price we accept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """The cell as a CSV file may hold it: a text that could start a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unquote_cell(value: str) -> str:
    """The cell as it was exported: neutralise undone."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False) -> str:
    """A CSV file of the header and rows, each text cell neutralised; with a BOM, Excel reads it as UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(value) for value in header])
    writer.writerows([neutralise(value) for value in row] for row in rows)
    return ("\ufeff" if bom else "") + out.getvalue()


def xlsx_bytes(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """An XLSX workbook of one sheet, every text cell written as text, never as a formula."""
    from openpyxl import Workbook  # heavy: loaded with the first spreadsheet, not at start-up

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in [header, *rows]:
        sheet.append(list(row))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
