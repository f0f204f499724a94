"""Every generated report is kept as it was: versioned, with who generated it, never changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from samverkan.followup.reports.models import REPORT_IMMUTABLE
from samverkan.followup.reports.services import narrative_save, report_generate
from tests.followup.reports.conftest import arjeplog


def test_it_numbers_the_versions_and_keeps_who_generated_them(year):
    place = arjeplog(year.world)
    first = report_generate(place=place, year=2025, by=year.world.alice)
    second = report_generate(place=place, year=2025, by=year.world.bob)
    other_year = report_generate(place=place, year=2024, by=year.world.alice)
    assert (first.version, first.generated_by) == (1, year.world.alice)
    assert (second.version, second.generated_by) == (2, year.world.bob)
    assert other_year.version == 1
    assert bytes(first.pdf).startswith(b"%PDF")


def test_it_freezes_the_texts_as_they_were_when_generated(year):
    place = arjeplog(year.world)
    narrative_save(place=place, year=2025, section="summary", text="Ett lugnt år.", by=year.world.alice)
    report = report_generate(place=place, year=2025, by=year.world.alice)
    narrative_save(place=place, year=2025, section="summary", text="Omskrivet.", by=year.world.alice)
    report.refresh_from_db()
    assert report.data["narratives"]["summary"] == "Ett lugnt år."


def test_it_cannot_be_changed_or_deleted(year):
    report = report_generate(place=arjeplog(year.world), year=2025, by=year.world.alice)
    report.year = 2024
    with pytest.raises(ValidationError) as changed:
        report.save()
    with pytest.raises(ValidationError) as deleted:
        report.delete()
    assert changed.value.messages == deleted.value.messages == [str(REPORT_IMMUTABLE)]
