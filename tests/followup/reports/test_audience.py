"""The follow-up page, the annual report and the evaluation show a goal's figures as /mal/ does: in full to the
parties to the municipality's picture (its own organisation, the police of its area), with counts of incidents
below 3 as "<3" to anyone else. Kept reports hold the figures in full: only the parties reach them.

By hand (conftest.py): "Minska klottret" is measured by the incidents of Klotter in Arjeplog, 2 in the
baseline year 2024 and 3 in 2025. Pia of the rescue service reads Arjeplog but is no party to its picture;
Charlie reads the common agreement (and so its evaluation) but not Arjeplog's picture.
"""

from __future__ import annotations

from django.urls import reverse

from samverkan.core.privacy import SUPPRESSED
from samverkan.followup.reports.services import report_generate
from tests.followup.reports.conftest import arjeplog
from tests.planning.goals.conftest import partner

FOLLOW_UP = reverse("municipality_follow_up", args=["2506"])
ANNUAL = reverse("annual_report", args=["2506", 2025])


def klotter(goals: list[dict]) -> tuple[str, str]:
    [row] = [row for goal in goals for row in goal["indicators"] if row["name"] == "Klotter"]
    return row["baseline"], row["latest"]


def test_it_shows_the_follow_up_in_full_to_the_parties_only(client, year):
    for user, shown in [
        (year.world.alice, ("2", "3")),
        (year.world.bob, ("2", "3")),
        (partner(year.world), (SUPPRESSED, "3")),
    ]:
        client.force_login(user)
        assert klotter(client.get(FOLLOW_UP).context["follow_up"]["data"]["goals"]) == shown


def test_it_shows_the_annual_report_in_full_to_the_parties_only(client, year):
    pia = partner(year.world)
    for user, shown, incidents in [(year.world.bob, ("2", "3"), 2), (pia, (SUPPRESSED, "3"), None)]:
        client.force_login(user)
        part = client.get(ANNUAL).context["data"]["parts"][0]
        assert klotter(part["goals"]) == shown
        assert part["situation"]["baseline"]["incidents"] == incidents  # 2 of Klotter: no total for Pia


def test_it_keeps_the_kept_reports_to_the_parties(client, year):
    report = report_generate(place=arjeplog(year.world), year=2025, by=year.world.alice)
    assert klotter(report.data["parts"][0]["goals"]) == ("2", "3")
    client.force_login(year.world.bob)
    assert report.get_absolute_url() in client.get(ANNUAL).content.decode()
    assert client.get(report.get_absolute_url()).status_code == 200
    client.force_login(partner(year.world))
    page = client.get(ANNUAL)
    assert list(page.context["reports"]) == [] and report.get_absolute_url() not in page.content.decode()
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(reverse("generated_report_pdf", args=[report.pk])).status_code == 404


def evaluation_klotter(client, world) -> tuple[str, str]:
    data = client.get(reverse("evaluation", args=[world.part1.pk])).context["data"]
    goals = [goal for area in data["focus_areas"] for goal in area["goals"] if goal["municipality"] == "Arjeplog"]
    return klotter(goals)


def test_it_shows_the_evaluation_of_arjeplogs_goals_in_full_to_the_parties_only(client, year):
    """The overview of the whole agreement is computed for the viewer: Charlie, a party to the agreement but not to
    Arjeplog's picture, sees its small counts suppressed (the scopes' kept evaluations are the parties' only)."""
    world = year.world
    client.force_login(world.bob)
    assert evaluation_klotter(client, world) == ("2", "3")
    client.force_login(world.charlie)
    assert evaluation_klotter(client, world) == (SUPPRESSED, "3")
