"""A bad query parameter or path is the visitor's mistake: a 4xx or a form error, never a 500 (issue 10).

The security test found 10 of 42 bad parameters answered with a 500: `?start=0001-01-01`,
`?end=9999-12-31`, `week=0001-01-01`, `/uppfoljning/arsrapport/2506/0/` and more. The product holds days
from 2000-01-01 to ten years ahead: a page shows a day outside them as a form error (400), a download or
write of it is refused (400), and a year outside them in a path is no page (404).
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from samverkan.core import clock

BAD_DAYS = ["0001-01-01", "9999-12-31", "2025-02-30", "x", "99999999999999999999"]
OUTSIDE = "Choose a day from 2000-01-01 to "  # … ten years from today


def pages(world) -> dict[str, tuple[str, dict[str, str]]]:
    """Every page that reads a day, a year or a number from its query, with good values for all of them."""
    period = {"start": "2025-01-01", "end": "2025-12-31"}
    return {
        "situation": (reverse("situation_municipality", args=["2506"]), period),
        "situation_export": (
            reverse("situation_export", args=["2506"]),
            period | {"format": "json", "audience": "public"},
        ),
        "situation_points": (reverse("situation_points", args=["2506"]), period),
        "situation_joint": (reverse("situation_joint", args=[world.lpo.pk]), period | {"format": "json"}),
        "incidents_week": (reverse("incidents_week"), {"kommun": "2506", "week": "2025-03-03", "export": "csv"}),
        "incidents_list": (reverse("incidents_list"), {"status": "ny", "page": "1"}),
        "police_events": (reverse("police_events_list"), {"kommun": "2506", "from": "2025-01-01", "to": "2025-12-31"}),
        "dialogues": (reverse("dialogues_list"), {"page": "1"}),
        "yearly_wheel": (reverse("yearly_wheel", args=["2506"]), {"year": "2025"}),
    }


def client_for(user) -> Client:
    client = Client(raise_request_exception=False)  # a 500 is counted, not raised
    client.force_login(user)
    return client


@pytest.mark.parametrize("user", ["alice", "bob"])
def test_it_never_answers_a_bad_query_parameter_with_a_500(world, user):
    client = client_for(getattr(world, user))
    failures = []
    for name, (url, good) in pages(world).items():
        for parameter in good:
            for value in [*BAD_DAYS, "", "-1", "0"]:
                status = client.get(url, good | {parameter: value}).status_code
                if status >= 500:
                    failures.append((name, parameter, value, status))
        backwards = good | {"start": "2025-06-01", "end": "2025-01-01", "from": "2025-06-01", "to": "2025-01-01"}
        if client.get(url, backwards).status_code >= 500:
            failures.append((name, "end before start", "", 500))
    assert failures == []


@pytest.mark.usefixtures("in_english")
@pytest.mark.parametrize(("field", "value"), [("start", "0001-01-01"), ("end", "9999-12-31")])
def test_it_shows_a_period_outside_the_supported_days_as_a_form_error(client, world, field, value):
    client.force_login(world.alice)
    query = {"start": "2025-01-01", "end": "2025-12-31", field: value}
    response = client.get(reverse("situation_municipality", args=["2506"]), query)
    assert response.status_code == 400
    [error] = response.context["form"].errors[field]
    assert error.startswith(OUTSIDE)
    assert error in response.content.decode()


@pytest.mark.usefixtures("in_english")
def test_it_shows_a_period_that_ends_before_it_starts_as_a_form_error(client, world):
    client.force_login(world.bob)
    response = client.get(reverse("situation_joint", args=[world.lpo.pk]), {"start": "2025-06-01", "end": "2025-01-01"})
    assert response.status_code == 400
    assert response.context["form"].errors == {"end": ["The period ends before it starts."]}


@pytest.mark.parametrize("name", ["situation_export", "situation_points"])
def test_it_refuses_a_download_of_a_period_outside_the_supported_days(client, world, name):
    client.force_login(world.alice)
    query = {"start": "0001-01-01", "end": "2025-12-31", "format": "json", "audience": "public"}
    assert client.get(reverse(name, args=["2506"]), query).status_code == 400


@pytest.mark.usefixtures("in_english")
def test_it_shows_a_week_outside_the_supported_days_as_a_form_error(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "0001-01-01"})
    assert response.status_code == 400
    [error] = response.context["form"].errors["week"]
    assert error.startswith(OUTSIDE)
    export = client.get(reverse("incidents_week"), {"kommun": "2506", "week": "9999-12-31", "export": "csv"})
    assert export.status_code == 400


@pytest.mark.usefixtures("in_english")
def test_it_shows_police_events_from_a_day_outside_the_supported_days_as_a_form_error(client, world):
    client.force_login(world.bob)
    response = client.get(reverse("police_events_list"), {"kommun": "2506", "from": "0001-01-01", "to": "2025-01-01"})
    assert response.status_code == 400
    [error] = response.context["form"].errors["from"]
    assert error.startswith(OUTSIDE)


@pytest.mark.parametrize("user", ["alice", "bob"])
@pytest.mark.parametrize("year", ["0", "1", "0001", "1999", "9999", "10000"])
def test_it_has_no_annual_report_for_a_year_outside_the_supported_ones(world, user, year):
    client = client_for(getattr(world, user))
    assert client.get(f"/uppfoljning/arsrapport/2506/{year}/").status_code == 404
    assert client.post(f"/uppfoljning/arsrapport/2506/{year}/skapa/").status_code == 404
    assert client.get(f"/uppfoljning/arsrapport/omrade/{world.lpo.pk}/{year}/").status_code == 404


def test_it_has_the_annual_report_of_a_supported_year(client, world):
    client.force_login(world.alice)
    assert client.get(f"/uppfoljning/arsrapport/2506/{clock.today().year - 1}/").status_code == 200


@pytest.mark.parametrize("year", ["0", "1999", "9999", "x", "２０２５"])
def test_it_has_no_yearly_wheel_for_a_year_outside_the_supported_ones(client, world, year):
    client.force_login(world.alice)
    assert client.get(reverse("yearly_wheel", args=["2506"]), {"year": year}).status_code == 404


def test_it_has_no_calendar_for_a_group_id_beyond_the_databases_integers(client, world):
    assert client.get(f"/moten/grupp/{2**64}/kalender.ics", {"token": "x"}).status_code == 404


def int_routes(patterns=None, prefix: str = "") -> list[str]:
    """Every URL of the product with a number in its path (<int:…> or <year:…>)."""
    routes = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver) and not route.startswith("admin/"):
            routes += int_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and re.search(r"<(int|year):", route):
            routes.append(route)
    return routes


@pytest.mark.parametrize("user", ["alice", "bob"])
def test_it_never_answers_a_number_in_a_path_with_a_500(world, user):
    client = client_for(getattr(world, user))
    routes = int_routes()
    assert len(routes) > 40
    failures = []
    for route in routes:
        for number in ["0", str(2**31), str(2**64)]:
            url = "/" + re.sub(r"<(int|year):\w+>", number, route).replace("<str:code>", "2506")
            for response in (client.get(url), client.post(url)):
                if response.status_code >= 500:
                    failures.append((response.request["REQUEST_METHOD"], url, response.status_code))
    assert failures == []


@pytest.mark.parametrize("path", ["/handlingsplaner/abc/", "/mal/-1/", "/uppfoljning/arsrapport/2506/20x5/"])
def test_it_has_no_page_for_a_path_that_is_no_number(client, world, path):
    client.force_login(world.alice)
    assert client.get(path).status_code == 404
