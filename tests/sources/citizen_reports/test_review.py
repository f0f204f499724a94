"""The municipality's staff review a citizen's report: accepted, it becomes an incident in the municipality's log
(its text private as every incident's); rejected, it is closed. The coordinator answers publicly and moves the
status; the receipt page shows both. Only the municipality's own staff reach a report or its photo."""

from __future__ import annotations

from django.urls import reverse

from samverkan.sources.citizen_reports import services
from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from samverkan.sources.incidents.models import Incident
from tests.sources.citizen_reports.conftest import filed, photo_with_exif

ANSWER = "Tack! Vi har bett gatuenheten byta lampan den här veckan."


def detail(report) -> str:
    return reverse("citizen_report", args=[report.pk])


def test_accepting_a_report_logs_an_incident_from_a_citizen(client, world):
    report = filed(world.arjeplog, text="Mörkt vid busshållplatsen.")
    client.force_login(world.alice)
    response = client.post(
        detail(report), {"action": "review", "decision": "accept", "incident_category": "Otrygg plats", "severity": 2}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    incident = Incident.objects.get()
    assert report.incident == incident
    assert (report.decision, report.status, report.reviewed_by) == ("godkand", "granskad", world.alice)
    assert (incident.municipality, incident.category.name, incident.severity) == (world.arjeplog, "Otrygg plats", 2)
    assert (incident.lat, incident.lng, incident.occurred_from) == (66.05, 17.89, report.received_at)
    assert incident.description == "Mörkt vid busshållplatsen."
    assert (incident.reported_by, incident.reporter_organisation) == (None, None)  # a citizen, nobody in the work
    assert incident.notes.get().text == "Från ett medborgartips."


def test_an_accepted_reports_text_is_read_only_inside_the_municipality(client, world):
    report = filed(world.arjeplog, text="Sprutor i buskaget vid skolan.")
    services.citizen_report_review(report=report, accept=True, incident_category="Otrygg plats", by=world.alice)
    incident = Incident.objects.get()
    client.force_login(world.bob)  # the police of the area see the incident, not the citizen's text
    response = client.get(reverse("incident", args=[incident.pk]))
    assert response.status_code == 200
    assert "Sprutor i buskaget" not in response.content.decode()


def test_rejecting_closes_the_report_and_logs_nothing(client, world):
    report = filed(world.arjeplog)
    client.force_login(world.alice)
    client.post(detail(report), {"action": "review", "decision": "reject"})
    report.refresh_from_db()
    assert (report.decision, report.status) == ("avvisad", "avslutad")
    assert not Incident.objects.exists()


def test_a_report_is_reviewed_once(world):
    report = filed(world.arjeplog)
    services.citizen_report_review(report=report, accept=False, by=world.alice)
    try:
        services.citizen_report_review(report=report, accept=True, incident_category="Otrygg plats", by=world.alice)
    except Exception as error:  # noqa: BLE001
        assert error.code == "reviewed"  # type: ignore[attr-defined]
    else:
        raise AssertionError("reviewed twice")
    assert not Incident.objects.exists()


def test_the_answer_and_the_status_reach_the_receipt(client, world):
    report = filed(world.arjeplog)
    services.citizen_report_review(report=report, accept=True, incident_category="Otrygg plats", by=world.alice)
    client.force_login(world.alice)
    response = client.post(detail(report), {"action": "handle", "status": "hanteras", "answer": ANSWER})
    assert response.status_code == 302
    client.logout()
    receipt = client.get(reverse("citizen_report_receipt", args=[report.token]))
    assert b'data-status="hanteras"' in receipt.content
    assert ANSWER in receipt.content.decode()


def test_an_answer_with_a_phone_number_is_refused_and_kept_on_the_form(client, world):
    report = filed(world.arjeplog)
    services.citizen_report_review(report=report, accept=False, by=world.alice)
    client.force_login(world.alice)
    text = "Ring oss på 070-1234567"
    response = client.post(detail(report), {"action": "handle", "status": "avslutad", "answer": text})
    assert response.status_code == 400
    assert response.context["handling"]["answer"].value() == text
    report.refresh_from_db()
    assert report.answer == ""


def test_a_status_may_not_go_back(client, world):
    report = filed(world.arjeplog)
    services.citizen_report_review(report=report, accept=False, by=world.alice)  # closed
    client.force_login(world.alice)
    response = client.post(detail(report), {"action": "handle", "status": "hanteras", "answer": ""})
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == "avslutad"


def test_another_municipality_and_the_police_never_see_the_reports(client, world):
    report = filed(world.arjeplog)
    ReportPhoto.objects.create(report=report, image=photo_with_exif(), width=800, height=600)
    urls = [
        reverse("citizen_reports_municipality", args=["2506"]),
        detail(report),
        reverse("citizen_report_photo", args=[report.pk]),
    ]
    for user in (world.charlie, world.bob, world.dave):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == [404, 404, 404], user
        assert client.post(detail(report), {"action": "review", "decision": "reject"}).status_code == 404
        listing = client.get(reverse("citizen_reports"), follow=True)  # to their own municipality's, if any
        assert listing.status_code == 200
        assert detail(report) not in listing.content.decode()
    report.refresh_from_db()
    assert report.decision == ""
    client.logout()
    assert client.get(urls[2]).status_code == 302  # to the login page


def test_the_municipalitys_staff_see_the_list_and_the_photo_and_leadership_only_reads(client, world):
    report = filed(world.arjeplog)
    other = filed(world.arvidsjaur)
    ReportPhoto.objects.create(report=report, image=b"\xff\xd8jpeg", width=1, height=1)
    client.force_login(world.lena)
    listing = client.get(reverse("citizen_reports_municipality", args=["2506"]))
    assert [r.pk for r in listing.context["page"].object_list] == [report.pk]
    assert other.pk != report.pk
    photo = client.get(reverse("citizen_report_photo", args=[report.pk]))
    assert (photo.status_code, photo["Content-Type"]) == (200, "image/jpeg")
    assert {"private", "no-store"} <= {part.strip() for part in photo["Cache-Control"].split(",")}
    assert client.get(detail(report)).context["review"] is None
    assert client.post(detail(report), {"action": "review", "decision": "reject"}).status_code == 404
    assert CitizenReport.objects.get(pk=report.pk).decision == ""


def test_the_incident_says_it_came_from_a_citizen_and_links_the_report_for_the_municipality_only(client, world):
    report = filed(world.arjeplog)
    services.citizen_report_review(report=report, accept=True, incident_category="Otrygg plats", by=world.alice)
    url = reverse("incident", args=[Incident.objects.get().pk])
    client.force_login(world.alice)
    assert f'href="{detail(report)}"' in client.get(url).content.decode()
    client.force_login(world.bob)
    page = client.get(url)
    assert page.status_code == 200
    assert detail(report) not in page.content.decode()
