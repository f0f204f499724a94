"""The municipality's public page sums up the last full year's lägesbild as the public sees it (situation.audience):
a count below 3 is "<3", never the count, and no total that would give it away; survey results only from 10
answers."""

from __future__ import annotations

import datetime
import html
import re
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from samverkan.planning.promises.selectors import public_situation
from samverkan.sources.surveys import services as surveys
from samverkan.sources.surveys.models import Question, Wave
from tests.planning.promises.conftest import published
from tests.situation.conftest import log

# A day in 2026: the summary is of 2025, the last full year.
TODAY = datetime.datetime(2026, 6, 15, 10, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))


@pytest.fixture
def arjeplog(world):
    """2025: Klotter ×4, Brand ×2; 2024: Klotter ×1."""
    with time_machine.travel(TODAY, tick=False):
        published(world.arjeplog, world.alice, planned=10)
        for day in ("2025-01-10", "2025-02-05", "2025-07-01", "2025-09-09"):
            log(world, day, "Klotter")
        for day in ("2025-03-15", "2025-04-01"):
            log(world, day, "Brand")
        log(world, "2024-06-01", "Klotter")
        yield world


def survey(world, answered: int) -> Wave:
    """A 2025 wave: every other respondent feels rather unsafe in the evening."""
    questions = Question.objects.in_bulk(["trygg_kvall"], field_name="key")
    wave = surveys.wave_create(municipality=world.arjeplog, name="Trygghetsmätning 2025", questions=questions.values())
    Wave.objects.filter(pk=wave.pk).update(opened_on=datetime.date(2025, 10, 1))
    for i in range(answered):
        answer = "ganska_otrygg" if i % 2 == 0 else "mycket_trygg"
        surveys.response_submit(wave=wave, answers={questions["trygg_kvall"]: answer})
    return wave


def row(body: str, category: str) -> list[str]:
    """The cells of the category's row in the incidents table."""
    found = re.search(rf"<th scope=\"row\">{category}</th>(.*?)</tr>", body, re.DOTALL)
    assert found, category
    return re.findall(r"<td[^>]*>(.*?)</td>", found.group(1))


def situation(body: str) -> str:
    """The page's lägesbild section."""
    return body.split('id="situation"')[1].split("</section>")[0]


def total(body: str) -> str | None:
    found = re.search(r"<tfoot><tr><th scope=\"row\">[^<]*</th><td[^>]*>(.*?)</td>", situation(body))
    return found.group(1) if found else None


def page(client) -> str:
    with time_machine.travel(TODAY, tick=False):
        response = client.get(reverse("promises_public", args=["2506"]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_it_shows_a_count_of_three_or_more_and_never_a_smaller_one(client, arjeplog):
    body = page(client)
    assert row(body, "Klotter") == ["4", "<3"]  # 2025, and 2024's single incident
    assert row(body, "Brand") == ["<3", "0"]
    assert "<tfoot>" not in situation(body)  # a total of 6 would give the 2 away


def test_it_sums_up_the_last_full_year(arjeplog):
    with time_machine.travel(TODAY, tick=False):
        summary = public_situation(municipality=arjeplog.arjeplog, today=datetime.date(2026, 6, 15))
    assert (summary.period.start, summary.period.end) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert {c.category: c.count for c in summary.incidents} == {"Klotter": 4, "Brand": "<3"}
    assert summary.incidents_total is None


def test_it_shows_the_total_when_no_count_is_suppressed(client, arjeplog):
    with time_machine.travel(TODAY, tick=False):
        log(arjeplog, "2025-11-11", "Brand")
    body = page(client)
    assert row(body, "Brand") == ["3", "0"]
    assert total(body) == "7"


def test_it_shows_no_survey_result_from_fewer_than_ten_answers(client, arjeplog):
    with time_machine.travel(TODAY, tick=False):
        survey(arjeplog, answered=8)
    body = page(client)
    assert "<10" in body
    assert "%" not in situation(body)


def test_it_shows_the_survey_result_from_ten_answers(client, arjeplog):
    with time_machine.travel(TODAY, tick=False):
        survey(arjeplog, answered=10)
    section = situation(page(client))
    assert "10" in section
    assert "50\u00a0%" in section  # 5 of 10 feel rather unsafe
