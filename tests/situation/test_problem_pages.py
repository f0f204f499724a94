"""The ranked problems on the pages: the lägesbild's table with each problem's interval, sources, evidence and rank
without each source, the mark of a problem that cannot be told apart from the one above, and the joint picture's
ranking across the police area with the municipalities where each problem rises.

The expected scores follow lib.ranking's documented rule by hand on the test world (tests/situation/conftest.py):
weights volume 0.25, trend 0.15, survey 0.15, severity 0.10; every estimate shrunk by 5 observations at its
reference level (a volume is the count against its source's largest plus 5).
"""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from scipy.stats import beta

from samverkan.situation.audience import INTERNAL, PUBLIC
from samverkan.situation.lib.ranking import Evidence
from samverkan.situation.presentation import charts_for, key_figure_panels
from samverkan.situation.selectors import situation_for_municipality
from samverkan.situation.templatetags.ranked_problems import evidence_figures, source_names
from samverkan.sources.incidents.services import IncidentReport, incident_report
from samverkan.sources.surveys.models import Wave
from tests.situation.conftest import YEAR, log

QUERY = "?start=2025-01-01&end=2025-12-31"
TIED = "cannot be told apart from the problem above"


class Rows(HTMLParser):
    """The text and links of each table row marked data-problem, by problem."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, list[str]]] = {}
        self.current: dict[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "tr" and "data-problem" in attributes:
            self.current = self.rows.setdefault(attributes["data-problem"] or "", {"text": [], "links": []})
        elif tag == "a" and self.current is not None:
            self.current["links"].append(attributes.get("href") or "")

    def handle_endtag(self, tag):
        if tag == "tr":
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"].append(data)


def rows(html: str) -> dict[str, tuple[str, list[str]]]:
    parser = Rows()
    parser.feed(html)
    return {name: (" ".join("".join(row["text"]).split()), row["links"]) for name, row in parser.rows.items()}


def page(client, user, name="situation_municipality", arg="2506") -> str:
    client.force_login(user)
    response = client.get(reverse(name, args=[arg]) + QUERY)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_each_problem_with_its_interval_sources_evidence_and_rank_without_each_source(
    client, picture, in_english
):
    # Trafik och buskörning: 3 police events, 1 the year before, the only ones: volume 3 / (3 + 5), trend
    # (3 + 2.5) / (4 + 5).
    trafik = (0.25 * 3 / 8 + 0.15 * 5.5 / 9) / 0.40
    # Klotter: 4 incidents (the most), 1 before, all of severity 2, and the survey's index 3 of 6 (the only one,
    # so its own reference): volume 4 / (4 + 5), trend (4 + 2.5) / (5 + 5), severity 0.5, survey 0.5.
    klotter = (0.25 * 4 / 9 + 0.15 * 6.5 / 10 + 0.15 * 0.5 + 0.10 * 0.5) / 0.65
    without_survey = (0.25 * 4 / 9 + 0.15 * 6.5 / 10 + 0.10 * 0.5) / 0.50
    assert (round(100 * trafik, 1), round(100 * klotter, 1), round(100 * without_survey, 1)) == (46.4, 51.3, 51.7)
    shown = {
        p.name: p
        for p in situation_for_municipality(municipality=picture.arjeplog, period=YEAR, audience=INTERNAL).problems
    }
    body = page(client, picture.alice)
    found = rows(body)
    assert list(found)[:2] == ["Klotter", "Trafik och buskörning"]
    text, links = found["Klotter"]
    low, high = shown["Klotter"].low, shown["Klotter"].high
    assert f"51.3 ({low:.1f}–{high:.1f})" in text
    assert "Incidents, Safety survey (evidence from 2 independent sources)" in text
    wave = Wave.objects.get(municipality=picture.arjeplog)
    assert reverse("incidents_week") + "?kommun=2506" in links
    assert reverse("survey_results", args=[wave.pk]) in links
    assert "Incidents: Klotter: 4 (period before 1; per 1,000 residents 2.0; per 1,000 present 1.6)" in text
    # Without the survey Klotter scores 51.7, without the incidents it has the survey alone (0.5: 50.0): both above
    # Trafik och buskörning's 46.4. Trafik och buskörning has police events only.
    assert "Without Incidents: rank 1 · Without Safety survey: rank 1" in text
    assert "Without Police events: unranked" in found["Trafik och buskörning"][0]
    # Tied when the difference lies within the half-widths facing each other; the first is never marked.
    first, second = shown["Klotter"], shown["Trafik och buskörning"]
    tied = first.score - second.score <= ((first.score - first.low) ** 2 + (second.high - second.score) ** 2) ** 0.5
    assert text.startswith("1. Klotter BRÅ 51.3") and TIED not in text
    assert (TIED in found["Trafik och buskörning"][0]) == tied
    # The chart draws each problem's interval.
    chart = body[body.index('id="problems-title"') : body.index("</svg>", body.index('id="problems-title"'))]
    assert chart.count('class="interval"') == len(shown)
    # The rule is on the page with its weights.
    assert "How the ranking works" in body and "as if 5 more observations" in body


def test_the_public_rank_without_a_source_rests_on_the_public_figures_only(picture, in_english):
    """Publicly Klotter's period before (1) and the fire (1) are kept back: Klotter has no trend, and the incidents'
    reference severity is its own. Its score is (0.25 × 4/9 + 0.15 × 0.5 + 0.10 × 0.5) / 0.50 = 47.2; without the
    survey (0.25 × 4/9 + 0.10 × 0.5) / 0.35 = 46.0, below Trafik och buskörning's 46.4: rank 2."""
    data = situation_for_municipality(municipality=picture.arjeplog, period=YEAR, audience=PUBLIC)
    html = render_to_string(
        "situation/sections.html",
        {"data": data, "charts": charts_for(data, picture.arjeplog.boundary), "key_figures": key_figure_panels(data)},
    )
    found = rows(html)
    assert list(found) == ["Klotter", "Trafik och buskörning"]  # no fire: one is below what the public sees
    text, _ = found["Klotter"]
    assert "47.2 (" in text
    assert "Without Incidents: rank 1 · Without Safety survey: rank 2" in text
    assert "period before <3" in text and "period before 1" not in text


