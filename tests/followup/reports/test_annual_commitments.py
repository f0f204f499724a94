"""The annual report's commitments (Åtaganden) and communication plan (Kommunikationsplan): each agreement of the
place in force during the year, each commitment with its status of the year, each communication activity
planned or done in the year (or with no day) with its state; on the page, in the PDF's sections, and nothing of
another municipality's part 2."""

from __future__ import annotations

import datetime

from django.urls import reverse

from samverkan.agreements.follow_up import commitment_follow_up, communication_item_follow_up
from samverkan.core import clock
from samverkan.followup.reports.selectors import annual_report
from tests.followup.reports.conftest import arjeplog


def test_it_reports_each_commitment_s_status_of_the_year(world):
    year = clock.today().year
    commitment = world.part1.commitments.get()
    commitment_follow_up(commitment=commitment, year=year - 1, status="pagar", comment="Påbörjad.", by=world.alice)
    commitment_follow_up(commitment=commitment, year=year, status="genomfort", comment="Klar i mars.", by=world.alice)
    world.arvidsjaur_part2.commitments.create(responsible="kommun", text="Arvidsjaurs eget åtagande", order=1)
    agreements = annual_report(arjeplog(world), year, user=None)["agreements"]
    assert [a["title"] for a in agreements] == [world.part1.title, world.arjeplog_part2.title]
    [row] = agreements[0]["commitments"]
    assert (row["text"], row["status"], row["comment"]) == (commitment.text, "genomfort", "Klar i mars.")
    assert agreements[1]["commitments"] == []
    last_year = annual_report(arjeplog(world), year - 1, user=None)["agreements"][0]["commitments"][0]
    assert (last_year["status"], last_year["comment"]) == ("pagar", "Påbörjad.")


def test_it_reports_the_communication_activities_of_the_year(world):
    today = clock.today()
    year = today.year
    published = world.part1.communication_plan.get()
    communication_item_follow_up(item=published, planned_on=today, done_on=today, owner=world.lpo, by=world.bob)
    late = world.part1.communication_plan.create(
        message="Resultatet redovisas", audience="Fullmäktige", channel="Möte", when="Årligen", responsible="Kommunen"
    )
    communication_item_follow_up(
        item=late, planned_on=datetime.date(year, 1, 15), done_on=None, owner=world.arjeplog_org, by=world.alice
    )
    next_year = world.part1.communication_plan.create(
        message="Nästa år", audience="Invånare", channel="Webb", when="Sen", responsible="Polisen"
    )
    communication_item_follow_up(
        item=next_year, planned_on=datetime.date(year + 1, 1, 2), done_on=None, owner=None, by=world.alice
    )
    rows = {r["message"]: r for r in annual_report(arjeplog(world), year, user=None)["agreements"][0]["communication"]}
    assert set(rows) == {published.message, late.message}
    assert (rows[published.message]["done_on"], rows[published.message]["owner"]) == (
        today.isoformat(),
        "LPO Piteå älvdal",
    )
    assert rows[published.message]["done"] and not rows[late.message]["done"]
    assert rows[late.message]["planned_on"] == f"{year}-01-15"


def test_it_shows_the_sections_on_the_annual_page(client, world, in_english):
    year = clock.today().year
    commitment = world.part1.commitments.get()
    commitment_follow_up(commitment=commitment, year=year, status="installt", comment="Ersattes av ny rutin.", by=None)
    world.arvidsjaur_part2.commitments.create(responsible="kommun", text="Arvidsjaurs eget åtagande", order=1)
    client.force_login(world.alice)
    body = client.get(reverse("annual_report", args=["2506", year])).content.decode()
    assert 'id="commitments-heading">Commitments<' in body
    assert 'id="communication-heading">Communication plan<' in body
    assert "Ersattes av ny rutin." in body and "Cancelled" in body
    assert world.part1.communication_plan.get().message in body
    assert "Arvidsjaurs eget åtagande" not in body
