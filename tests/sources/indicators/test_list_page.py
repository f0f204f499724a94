from __future__ import annotations

from django.urls import reverse

from .conftest import DATA, run

PAGE = reverse("indicators_list")
HIDDEN = "färre än 10 svarade"


def arjeplog(response):
    return next(t for t in response.context["tables"] if t.municipality.code == "2506")


def cells(table, indicator_key: str, area: str) -> list:
    row = next(r for r in table.rows if r.key == indicator_key and r.area == area)
    return [cell and (cell.point.value if cell.shown else "–") for cell in row.cells]


def test_it_lives_under_mapping():
    assert PAGE == "/kartlaggning/indikatorer/"


def test_it_shows_indicators_per_year_with_county_and_country_beside(client, world):
    run(DATA / "can_arjeplog.csv")
    client.force_login(world.alice)
    table = arjeplog(client.get(PAGE))
    assert table.years == [2024, 2025]
    assert cells(table, "alkoholkonsumenter-arskurs-9", "Arjeplog") == [38.5, 34.8]
    assert cells(table, "alkoholkonsumenter-arskurs-9", "Norrbottens län") == [36.1, None]
    assert cells(table, "alkoholkonsumenter-arskurs-9", "Hela landet") == [30.9, None]
    assert cells(table, "rokare-arskurs-9", "Arjeplog") == [None, None]


def test_it_shows_a_share_of_fewer_than_10_to_the_municipalitys_own_staff(client, world):
    run(DATA / "can_arjeplog.csv")
    for user in (world.alice, world.lena):
        client.force_login(user)
        response = client.get(PAGE)
        assert cells(arjeplog(response), "narkotikaerfarenhet-gymnasiet-ar-2", "Arjeplog") == [12.5, None]
        assert '12,5 <span class="muted">(n=8)</span>' in response.content.decode()


def test_it_hides_a_share_of_fewer_than_10_from_the_police(client, world):
    run(DATA / "can_arjeplog.csv")
    client.force_login(world.bob)
    response = client.get(PAGE)
    table = arjeplog(response)
    assert cells(table, "narkotikaerfarenhet-gymnasiet-ar-2", "Arjeplog") == ["–", None]
    assert cells(table, "alkoholkonsumenter-arskurs-9", "Arjeplog") == [38.5, 34.8]
    body = response.content.decode()
    assert "12,5" not in body
    assert HIDDEN in body
    assert "visas bara inom kommunens egen organisation" in body


def test_it_shows_the_outsider_nothing_of_arjeplog(client, world):
    run(DATA / "can_arjeplog.csv")
    client.force_login(world.charlie)
    response = client.get(PAGE)
    assert [table.municipality for table in response.context["tables"]] == [world.arvidsjaur]
    body = response.content.decode()
    assert "Arjeplog" not in body
    assert "38,5" not in body


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
