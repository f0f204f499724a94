"""Pictures and their PDFs are kept per data version: a repeated request builds nothing again, and a write that can
change a figure (an incident through its service, an import) makes the next request show it; another
municipality's write keeps this municipality's picture."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samverkan.situation.selectors import Period, joint_picture_for, picture_for
from samverkan.sources.incidents.services import IncidentReport, incident_report
from tests.situation.conftest import YEAR, log
from tests.sources.bra.helpers import NORRBOTTEN, import_bra

QUERY = f"?start={YEAR.start.isoformat()}&end={YEAR.end.isoformat()}"


def _picture_queries(queries: CaptureQueriesContext) -> list[str]:
    """The queries that read a source's figures for the picture (not the version lookup, the session, the user or
    the places the page's map offers)."""
    sources = (
        "incidents_incidentmonth",
        "incidents_incidentcellmonth",
        "police_events_policeevent",
        "bra_crimestatistic",
        "surveys_answertally",
        "kolada_kpivalue",
        "indicators_indicatorvalue",
        "organisations_residentcount",
    )
    return [q["sql"] for q in queries.captured_queries if any(name in q["sql"] for name in sources)]


def klotter(picture) -> int:
    fact = picture.category("Klotter")
    return fact.count if fact else 0


def test_a_repeated_picture_costs_the_one_version_lookup(picture):
    first = picture_for(municipality=picture.arjeplog, period=YEAR)
    with CaptureQueriesContext(connection) as queries:
        again = picture_for(municipality=picture.arjeplog, period=YEAR)
    assert len(queries) == 1, [q["sql"] for q in queries.captured_queries]
    assert "versions_dataversion" in queries.captured_queries[0]["sql"]
    assert again == first


def test_a_new_incident_shows_in_the_next_picture(picture):
    before = klotter(picture_for(municipality=picture.arjeplog, period=YEAR))
    log(picture, "2025-05-05", "Klotter")
    assert klotter(picture_for(municipality=picture.arjeplog, period=YEAR)) == before + 1


def test_a_changed_and_a_deleted_incident_show_in_the_next_picture(picture):
    incident = log(picture, "2025-05-05", "Klotter")
    before = klotter(picture_for(municipality=picture.arjeplog, period=YEAR))
    incident.occurred_from = timezone.make_aware(datetime.datetime(2023, 5, 5, 12))  # out of the period
    incident.save()
    assert klotter(picture_for(municipality=picture.arjeplog, period=YEAR)) == before - 1
    incident.delete()
    assert klotter(picture_for(municipality=picture.arjeplog, period=YEAR)) == before - 1


def test_another_municipalitys_incident_keeps_this_picture(picture):
    picture_for(municipality=picture.arjeplog, period=YEAR)
    when = datetime.datetime.combine(datetime.date(2025, 5, 5), datetime.time(12), timezone.get_current_timezone())
    report = IncidentReport(
        occurred_from=when, occurred_to=None, lat=65.7, lng=21.7, category="Klotter", severity=1, description="x"
    )
    incident_report(report=report, by=picture.dave, allowed=[picture.lulea])  # Luleå: not in Arjeplog's area
    with CaptureQueriesContext(connection) as queries:
        picture_for(municipality=picture.arjeplog, period=YEAR)
    assert len(queries) == 1


def test_an_import_shows_in_the_next_picture(picture):
    # Brå's file (tests/sources/bra/data) reports 341 crimes in Arjeplog in 2024, written in bulk: no signals.
    year = Period(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))

    def total_2024() -> int | None:
        built = picture_for(municipality=picture.arjeplog, period=year)
        return next((c.count for c in built.crime if c.year == 2024 and c.category == "Totalt antal brott"), None)

    assert total_2024() is None
    import_bra(str(NORRBOTTEN))
    assert total_2024() == 341


def test_a_joint_picture_is_kept_and_follows_a_write_in_one_of_its_municipalities(picture):
    area = picture.lpo
    first = joint_picture_for(police_area=area, period=YEAR)
    with CaptureQueriesContext(connection) as queries:
        assert joint_picture_for(police_area=area, period=YEAR) == first
    assert len(queries) == 2  # the area's municipalities, and their versions
    log(picture, "2025-05-05", "Klotter")
    again = joint_picture_for(police_area=area, period=YEAR)
    arjeplog = next(p for p in again.pictures if p.municipality.code == "2506")
    assert klotter(arjeplog) == klotter(next(p for p in first.pictures if p.municipality.code == "2506")) + 1


def test_the_page_asked_again_reads_no_source(client, picture):
    client.force_login(picture.alice)
    url = reverse("situation_municipality", args=["2506"]) + QUERY
    with CaptureQueriesContext(connection) as cold:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert client.get(url).status_code == 200
    assert _picture_queries(cold)  # the first request read the sources
    assert _picture_queries(warm) == []


def test_the_pdf_asked_again_is_the_same_file_and_reads_no_source(client, picture):
    client.force_login(picture.alice)
    url = reverse("situation_export", args=["2506"]) + QUERY + "&format=pdf&audience=internal"
    first = client.get(url)
    with CaptureQueriesContext(connection) as warm:
        again = client.get(url)
    assert again.status_code == 200 and again["Content-Type"] == "application/pdf"
    assert again.content == first.content
    assert _picture_queries(warm) == []
    log(picture, "2025-05-05", "Klotter")
    assert client.get(url).content != first.content  # the new incident is in the next PDF


def test_the_public_pdf_is_kept_apart_from_the_internal_one(client, picture):
    client.force_login(picture.alice)
    base = reverse("situation_export", args=["2506"]) + QUERY + "&format=pdf&audience="
    internal, public = client.get(base + "internal").content, client.get(base + "public").content
    assert internal != public
    assert client.get(base + "public").content == public


def _klotter_on_the_page(content: bytes) -> int:
    """The count in the row of Klotter of the page's table of incidents by category."""
    found = re.search(r'<th scope="row">Klotter</th><td>[^<]*</td><td class="number">(\d+)</td>', content.decode())
    assert found, "no row of Klotter in the table of incidents"
    return int(found.group(1))


def test_the_page_keeps_its_figures_until_an_incident_is_logged(client, picture):
    client.force_login(picture.alice)
    url = reverse("situation_municipality", args=["2506"]) + QUERY
    before = _klotter_on_the_page(client.get(url).content)
    assert before == klotter(picture_for(municipality=picture.arjeplog, period=YEAR))
    assert _klotter_on_the_page(client.get(url).content) == before  # kept
    log(picture, "2025-05-05", "Klotter")
    assert _klotter_on_the_page(client.get(url).content) == before + 1


def test_the_kept_figures_are_the_readers_language_and_their_forms_their_own(client, picture, settings):
    client.force_login(picture.alice)
    url = reverse("situation_municipality", args=["2506"]) + QUERY
    swedish = client.get(url).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    assert 'id="problems-heading">Rangordnade problem<' in swedish
    assert 'id="problems-heading">Ranked problems<' in english
    # The conclusions' form is outside what is kept: each session has its own CSRF token in it.
    other = Client()
    other.force_login(picture.alice)
    tokens = [
        re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        for page in (swedish, other.get(url).content.decode())
    ]
    assert tokens[0] and tokens[1] and tokens[0][0] != tokens[1][0]
