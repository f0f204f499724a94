"""`samverkan report annual KOMMUNKOD --year YEAR --out FILE.pdf`: the PDF holds every goal with its
status, the figures of the data and the medborgarlöften follow-up, and is kept as a version."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from samverkan.followup.reports.models import GeneratedReport
from samverkan.planning.goals.presentation import STATUS_LABELS
from samverkan.planning.goals.status import GREEN, GREY, RED
from samverkan.planning.promises.selectors import PROGRESS_TEXT
from tests.followup.reports.conftest import ACCEPTED, FOLLOWUP


def pdf_text(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def generate(tmp_path, *args: str):
    out = tmp_path / "report.pdf"
    call_command("report", "annual", *args, "--year", "2025", "--out", str(out), stderr=io.StringIO())
    return out


def test_it_writes_every_goal_with_its_status_and_the_promises_follow_up(year, tmp_path):
    text = pdf_text(generate(tmp_path, "2506"))
    with translation.override("sv"):
        assert "Minska klottret" in text
        assert f"{STATUS_LABELS[RED]} · BRÅ" in text
        assert "Tryggare Arjeplog" in text
        assert f"{STATUS_LABELS[GREEN]} · Hälsa" in text
        assert "Färre unga som dricker" in text
        assert f"{STATUS_LABELS[GREY]} · ANDT-S" in text
        assert FOLLOWUP in text
        # The promise's activity, counted once: the walks held by the end of 2025 against their target.
        assert f"{PROGRESS_TEXT % {'done': 2, 'planned': 2}} möten" in text


def test_it_fills_the_figures_in_from_the_data(year, tmp_path):
    text = pdf_text(generate(tmp_path, "2506"))
    flat = " ".join(text.split())
    # Klotter: 2 incidents in the baseline year 2024, 3 in 2025; the target 1.
    assert "Klotter 2 3 (2025-12-31) 1 (2026-12-31)" in flat
    # By hand: the baseline value 50, 70 measured on 2025-06-01, the target 80.
    assert "Andel trygga 50,0 70,0 (2025-06-01) 80,0 (2026-12-31)" in flat
    # The done activity twice of two in 2025; the ongoing one once in 2025 (its 2026 occurrence not counted).
    assert "Trygghetsvandring" in flat
    assert "Skolan sköt upp höstens tillfälle" in flat
    report = GeneratedReport.objects.get()
    part = report.data["parts"][0]
    assert [(a["title"], a["held"], a["target"]) for a in part["activities"]["done"]] == [("Trygghetsvandring", 2, 2)]
    assert [(a["title"], a["held"], a["target"], a["reason"]) for a in part["activities"]["not_done"]] == [
        ("Drogutbildning", 1, 3, "Skolan sköt upp höstens tillfälle")
    ]
    # Two suggestions in 2025, the accepted one listed; the one of 2024 not counted.
    assert part["feedback"]["suggestions"] == 2
    assert [s["text"] for s in part["feedback"]["accepted"]] == [ACCEPTED]
    assert ACCEPTED in flat
    assert "Gammalt förslag" not in flat
    # The situation picture: 2 logged incidents in the baseline year (Klotter ×2), 3 in 2025.
    assert part["situation"]["baseline"]["incidents"] == 2
    assert part["situation"]["now"]["incidents"] == 3


def test_it_keeps_each_run_as_a_new_version_by_the_command_line(year, tmp_path):
    generate(tmp_path, "2506")
    generate(tmp_path, "2506")
    reports = GeneratedReport.objects.order_by("version")
    assert [(r.version, r.generated_by, r.municipality) for r in reports] == [
        (1, None, year.world.arjeplog),
        (2, None, year.world.arjeplog),
    ]
    assert bytes(reports[1].pdf) == (tmp_path / "report.pdf").read_bytes()


def test_it_writes_the_joint_report_of_the_police_area(year, tmp_path):
    text = pdf_text(generate(tmp_path, "--joint", "Piteå"))
    assert "Arjeplog" in text and "Arvidsjaur" in text
    assert "Minska klottret" in text
    report = GeneratedReport.objects.get()
    assert report.police_area == year.world.lpo
    assert [part["code"] for part in report.data["parts"]] == ["2506", "2505"]


def test_it_refuses_an_unknown_municipality(db, tmp_path):
    with pytest.raises(CommandError, match="no municipality with the code '9999'"):
        generate(tmp_path, "9999")
