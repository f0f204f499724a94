"""With the demo world, every goal's indicator shows one latest value, dated no later than today, and one status
everywhere: /mal/, the goal pages, the follow-up pages, this year's annual report (web and kept), the
evaluation, the next meeting's agenda proposal and the notification digest.

The police contact of the area reads them all: a party to both municipalities' pictures, with every figure.
"""

from __future__ import annotations

import pytest
import weasyprint
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from samverkan.agreements.models import Agreement
from samverkan.core import clock
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.meetings.selectors import agenda_proposal
from samverkan.followup.notifications.models import Frequency, Kind
from samverkan.followup.notifications.services import notifications_send, preferences_save
from samverkan.followup.reports.models import GeneratedReport
from samverkan.organisations.models import Organisation, User

RED_ITEM = "Goal in red: %(goal)s – %(indicator)s (%(municipality)s): %(latest)s"  # the agenda's item
Key = tuple[str, str, str]  # goal, indicator, municipality
Shown = tuple[str, str, str]  # the latest value as text, its date (ISO), the status


@pytest.fixture
def police(demo, client) -> User:
    police = User.objects.get(username="polis.kontaktperson")
    client.force_login(police)
    return police


def context(client, url: str, method: str = "get"):
    with translation.override("sv"):
        response = getattr(client, method)(url, HTTP_ACCEPT_LANGUAGE="sv", follow=method == "post")
    assert response.status_code == 200, url
    return response.context


def _view(view) -> Shown:
    latest = (view.latest.text, view.latest.date.isoformat()) if view.latest else ("", "")
    return (*latest, view.status_label)


def goal_list(client) -> tuple[dict[Key, Shown], set[str]]:
    """/mal/: every indicator, and the goal pages' addresses."""
    shown, urls = {}, set()
    for entry in context(client, reverse("goals"))["goals"]:
        urls.add(entry["goal"].get_absolute_url())
        for view in entry["indicators"]:
            shown[entry["goal"].title, view.indicator.name, view.indicator.municipality.name] = _view(view)
    return shown, urls


def goal_pages(client, urls: set[str]) -> dict[Key, Shown]:
    shown = {}
    for url in urls:
        page = context(client, url)
        for section in page["sections"]:
            view = section["view"]
            shown[page["goal"].title, view.indicator.name, view.indicator.municipality.name] = _view(view)
    return shown


def rows(goals: list[dict], municipality: str = "") -> dict[Key, Shown]:
    """The goal rows of a follow-up, an annual report or an evaluation."""
    return {
        (goal["title"], row["name"], goal.get("municipality", municipality)): (
            row["latest"],
            row["latest_date"],
            row["status_label"],
        )
        for goal in goals
        for row in goal["indicators"]
    }


def report_rows(data: dict) -> dict[Key, Shown]:
    return {key: shown for part in data["parts"] for key, shown in rows(part["goals"], part["name"]).items()}


def latest_text(shown: Shown) -> str:
    text, date, status = shown
    return f"{text} ({date}), {status}"


def agree(name: str, found: dict[Key, Shown], everywhere: dict[Key, Shown], must_hold: set[Key]) -> None:
    assert must_hold <= set(found), f"{name} lacks {must_hold - set(found)}"
    for key, shown in found.items():
        assert shown == everywhere[key], f"{name}: {key} shows {shown}, /mal/ {everywhere[key]}"


def test_it_shows_each_indicator_with_one_value_and_status_everywhere(police, client, mailoutbox, monkeypatch):
    # The kept report's figures are this test's business, its PDF the report tests': WeasyPrint's seconds are left
    # out (the bytes are a PDF's all the same).
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", lambda self, *args, **kwargs: b"%PDF-1.7\n%%EOF\n")
    today = clock.today()
    area = Organisation.objects.get(kind=Organisation.Kind.POLICE_AREA, name__contains="Piteå")
    everywhere, urls = goal_list(client)
    every = set(everywhere)
    assert len(every) >= 10  # the demo's indicators, in both municipalities
    assert all(text and date <= today.isoformat() for text, date, _status in everywhere.values())

    agree("the goal pages", goal_pages(client, urls), everywhere, every)

    joint = context(client, reverse("joint_follow_up", args=[area.pk]))["follow_ups"]
    follow_ups = {k: v for f in joint for k, v in rows(f["data"]["goals"], f["municipality"].name).items()}
    agree("the joint follow-up", follow_ups, everywhere, every)
    arjeplog = context(client, reverse("municipality_follow_up", args=["2506"]))["follow_up"]["data"]["goals"]
    agree("/uppfoljning/kommun/2506/", rows(arjeplog, "Arjeplog"), everywhere, {k for k in every if k[2] == "Arjeplog"})

    annual = context(client, reverse("joint_annual_report", args=[area.pk, today.year]))["data"]
    agree("the annual report", report_rows(annual), everywhere, every)
    context(client, reverse("joint_annual_report_generate", args=[area.pk, today.year]), "post")
    agree("the kept annual report", report_rows(GeneratedReport.objects.get().data), everywhere, every)

    part1 = Agreement.objects.get(part=Agreement.Part.STRATEGIC, starts_on__lte=today, ends_on__gte=today)
    evaluation = context(client, reverse("evaluation", args=[part1.pk]))["data"]
    found = {k: v for area_ in evaluation["focus_areas"] for k, v in rows(area_["goals"]).items()}
    agree("the evaluation", found, everywhere, every)

    red = {key: shown for key, shown in everywhere.items() if shown[2] == "Ur fas"}
    assert red  # the demo has goals off track
    meeting = Meeting.objects.filter(group__name="Folkhälsorådet", starts_at__gte=timezone.now()).get()
    with translation.override("sv"):
        items = agenda_proposal(meeting=meeting, user=police)
        expected = [
            gettext(RED_ITEM) % {"goal": goal, "indicator": name, "municipality": place, "latest": latest_text(shown)}
            for (goal, name, place), shown in red.items()
            if place == "Arjeplog"
        ]
        prefix = gettext(RED_ITEM).split("%")[0]
    assert sorted(item for item in items if item.startswith(prefix)) == sorted(expected)

    police.email = "polis@example.se"
    police.save(update_fields=["email"])
    preferences_save(user=police, frequencies={kind: Frequency.NEVER for kind in Kind.values})
    preferences_save(user=police, frequencies={Kind.GOAL_OFF_TRACK: Frequency.WEEKLY})
    notifications_send(today=today, digest=True, base_url="")
    [digest] = [message.body for message in mailoutbox if message.to == [police.email]]
    told = [line.strip() for line in digest.splitlines() if line.startswith("  ") and "(20" in line]
    assert sorted(told) == sorted(f"{place}: {latest_text(shown)}" for (_g, _n, place), shown in red.items())
