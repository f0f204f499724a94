"""With the demo data: `uv run samverkan report annual 2506 --year 2025` (the story's year, moved to the present by
core/demo_calendar.py) writes every goal's name and status and the medborgarlöften follow-up, and carries the
coordinator's written summary."""

from __future__ import annotations

import datetime
import io

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from samverkan.agreements.models import Agreement
from samverkan.core.demo_calendar import demo_calendar
from samverkan.followup.reports import demo as reports_demo
from samverkan.followup.reports.models import GeneratedReport
from samverkan.followup.reports.renewal import next_agreement_start
from samverkan.organisations.models import User
from samverkan.planning.goals.presentation import STATUS_LABELS


@pytest.fixture(autouse=True)
def seen_on() -> None:
    """Today's clock, not the day of the conftest's hand-made year: the demo follows today, so the demo of
    tests/snapshots.py made for the rest of the worker's tests serves these too."""


def test_it_reports_the_demo_year(demo, tmp_path):
    calendar = demo_calendar()
    out = tmp_path / "arjeplog.pdf"
    year = str(calendar.year(reports_demo.YEAR))
    call_command("report", "annual", "2506", "--year", year, "--out", str(out), stderr=io.StringIO())
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(out).pages).split())
    data = GeneratedReport.objects.get().data
    part = data["parts"][0]
    assert part["goals"]
    with translation.override("sv"):
        for goal in part["goals"]:
            assert goal["title"] in text
            assert f"{STATUS_LABELS[goal['status']]} · {goal['focus_area']}" in text
    followed = [a["progress"] for s in part["promises"] for p in s["promises"] for a in p["activities"]]
    followed = [line for line in followed if line]  # activities linked to the action plan
    assert followed and all(line in text for line in followed)
    assert " ".join(calendar.text(reports_demo.TEXTS["2506"][1]["summary"]).split())[:80] in text


def test_it_evaluates_the_period_and_starts_the_next_agreement(demo, client):
    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC, starts_on__year=demo_calendar().year(2023))
    coordinator = User.objects.get(username="arjeplog.samordnare")
    client.force_login(coordinator)
    page = client.get(reverse("evaluation", args=[part1.pk]))
    areas = page.context["data"]["focus_areas"]
    assert {a["short_name"] for a in areas} == {"ANDT-S", "BRÅ", "Hälsa"}
    assert sum(y["planned"] for a in areas for y in a["years"]) > 0
    draft = next_agreement_start(agreement=part1, by=coordinator)
    assert (draft.starts_on, draft.ends_on) == (
        part1.ends_on + datetime.timedelta(days=1),
        datetime.date(part1.ends_on.year + 4, 12, 31),
    )
    assert set(draft.focus_areas.values_list("short_name", flat=True)) == {"ANDT-S", "BRÅ", "Hälsa"}
    assert str(part1.ends_on.year) not in draft.title


def test_it_finds_every_demo_source_imported_and_up_to_date(demo, client):
    client.force_login(User.objects.get(username="arjeplog.samordnare"))
    sources = client.get(reverse("municipality_follow_up", args=["2506"])).context["follow_up"]["sources"]
    assert len(sources) == 6
    assert all(source["latest"] is not None and not source["stale"] for source in sources)
