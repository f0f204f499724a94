"""The annual report's meetings held: each group of the municipality, or of the whole police area in the joint
report, that had met by the year's end, once, with the year's meetings and against the rhythm when one is
agreed."""

from __future__ import annotations

import datetime

from samverkan.followup.reports.models import MeetingRhythm
from samverkan.followup.reports.selectors import Place, annual_report
from tests.followup.reports.conftest import arjeplog, collaboration_group, meeting


def _at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T18:00").replace(tzinfo=datetime.UTC)


def test_it_lists_the_groups_of_the_report(world):
    joint = collaboration_group("Gemensam grupp", world.arjeplog, world.arvidsjaur)
    own = collaboration_group("Arvidsjaurs grupp", world.arvidsjaur)
    MeetingRhythm.objects.create(group=joint, per_year=2)
    meeting(joint, _at("2025-02-01"))
    meeting(joint, _at("2025-10-01"))
    meeting(own, _at("2024-11-10"))  # met before the year, not in it
    meeting(collaboration_group("Ny grupp", world.arjeplog), _at("2026-01-10"))  # formed after the year
    assert [g["group"] for g in annual_report(arjeplog(world), 2025, user=None)["meetings"]] == ["Gemensam grupp"]
    area = Place(None, world.lpo, [world.arjeplog, world.arvidsjaur], True)
    meetings = {g["group"]: g for g in annual_report(area, 2025, user=None)["meetings"]}
    assert list(meetings) == ["Arvidsjaurs grupp", "Gemensam grupp"]
    assert (meetings["Gemensam grupp"]["held"], meetings["Gemensam grupp"]["behind"]) == (2, False)
    assert meetings["Arvidsjaurs grupp"]["dates"] == [] and meetings["Arvidsjaurs grupp"]["per_year"] is None
