"""Citizens' reports enter the lägesbild as their own source: counted once (series.py) per category in the
period, read through the picture, suppressed below 3 for the public, and never as points."""

from __future__ import annotations

import datetime
import json
import zoneinfo

from django.urls import reverse

from samverkan.situation import picture as facts
from samverkan.situation.audience import INTERNAL, PUBLIC, for_audience
from samverkan.situation.selectors import Period, picture_for
from samverkan.sources.citizen_reports import services
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.citizen_reports.series import ReportCount, report_counts
from tests.planning.promises.conftest import published

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
YEAR = Period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
# Unusual coordinates, to find them in a page if they leak.
LAT, LNG = 66.043217, 17.876543


def report(municipality, category: str, when: datetime.datetime) -> CitizenReport:
    return CitizenReport.objects.create(
        municipality=municipality, category=category, lat=LAT, lng=LNG, text="Mörkt.", received_at=when
    )


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=STOCKHOLM)


def the_year(world) -> None:
    """Four reports of poor lighting (one accepted), one of vandalism in 2025; one on each side of the year."""
    for day in (3, 4, 5):
        report(world.arjeplog, "belysning", local(2025, 3, day, 20))
    accepted = report(world.arjeplog, "belysning", local(2025, 12, 31, 23, 30))  # the year's last half hour
    services.citizen_report_review(report=accepted, accept=True, incident_category="Otrygg plats", by=world.alice)
    report(world.arjeplog, "skadegorelse", local(2025, 1, 1, 0, 10))
    report(world.arjeplog, "skadegorelse", local(2024, 12, 31, 23, 50))  # the year before, by local time
    report(world.arjeplog, "trafik", local(2026, 1, 1, 0, 5))  # the year after
    report(world.arvidsjaur, "belysning", local(2025, 6, 1, 12))  # another municipality


def test_the_series_counts_each_category_of_the_period_once(world):
    the_year(world)
    counts = report_counts(municipality=world.arjeplog, start=YEAR.start, end=YEAR.end)
    assert counts == [ReportCount("belysning", 4, 1), ReportCount("skadegorelse", 1, 0)]


def test_the_picture_holds_them_and_the_public_reads_fewer_than_three_as_suppressed(world):
    the_year(world)
    picture = picture_for(municipality=world.arjeplog, period=YEAR)
    assert picture.citizen_reports == (
        facts.CitizenReportFact("belysning", 4, 1),
        facts.CitizenReportFact("skadegorelse", 1, 0),
    )
    internal = for_audience(picture, INTERNAL).citizen_reports
    public = for_audience(picture, PUBLIC).citizen_reports
    assert [(r.category, r.count, r.accepted) for r in internal] == [("belysning", 4, 1), ("skadegorelse", 1, 0)]
    assert [(r.category, r.count, r.accepted) for r in public] == [("belysning", 4, "<3"), ("skadegorelse", "<3", 0)]


def test_no_audience_gets_a_point_or_a_text_of_a_report(world):
    the_year(world)
    picture = picture_for(municipality=world.arjeplog, period=YEAR)
    for audience in (INTERNAL, PUBLIC):
        shown = json.dumps(for_audience(picture, audience).to_json())
        assert "66.043" not in shown and "17.876" not in shown and "Mörkt" not in shown


def test_a_picture_adopted_before_the_reports_existed_reads_as_none(world):
    data = picture_for(municipality=world.arjeplog, period=YEAR).to_json()
    del data["citizen_reports"]
    assert facts.from_json(data).citizen_reports == ()


def test_the_public_pages_show_no_point_of_a_report(client, world):
    services.citizen_report_submit(
        municipality=world.arjeplog,
        submission=services.Submission(category="belysning", lat=LAT, lng=LNG, text="Mörk gångväg vid skolan."),
    )
    published(world.arjeplog, world.alice, planned=10)
    for url in (reverse("promises_public", args=["2506"]), reverse("citizens_home")):
        page = client.get(url).content.decode()
        assert "66.043" not in page and "17.876" not in page and "Mörk gångväg" not in page
    assert client.get(reverse("situation_points", args=["2506"])).status_code == 302  # the login page
