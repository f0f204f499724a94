"""The follow-up pages: the index, the annual report with its written sections, generating and downloading."""

from __future__ import annotations

import datetime
import io
import re

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from samverkan.core.fields import validate_no_personnummer
from samverkan.followup.reports.models import GeneratedReport, MeetingRhythm, ReportNarrative
from samverkan.followup.reports.selectors import FEWER_THAN_AGREED
from samverkan.followup.reports.services import report_generate
from tests.followup.reports.conftest import FOLLOWUP, arjeplog, collaboration_group, meeting
from tests.tagged_pdf import assert_tagged

ANNUAL = reverse("annual_report", args=["2506", 2025])
GENERATE = reverse("annual_report_generate", args=["2506", 2025])


def test_it_lists_the_reports_the_user_follows(client, world):
    client.force_login(world.alice)
    page = client.get(reverse("followup")).content.decode()
    assert ANNUAL in page
    assert reverse("annual_report", args=["2505", 2025]) not in page
    client.force_login(world.bob)
    page = client.get(reverse("followup")).content.decode()
    assert ANNUAL in page and reverse("joint_annual_report", args=[world.lpo.pk, 2025]) in page


def test_it_shows_the_report_with_todays_data(client, year):
    client.force_login(year.world.lena)
    response = client.get(ANNUAL)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Minska klottret" in page and FOLLOWUP in page
    assert 'name="summary"' not in page  # leadership reads only
    assert GENERATE not in page


def test_it_saves_the_written_sections(client, world):
    client.force_login(world.alice)
    response = client.post(ANNUAL, {"summary": "Ett lugnt år.", "proposals": "Mer trafikinsatser."})
    assert response.status_code == 302
    texts = dict(ReportNarrative.objects.filter(municipality=world.arjeplog, year=2025).values_list("section", "text"))
    assert texts == {"summary": "Ett lugnt år.", "proposals": "Mer trafikinsatser."}
    assert "Mer trafikinsatser." in client.get(ANNUAL).content.decode()


def test_it_refuses_a_personnummer_and_keeps_what_was_typed(client, world):
    client.force_login(world.alice)
    response = client.post(ANNUAL, {"summary": "Kontakta 19800101-1234", "proposals": "Behåll mig"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Behåll mig" in page
    with pytest.raises(ValidationError) as error:
        validate_no_personnummer("19800101-1234")
    assert error.value.messages[0] in page.replace("&#x27;", "'")
    assert not ReportNarrative.objects.exists()


def test_it_generates_a_version_and_serves_its_pdf(client, year):
    group = collaboration_group("Lokala BRÅ", year.world.arjeplog)
    MeetingRhythm.objects.create(group=group, per_year=4)
    for day in ("2024-11-05", "2025-03-10", "2025-09-15"):
        meeting(group, datetime.datetime.fromisoformat(f"{day}T18:00").replace(tzinfo=datetime.UTC))
    client.force_login(year.world.alice)
    response = client.post(GENERATE)
    report = GeneratedReport.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.generated_by == year.world.alice
    assert "Minska klottret" in client.get(report.get_absolute_url()).content.decode()
    download = client.get(reverse("generated_report_pdf", args=[report.pk]))
    assert download["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(download.content)).pages)
    assert FOLLOWUP in text
    assert_tagged(download.content, title="Årsrapport 2025: Arjeplog")
    with override("sv"):
        state = str(FEWER_THAN_AGREED)
    assert report.data["meetings"] == [
        {
            "group": "Lokala BRÅ",
            "held": 2,
            "dates": ["2025-03-10", "2025-09-15"],
            "per_year": 4,
            "behind": True,
            "state": state,
        }
    ]
    assert re.search(r"Lokala BRÅ\s*2\s*4\s*–\s*" + re.escape(state) + r"\s*2025-03-10, 2025-09-15", text)


def test_it_lets_readers_only_read(client, world):
    report = report_generate(place=arjeplog(world), year=2025, by=world.alice)
    client.force_login(world.lena)
    assert client.post(ANNUAL, {"summary": "x", "proposals": ""}).status_code == 404
    assert client.post(GENERATE).status_code == 404
    assert client.get(reverse("generated_report_pdf", args=[report.pk])).status_code == 200


def test_it_is_not_found_outside_the_municipality(client, world):
    report = report_generate(place=arjeplog(world), year=2025, by=world.alice)
    client.force_login(world.charlie)
    for url in (ANNUAL, report.get_absolute_url(), reverse("generated_report_pdf", args=[report.pk])):
        assert client.get(url).status_code == 404
    assert client.post(GENERATE).status_code == 404
    assert client.get(reverse("joint_annual_report", args=[world.lpo.pk, 2025])).status_code == 404


def test_it_lets_the_police_contact_generate_the_joint_report(client, world):
    client.force_login(world.bob)
    url = reverse("joint_annual_report", args=[world.lpo.pk, 2025])
    assert client.get(url).status_code == 200
    client.post(reverse("joint_annual_report_generate", args=[world.lpo.pk, 2025]))
    report = GeneratedReport.objects.get()
    assert (report.police_area, report.generated_by) == (world.lpo, world.bob)
    client.force_login(world.alice)  # reads Arjeplog only, not Arvidsjaur
    assert client.get(report.get_absolute_url()).status_code == 404
