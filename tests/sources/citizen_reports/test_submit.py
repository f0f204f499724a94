"""A citizen files a report without login: the point, a category, a guarded text, an optional photo stripped of
its EXIF; a receipt link with an unguessable token; the public forms' rate limit and honeypot."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image

from samverkan.sources.citizen_reports.models import CitizenReport, ReportPhoto
from tests.sources.citizen_reports.conftest import GPS_IFD, INSIDE, OUTSIDE, photo_with_exif, send, upload

TEXT = "Lampan vid gångtunneln har varit trasig i två veckor."


def test_it_files_a_report_and_gives_a_receipt_that_says_received(client, world):
    response = send(client, "2506", {**INSIDE, "category": "belysning", "text": TEXT})
    report = CitizenReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("citizen_report_receipt", args=[report.token])
    assert (report.municipality, report.category, report.text) == (world.arjeplog, "belysning", TEXT)
    assert (report.lat, report.lng) == (66.05, 17.89)
    assert report.status == "mottagen"
    assert len(report.token) >= 32
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert receipt.context["report"] == report
    assert b'data-status="mottagen"' in receipt.content


def test_it_takes_a_named_place_instead_of_a_map_click(client, world):
    from samverkan.organisations.models import NamedPlace

    torget = NamedPlace.objects.create(municipality=world.arjeplog, name="Torget", lat=66.051, lng=17.888)
    send(client, "2506", {"place": torget.pk, "category": "skadegorelse", "text": "Klotter på busskuren."})
    report = CitizenReport.objects.get()
    assert (report.place, report.lat, report.lng) == (torget, 66.051, 17.888)


@pytest.mark.parametrize(
    "text",
    [
        "Ring Anna på 070-1234567 så berättar hon",
        "Mejla mig på anna.andersson@example.se",
        "Det är 850512-1234 som klottrar",
    ],
)
def test_it_refuses_persons_data_in_the_text_and_keeps_what_was_typed(client, world, text):
    response = send(client, "2506", {**INSIDE, "category": "annat", "text": text})
    assert response.status_code == 400
    assert response.context["form"].errors["text"]
    assert response.context["form"]["text"].value() == text
    assert not CitizenReport.objects.exists()


def test_it_refuses_a_point_outside_the_municipality(client, world):
    response = send(client, "2506", {**OUTSIDE, "category": "annat", "text": TEXT})
    assert response.status_code == 400
    assert "Arjeplog" in response.context["form"].errors["lat"][0]
    assert not CitizenReport.objects.exists()


def test_it_asks_for_a_place_category_and_text(client, world):
    response = send(client, "2506", {})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"lat", "category", "text"}


def test_it_stores_the_photo_without_its_exif(client, world):
    original = photo_with_exif()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test's photo has a GPS position
    send(client, "2506", {**INSIDE, "category": "vegetation", "text": TEXT, "photo": upload(original)})
    photo = ReportPhoto.objects.get()
    stored = Image.open(io.BytesIO(bytes(photo.image)))
    assert stored.format == "JPEG"
    assert (stored.width, stored.height) == (photo.width, photo.height) == (800, 600)
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert b"Kameratillverkaren" not in bytes(photo.image)


def test_it_shrinks_a_big_photo_and_reads_png(client, world):
    send(
        client,
        "2506",
        {
            **INSIDE,
            "category": "annat",
            "text": TEXT,
            "photo": upload(photo_with_exif(size=(4000, 1000), fmt="PNG"), "bild.png", "image/png"),
        },
    )
    photo = ReportPhoto.objects.get()
    assert (photo.width, photo.height) == (2000, 500)


def test_it_refuses_a_file_that_is_no_image_and_stores_nothing(client, world):
    data = {**INSIDE, "category": "annat", "text": TEXT, "photo": upload(b"%PDF-1.7 not a photo", "x.jpg")}
    response = send(client, "2506", data)
    assert response.status_code == 400
    assert response.context["form"].errors["photo"]
    assert not CitizenReport.objects.exists()


def test_the_receipt_never_shows_the_photo_and_an_unknown_token_is_404(client, world):
    send(client, "2506", {**INSIDE, "category": "annat", "text": TEXT, "photo": upload(photo_with_exif())})
    report = CitizenReport.objects.get()
    receipt = client.get(reverse("citizen_report_receipt", args=[report.token]))
    assert reverse("citizen_report_photo", args=[report.pk]).encode() not in receipt.content
    assert b"<img" not in receipt.content
    assert client.get(reverse("citizen_report_receipt", args=["x" * 32])).status_code == 404


def test_it_stops_a_flood_and_a_bot(client, world, settings):
    settings.PUBLIC_FORM_PER_MINUTE = 3
    data = {**INSIDE, "category": "annat"}
    statuses = [
        send(client, "2506", {**data, "text": f"Tips {n}"}, address="203.0.113.9").status_code for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert CitizenReport.objects.count() == 3
    bot = send(client, "2506", {**data, "text": "Köp billigt", "website": "http://spam"}, address="192.0.2.1")
    assert bot.status_code == 400
    assert CitizenReport.objects.count() == 3


def test_only_a_municipality_with_its_own_organisation_takes_reports(client, world):
    from samverkan.organisations.models import Municipality

    Municipality.objects.create(code="2514", name="Kalix", county_code="25", county_name="N", boundary={})
    start = client.get(reverse("citizen_report_start"))
    assert [m.code for m in start.context["municipalities"]] == ["2506", "2505", "2580"]
    assert client.get(reverse("citizen_report_new", args=["2514"])).status_code == 404


def test_the_audit_log_keeps_no_address_of_the_citizen(client, world):
    from auditlog.models import LogEntry

    send(client, "2506", {**INSIDE, "category": "annat", "text": TEXT}, address="198.51.100.77")
    entries = LogEntry.objects.filter(content_type__app_label="citizen_reports")
    assert entries.exists()
    assert {e.remote_addr for e in entries} == {None}
    assert TEXT not in str([e.changes for e in entries])  # the text is masked
