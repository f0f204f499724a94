"""The bounds of what the product takes from outside: days from 2000-01-01 to ten years ahead, years of
statistics 1900–2100, counts within PostgreSQL's integer."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import resolve
from django.urls.exceptions import Resolver404

from samverkan.core.bounds import digits_beyond, latest_day, statistics_year, supported_day, supported_year
from samverkan.core.forms import DayField


@pytest.mark.parametrize(
    ("today", "latest"),
    [("2026-11-30", "2036-11-30"), ("2028-02-29", "2038-02-28"), ("2030-01-10", "2040-01-10")],
)
def test_it_holds_days_up_to_ten_years_ahead(today, latest):
    with time_machine.travel(datetime.datetime.fromisoformat(f"{today} 12:00+01:00"), tick=False):
        assert latest_day() == datetime.date.fromisoformat(latest)
        assert supported_day(datetime.date.fromisoformat(latest))
        assert not supported_day(datetime.date.fromisoformat(latest) + datetime.timedelta(days=1))


@pytest.mark.parametrize(
    ("day", "supported"),
    [("0001-01-01", False), ("1999-12-31", False), ("2000-01-01", True), ("2025-06-15", True), ("9999-12-31", False)],
)
def test_it_holds_days_from_2000(day, supported):
    assert supported_day(datetime.date.fromisoformat(day)) is supported


@time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC), tick=False)
def test_it_holds_the_years_of_its_days_and_older_years_of_statistics():
    assert [supported_year(year) for year in (0, 1999, 2000, 2036, 2037)] == [  # days up to 2036-11-30
        False,
        False,
        True,
        True,
        False,
    ]
    assert [statistics_year(year) for year in (1, 1899, 1900, 1975, 2100, 2101, 9999)] == [
        False,
        False,
        True,
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    ("digits", "beyond"),
    [("2147483647", False), ("2147483648", True), ("0002147483647", False), ("9" * 5000, True), ("0", False)],
)
def test_it_tells_a_string_of_digits_beyond_a_limit_without_converting_it(digits, beyond):
    assert digits_beyond(digits, 2**31 - 1) is beyond


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize("value", ["0001-01-01", "1999-12-31", "2036-12-01", "9999-12-31"])
@time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC), tick=False)
def test_a_day_field_refuses_a_day_outside_the_supported_ones(value):
    field = DayField()
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    assert refused.value.messages == ["Choose a day from 2000-01-01 to 2036-11-30."]


def test_a_day_field_takes_a_supported_day():
    assert DayField().clean("2025-06-15") == datetime.date(2025, 6, 15)


@pytest.mark.parametrize("year", ["0000", "0001", "1999", "9999"])
def test_a_year_in_a_path_outside_the_supported_ones_is_no_page(year):
    with pytest.raises(Resolver404):
        resolve(f"/uppfoljning/arsrapport/2506/{year}/")


def test_a_supported_year_in_a_path_is_a_page():
    assert resolve("/uppfoljning/arsrapport/2506/2025/").kwargs == {"code": "2506", "year": 2025}
