"""Files too large, zip bombs and files that are no table: one problem of the file, never a traceback."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from samverkan.sources.importing import run_import
from samverkan.sources.incidents.models import Incident
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Source, TableRow, read_rows
from samverkan.sources.registry import IMPORTERS

HEADER = ["id", "occurred_from", "kommunkod", "lat", "lng", "category", "severity", "status", "description"]
ROW = ["est-1", "2026-01-14 22:10", "2506", "66.5", "17.5", "Klotter", "1", "ny", "Klotter på elskåp"]
SHEET = "xl/worksheets/sheet1.xml"


def workbook(*rows: list[str]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def with_sheet(xlsx: bytes, write_sheet) -> bytes:
    """The workbook with its first sheet replaced by what write_sheet writes to the open member."""
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as original, zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            if member.filename == SHEET:
                with copy.open(SHEET, "w", force_zip64=True) as sheet:
                    write_sheet(sheet)
            else:
                copy.writestr(member, original.read(member))
    return result.getvalue()


def zip_bomb(unpacked_mb: int) -> bytes:
    """A real workbook whose sheet is its header and then `unpacked_mb` MB of blanks: a few hundred kB packed."""
    start = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'

    def write(sheet) -> None:
        sheet.write(start)
        for _megabyte in range(unpacked_mb):
            sheet.write(b" " * 2**20)
        sheet.write(b"</sheetData></worksheet>")

    return with_sheet(workbook(HEADER, ROW), write)


def upload(client, name: str, data: bytes, key: str = "incidents"):
    return client.post(reverse("import_upload", args=[key]), {"file": SimpleUploadedFile(name, data)})


def problems(response) -> list[str]:
    return [str(problem) for problem in response.context["problems"]]


def import_failing(key: str, name: str, data: bytes) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        run_import(IMPORTERS[key], Source(name, data))
    return [str(problem) for problem in failed.value.problems]


def test_it_refuses_an_upload_larger_than_the_limit_before_reading_it(client, world, settings, in_english):
    settings.IMPORT_MAX_BYTES = 2**20
    client.force_login(world.alice)
    large = (",".join(HEADER) + "\n").encode() + b" " * (3 * 2**19)  # 1.5 MB

    response = upload(client, "est.csv", large)

    assert response.status_code == 413
    assert problems(response) == ["est.csv: file: is 1.5 MB; Samverkan imports files of at most 1 MB"]
    assert not (settings.DATA_DIR / "uploads").exists() or not any((settings.DATA_DIR / "uploads").iterdir())


def test_it_writes_the_size_with_a_decimal_comma_in_swedish(client, world, settings):
    settings.IMPORT_MAX_BYTES = 2**20
    client.force_login(world.alice)
    large = (",".join(HEADER) + "\n").encode() + b" " * (3 * 2**19)  # 1.5 MB

    (problem,) = problems(upload(client, "est.csv", large))

    assert " 1,5 MB" in problem and "1.5" not in problem


def test_it_tells_the_limit_on_the_upload_page(client, world, in_english):
    client.force_login(world.alice)
    response = client.get(reverse("import_upload", args=["incidents"]))
    assert "At most 20 MB." in response.content.decode()


def test_it_refuses_a_file_larger_than_the_limit_on_the_command_line(world, settings, tmp_path, in_english):
    settings.IMPORT_MAX_BYTES = 2**20
    path = tmp_path / "est.csv"
    path.write_bytes((",".join(HEADER) + "\n").encode() + b" " * (3 * 2**19))
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported: 1 problem"):
        call_command("import_incidents", str(path), stderr=err)

    assert err.getvalue().splitlines() == [f"{path}: file: is 1.5 MB; Samverkan imports files of at most 1 MB"]


def test_it_refuses_a_zip_bomb_before_opening_it(client, world, in_english):
    bomb = zip_bomb(201)  # unpacks to more than the default 200 MB
    assert len(bomb) < 2**20
    client.force_login(world.alice)

    response = upload(client, "est.xlsx", bomb)

    assert response.status_code == 400
    assert problems(response) == [
        "est.xlsx: file: unpacks to more than 200 MB; Samverkan reads files that unpack to at most 200 MB"
    ]


def test_it_reads_the_header_of_a_sheet_before_its_rows(world, in_english):
    """The sheet breaks off after its second row: a wrong header is named without reading that far."""
    header = "".join(f'<c t="inlineStr"><is><t>{name}</t></is></c>' for name in ["wrong", "columns"])

    def write(sheet) -> None:
        sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
        sheet.write(b'<dimension ref="A1:B100000"/><sheetData>')
        sheet.write(f'<row r="1">{header}</row><row r="2"><c t="inlineStr"><is><t>x</t></is></c></row>'.encode())
        sheet.write(b'<row r="3"><c t="inl')

    source = Source("est.xlsx", with_sheet(workbook(["x"]), write))
    header_read, rows_read = read_rows(source)
    assert header_read == ["wrong", "columns"]
    assert next(rows_read) == TableRow(2, {"wrong": "x", "columns": ""})  # one by one, when asked for
    failed = import_failing("incidents", "est.xlsx", source.data)  # the header's problems, not the broken row's
    assert [problem.split(":")[:4] for problem in failed] == [
        ["est.xlsx", "1", " header", " unknown column(s)"],
        ["est.xlsx", "1", " header", " missing column(s)"],
    ]


def test_it_names_a_truncated_workbook(world, in_english):
    xlsx = workbook(HEADER, ROW)
    assert import_failing("incidents", "est.xlsx", xlsx[: len(xlsx) // 2]) == [
        "est.xlsx: file: is not a readable XLSX workbook: it is damaged or another kind of file"
    ]


def test_it_names_a_zip_that_is_no_workbook(world, in_english):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("readme.txt", "no workbook here")
    assert import_failing("activities", "sheet.xlsx", archive.getvalue()) == [
        "sheet.xlsx: file: is not a readable XLSX workbook: it is damaged or another kind of file"
    ]


def test_it_names_a_workbook_whose_sheet_breaks_off(world, in_english):
    def write(sheet) -> None:
        sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        sheet.write(b'<row r="1"><c t="inlineStr"><is><t>id</t></is></c></row><row r="2"><c t="inl')

    assert import_failing("incidents", "est.xlsx", with_sheet(workbook(["x"]), write)) == [
        "est.xlsx: file: is not a readable XLSX workbook: it is damaged or another kind of file"
    ]


def test_it_names_a_field_beyond_the_csv_limit(world, in_english):
    data = (",".join(HEADER) + "\n" + ",".join(ROW[:-1]) + ',"' + "x" * 200_000 + '"\n').encode()
    assert import_failing("incidents", "est.csv", data) == [
        "est.csv:2: file: cannot be read as a table (field larger than field limit (131072))"
    ]


def test_it_names_a_line_break_inside_an_unquoted_field(world, in_english):
    data = b"kommunkod;delomrade;trygg_kvall\n2506;Centrum\rSlagn\xc3\xa4s;Ja\n"
    failed = import_failing("survey", "trygghet-2025.csv", data)
    assert failed == [
        "trygghet-2025.csv:2: file: cannot be read as a table (new-line character seen in unquoted field - "
        "do you need to open the file in universal-newline mode?)"
    ]


@pytest.mark.parametrize("key", ["incidents", "indicators", "survey", "bra", "kolada"])
def test_it_names_nul_characters(world, key, in_english):
    data = b"indicator,municipality,year,value\nCAN,2506,2025,1\x00\n"
    assert import_failing(key, "file.csv", data) == ["file.csv:2: file: holds NUL characters: it is not a text file"]


def test_it_refuses_a_gzip_bomb_of_police_events(world, settings, in_english):
    settings.IMPORT_MAX_UNPACKED_BYTES = 2**20
    events = json.dumps([{"id": 1, "padding": " " * 2**21}]).encode()
    assert import_failing("police_events", "events.json.gz", gzip.compress(events)) == [
        "events.json.gz: file: unpacks to more than 1 MB; Samverkan reads files that unpack to at most 1 MB"
    ]


def test_it_still_reads_a_gzip_file_of_several_members(world):
    events = (Path(__file__).parent / "police_events/data/events.json").read_bytes()
    half = len(events) // 2
    packed = gzip.compress(events[:half]) + gzip.compress(events[half:])
    plain = run_import(IMPORTERS["police_events"], Source("events.json", events), dry_run=True)
    unpacked = run_import(IMPORTERS["police_events"], Source("events.json.gz", packed), dry_run=True)
    assert unpacked.created == plain.created > 0


def test_it_writes_nothing_for_a_refused_file(client, world, in_english):
    client.force_login(world.alice)
    upload(client, "est.xlsx", workbook(HEADER, ROW)[:100])
    assert (Incident.objects.count(), ImportRun.objects.count()) == (0, 0)
