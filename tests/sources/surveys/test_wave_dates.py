"""An imported wave is dated by the days given, else its file's submit dates, else the year in its name; or refused."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.parse import wave_dates, year_in
from tests.sources.surveys.conftest import fingerprint, import_survey

D = datetime.date
SUBMITTED = """kommunkod;delomrade;submitdate;problem_klotter
2506;Centrum;2025-10-20 09:01:00;Mycket stort problem
2506;Centrum;;Inget problem alls
2506;Slagnäs;2025-10-06 14:32:11;Vet ej
"""


def run(path, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    with translation.override("en"):
        call_command("import_survey", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def arjeplog_dates(world, name: str) -> tuple[datetime.date, datetime.date | None]:
    wave = Wave.objects.get(municipality=world.arjeplog, name=name)
    return wave.opened_on, wave.closed_on


def test_it_takes_the_days_given(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "Höst", "--opened-on", "2025-09-01", "--closed-on", "2025-09-30")
    assert arjeplog_dates(world, "Höst") == (D(2025, 9, 1), D(2025, 9, 30))


def test_it_takes_one_day_given_for_both(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "Höst", "--closed-on", "2025-09-30")
    assert arjeplog_dates(world, "Höst") == (D(2025, 9, 30), D(2025, 9, 30))


def test_it_takes_the_first_and_last_submit_date(world, tmp_path):
    path = tmp_path / "limesurvey.csv"
    path.write_text(SUBMITTED, "utf-8")
    out, _err = run(path, "--wave", "Höst")
    assert out.splitlines()[-1] == "imported: 3 created, 0 updated, 0 skipped"
    assert arjeplog_dates(world, "Höst") == (D(2025, 10, 6), D(2025, 10, 20))


def test_it_prefers_the_days_given_to_the_submit_dates(world, tmp_path):
    path = tmp_path / "limesurvey.csv"
    path.write_text(SUBMITTED, "utf-8")
    run(path, "--wave", "Höst", "--opened-on", "2025-10-01", "--closed-on", "2025-10-31")
    assert arjeplog_dates(world, "Höst") == (D(2025, 10, 1), D(2025, 10, 31))


def test_it_dates_a_wave_named_by_its_year_within_that_year(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "Trygghetsmätning 2024")
    assert arjeplog_dates(world, "Trygghetsmätning 2024") == (D(2024, 1, 1), D(2024, 12, 31))


def test_it_refuses_a_wave_it_cannot_date_and_writes_nothing(world, tmp_path):
    before = fingerprint()
    path = tmp_path / "trygghet.csv"
    path.write_text(SUBMITTED.replace("2025-10-20 09:01:00", "").replace("2025-10-06 14:32:11", ""), "utf-8")
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was imported: 1 problem"):
        call_command("import_survey", str(path), "--wave", "Höst", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "trygghet.csv: wave: the wave has no dates: give the days it was open, a submitdate column, "
        "or a wave name with its year, e.g. “Trygghetsmätning 2025”"
    ]
    assert fingerprint() == before


def test_it_refuses_a_bad_submit_date_and_a_closing_before_the_opening(world, tmp_path):
    before = fingerprint()
    path = tmp_path / "trygghet.csv"
    path.write_text(SUBMITTED.replace("2025-10-20 09:01:00", "igår"), "utf-8")
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="nothing was imported: 2 problem"):
        call_command(
            "import_survey",
            str(path),
            *("--wave", "Höst", "--opened-on", "2025-10-31", "--closed-on", "2025-10-01"),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert err.getvalue().splitlines() == [
        "trygghet.csv:2: submitdate: 'igår' is not a date (YYYY-MM-DD, with or without a time)",
        "trygghet.csv: closed_on: 2025-10-01 is before the day the wave opened, 2025-10-31",
    ]
    assert fingerprint() == before


def test_it_refuses_a_day_that_is_no_date(world):
    with pytest.raises(CommandError, match="not a date"):
        import_survey("trygghet-2025-utf8.csv", "--wave", "Höst", "--opened-on", "1 oktober")


def test_it_moves_the_dates_of_a_wave_imported_again(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    out, _err = import_survey(
        "trygghet-2025-utf8.csv", "--wave", "2025", "--opened-on", "2025-10-06", "--closed-on", "2025-11-16"
    )
    assert out.splitlines()[-1] == "imported: 0 created, 2 updated, 5 skipped"  # the two waves
    assert arjeplog_dates(world, "2025") == (D(2025, 10, 6), D(2025, 11, 16))


def test_it_finds_one_year_in_a_name():
    assert year_in("2025") == 2025
    assert year_in("Trygghetsmätning 2025") == 2025
    assert year_in("trygghet-2022-latin1") == 2022
    assert year_in("Trygghetsmätning 2022–2025") is None
    assert year_in("Höst") is None
    assert year_in("Enkät 12345") is None


def test_it_dates_in_order_of_preference():
    days = [None, D(2025, 10, 20), D(2025, 10, 6)]
    assert wave_dates(name="2024", submitted=days) == (D(2025, 10, 6), D(2025, 10, 20))
    assert wave_dates(name="2024", submitted=days, opened_on=D(2025, 1, 2)) == (D(2025, 1, 2), D(2025, 1, 2))
    assert wave_dates(name="2024", submitted=[None]) == (D(2024, 1, 1), D(2024, 12, 31))
    assert wave_dates(name="Höst", submitted=[None]) is None
