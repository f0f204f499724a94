"""With the demo data: Arjeplog's goals start from the lägesbild of 2024 its coordinator adopted, and a
newer survey wave, imported with the real command, moves the measurement and the status."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from samverkan.core.demo_calendar import demo_calendar
from samverkan.organisations.models import User
from samverkan.planning.goals.models import Indicator
from samverkan.planning.goals.presentation import STATUS_COLOURS, STATUS_LABELS
from samverkan.planning.goals.selectors import FollowUp, follow_up
from samverkan.planning.goals.status import Colour
from samverkan.situation.models import Baseline
from samverkan.situation.selectors import baseline_picture
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.selectors import survey_results

S = Indicator.Series


def moved(text: str) -> str:
    """The demo's story of 2026 moves to the present, and so do the years these tests name."""
    return demo_calendar().text(text)


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(moved(iso))


@pytest.fixture
def coordinator(demo) -> User:
    return User.objects.get(username="arjeplog.samordnare")


def row(page: str, indicator: Indicator) -> str:
    start = page.index(f'data-indicator="{indicator.pk}"')
    return page[start : page.index("</tr>", start)]


def cell(row_html: str, name: str) -> str:
    marker = f'class="number {name}">'
    start = row_html.index(marker) + len(marker)
    return row_html[start : row_html.index("</td>", start)]


def badge(colour: Colour) -> str:
    with translation.override("sv"):
        return f'data-status="{colour}" style="color: {STATUS_COLOURS[colour]}">{STATUS_LABELS[colour]}</span>'


def latest(result: FollowUp) -> tuple[str, float | int | str | None]:
    """The label and the shown value of the latest measurement."""
    assert result.latest is not None
    return result.latest.point.label, result.latest.value


def import_wave(tmp_path, name: str, answer: str, respondents: int = 20) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text("kommunkod;delomrade;trygg_kvall\n" + f"2506;Centrum;{answer}\n" * respondents, "utf-8")
    call_command("import_survey", str(path), "--wave", name, stdout=io.StringIO(), stderr=io.StringIO())


def test_it_starts_arjeplogs_goals_from_the_adopted_lagesbild_of_2024(client, coordinator):
    adopted = Baseline.objects.get(municipality__code="2506")
    assert (adopted.start, adopted.end, adopted.adopted_by) == (day("2024-01-01"), day("2024-12-31"), coordinator)
    indicators = list(Indicator.objects.filter(municipality__code="2506"))
    assert {i.series for i in indicators} == {
        S.INCIDENTS,
        S.POLICE_EVENTS,
        S.SURVEY_INDEX,
        S.SURVEY_ITEM,
        S.SURVEY_UNSAFE,
        S.KOLADA,
        S.INDICATOR,
        S.MANUAL,
    }
    assert {(i.baseline, i.target_date) for i in indicators} == {(adopted, day("2026-12-31"))}
    wave_2022 = Wave.objects.get(municipality__code="2506", name=moved("Trygghetsmätning 2022"))
    unsafe = next(i for i in indicators if i.series == S.SURVEY_UNSAFE)
    share = survey_results(wave=wave_2022).share_for("trygg_kvall")
    assert share is not None
    assert unsafe.baseline_value == pytest.approx(share.value * 100, abs=0.005)  # as the adopted picture holds it
    client.force_login(coordinator)
    page = client.get(reverse("goals")).content.decode()
    for indicator in indicators:
        shown = row(page, indicator)
        assert cell(shown, "baseline").endswith(moved('<span class="muted">(2024-12-31)</span>'))
        result = follow_up(indicator, user=coordinator)
        assert result.status.colour in {"green", "yellow", "red"}
        assert badge(result.status.colour) in shown


def test_it_moves_the_measurement_and_the_status_when_a_newer_survey_wave_is_imported(client, coordinator, tmp_path):
    unsafe = Indicator.objects.get(municipality__code="2506", series=S.SURVEY_UNSAFE)
    before = follow_up(unsafe, user=coordinator)
    assert latest(before)[0] == moved("Trygghetsmätning 2025")
    client.force_login(coordinator)

    import_wave(tmp_path, moved("Trygghetsmätning 2026"), "Mycket otrygg")
    everyone_unsafe = follow_up(unsafe, user=coordinator)
    assert latest(everyone_unsafe) == (moved("Trygghetsmätning 2026"), 100.0)
    assert (everyone_unsafe.status.colour, everyone_unsafe.status.trend) == ("red", "worse")
    shown = row(client.get(reverse("goals")).content.decode(), unsafe)
    assert cell(shown, "latest").startswith("100\u00a0% <span") and badge("red") in shown

    import_wave(tmp_path, moved("Trygghetsmätning 2026, uppföljning"), "Mycket trygg")
    everyone_safe = follow_up(unsafe, user=coordinator)
    assert latest(everyone_safe) == (moved("Trygghetsmätning 2026, uppföljning"), 0.0)
    assert (everyone_safe.status.colour, everyone_safe.status.trend) == ("green", "better")
    shown = row(client.get(reverse("goals")).content.decode(), unsafe)
    assert cell(shown, "latest").startswith("0\u00a0% <span") and badge("green") in shown
    frozen = baseline_picture(Baseline.objects.get(municipality__code="2506"))
    latest_wave = frozen.latest_wave()
    assert latest_wave is not None and latest_wave.name == moved("Trygghetsmätning 2022")