def log_in_arvidsjaur(world, day: str, category: str):
    when = datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(12), timezone.get_current_timezone()
    )
    report = IncidentReport(
        occurred_from=when, occurred_to=None, lat=65.5, lng=19.0, category=category, severity=2, description="Test"
    )
    return incident_report(report=report, by=world.charlie, allowed=[world.arvidsjaur])


@pytest.fixture
def rising(picture):
    """Skadegörelse rises from 3 incidents in 2024 to 15 in 2025 in both municipalities."""
    for record in (
        lambda day: log(picture, day, "Skadegörelse"),
        lambda day: log_in_arvidsjaur(picture, day, "Skadegörelse"),
    ):
        for d in (1, 2, 3):
            record(f"2024-03-0{d}")
        for d in range(1, 16):
            record(f"2025-04-{d:02d}")
    return picture


def test_the_joint_page_ranks_the_area_and_marks_what_rises_across_borders(client, rising, in_english):
    # Each municipality's trend: a share 15 / 18 under a beta prior of 5 at 0.5; its 90 % interval lies above 0.5.
    assert beta.ppf(0.05, 15 + 2.5, 3 + 2.5) > 0.5
    # Klotter in Arjeplog, 4 against 1, does not clearly rise.
    assert beta.ppf(0.05, 4 + 2.5, 1 + 2.5) < 0.5
    # Pooled: 30 incidents (the most of any problem), 6 before, severity 2: volume 30 / (30 + 5), trend
    # (30 + 2.5) / (36 + 5).
    score = round(100 * (0.25 * 30 / 35 + 0.15 * 32.5 / 41 + 0.10 * 0.5) / 0.50, 1)
    body = page(client, rising.bob, "situation_joint", str(rising.lpo.pk))
    area = body[body.index('id="area-problems-heading"') : body.index('id="shared-heading"')]
    found = rows(area)
    text, links = found["Skadegörelse"]
    assert f"{score:.1f} (" in text
    assert "Arjeplog, Arvidsjaur Crosses borders" in text
    assert reverse("incidents_week") + "?kommun=2505" in links and reverse("incidents_week") + "?kommun=2506" in links
    assert "Arjeplog: Incidents: Skadegörelse: 15" in text and "Arvidsjaur: Incidents: Skadegörelse: 15" in text
    klotter, _ = found["Klotter"]
    assert "Crosses borders" not in klotter and "Arvidsjaur" not in klotter
    assert len(found) <= 10
    assert "The municipalities side by side" in body and "Shared problems" in body  # the sections kept


def test_the_joint_page_is_not_the_coordinators(client, rising):
    client.force_login(rising.alice)
    assert client.get(reverse("situation_joint", args=[rising.lpo.pk]) + QUERY).status_code == 404


def test_it_writes_a_count_s_county_and_country_beside_its_rate_and_a_share_s_beside_itself(in_english):
    crime = Evidence("crime", "Skadegörelse 2025", 40, previous=30, per_1000=20.0, county=15.25, country=12)
    share = Evidence("indicators", "Röker (2025)", 12.0, kind="percent", county=10.4, country=None)
    assert evidence_figures(crime) == "period before 30; per 1,000 residents 20.0 (county 15.3, country 12.0)"
    assert evidence_figures(share) == "county 10%"
    assert evidence_figures(Evidence("survey", "Trygghetsmätning 2025: Klotter", 3.0, kind="mean")) == ""
    assert source_names(("crime", "kolada", "dialogue")) == "Brå, Kolada, Dialogues"
