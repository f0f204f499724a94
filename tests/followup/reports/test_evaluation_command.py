"""`samverkan evaluation KOMMUNKOD --period YYYY-YYYY --format pdf|json --out FILE` (and `--joint LPO`): the JSON has
one entry per focus area and one per commitment, each with its status and assessment; the PDF is tagged; both
also after the period has ended."""

from __future__ import annotations

import datetime
import io
import json
import zoneinfo

import pypdf
import pytest
import time_machine
from django.core.management import CommandError, call_command

from samverkan.followup.reports.models import Evaluation, EvaluationItem


def period(world) -> str:
    return f"{world.part1.starts_on.year}-{world.part1.ends_on.year}"


def run(tmp_path, *args: str, format: str = "json"):
    out = tmp_path / f"evaluation.{format}"
    call_command("evaluation", *args, "--format", format, "--out", str(out), stderr=io.StringIO())
    return out


def test_it_writes_one_entry_per_focus_area_and_commitment_with_status_and_assessment(year, tmp_path):
    world = year.world
    year.walk.goals.add(year.klotter)
    data = json.loads(run(tmp_path, "2506", "--period", period(world)).read_text())
    assert [a["short_name"] for a in data["focus_areas"]] == ["ANDT-S", "BRÅ", "Hälsa"]
    assert [c["text"] for c in data["commitments"]] == ["Ta fram en fördjupad lägesbild (baslinje)."]
    statuses = set(EvaluationItem.Status.values)
    for entry in data["focus_areas"] + data["commitments"]:
        assert entry["status"] in statuses and entry["assessment"]
    bra = next(a for a in data["focus_areas"] if a["short_name"] == "BRÅ")
    assert bra["status"] == EvaluationItem.Status.DONE  # its one activity, the walks, done
    assert [a["title"] for a in bra["figures"]["activities"]] == ["Trygghetsvandring"]
    assert data["scope"] == "Arjeplog" and data["joint"] is False and data["status"] == Evaluation.Status.DRAFT
    assert Evaluation.objects.get().municipality == world.arjeplog


def test_it_writes_a_tagged_pdf_with_the_focus_areas(year, tmp_path):
    out = run(tmp_path, "2506", "--period", period(year.world), format="pdf")
    reader = pypdf.PdfReader(out)
    assert "/StructTreeRoot" in reader.root_object
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Brottsförebyggande arbete (BRÅ)" in text
    assert "Ta fram en fördjupad lägesbild (baslinje)." in text


def test_it_writes_the_joint_evaluation_of_the_police_area(year, tmp_path):
    data = json.loads(run(tmp_path, "--joint", "Piteå älvdal", "--period", period(year.world)).read_text())
    assert data["joint"] is True and data["scope"] == "LPO Piteå älvdal"
    assert [s["municipality"] for s in data["figures"]["situation"]] == ["Arjeplog", "Arvidsjaur"]
    assert len(data["focus_areas"]) == 3 and len(data["commitments"]) == 1
    assert Evaluation.objects.get().police_area == year.world.lpo


def test_it_works_after_the_period_has_ended(year, tmp_path):
    ended = year.world.part1.ends_on + datetime.timedelta(days=40)
    moment = datetime.datetime.combine(ended, datetime.time(10), zoneinfo.ZoneInfo("Europe/Stockholm"))
    with time_machine.travel(moment, tick=False):
        data = json.loads(run(tmp_path, "2506", "--period", period(year.world)).read_text())
        pdf = run(tmp_path, "2506", "--period", period(year.world), format="pdf")
    assert data["until"] == year.world.part1.ends_on.isoformat()
    assert "/StructTreeRoot" in pypdf.PdfReader(pdf).root_object
    assert Evaluation.objects.count() == 1  # the second run refreshed the draft


def test_it_refuses_a_period_without_an_agreement(year, tmp_path):
    with pytest.raises(CommandError, match="Arjeplog has 0 part 1 agreements of the period 2000-2003"):
        run(tmp_path, "2506", "--period", "2000-2003")
    with pytest.raises(CommandError, match="give the years as YYYY-YYYY"):
        run(tmp_path, "2506", "--period", "2023")
    assert not Evaluation.objects.exists()
