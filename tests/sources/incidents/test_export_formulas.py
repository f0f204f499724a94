"""The incident export never holds a live formula (issue 10: `=HYPERLINK(...)` stored in a description)."""

from __future__ import annotations

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from samverkan.sources.incidents.selectors import EXPORT_COLUMNS
from samverkan.sources.parsing import Source, read_rows
from tests.sources.incidents.test_week import at

FORMULA = '=HYPERLINK("http://x","y")'


def test_it_neutralises_an_incident_description_in_csv_and_xlsx(client, world):
    incident = at("2026-11-17", "Klotter", world)
    incident.description = FORMULA
    incident.save()
    client.force_login(world.alice)
    description = EXPORT_COLUMNS.index("description")

    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "2026-11-16", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][description] == "'" + FORMULA
    _header, read = read_rows(Source("export.csv", response.content))
    assert next(read).values["description"] == FORMULA  # the importer reads it back without the quote

    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "2026-11-16", "export": "xlsx"})
    cell = load_workbook(io.BytesIO(response.content)).active.cell(row=2, column=description + 1)
    assert cell.data_type == "s"
    assert cell.value == FORMULA
    _header, read = read_rows(Source("export.xlsx", response.content))
    assert next(read).values["description"] == FORMULA
