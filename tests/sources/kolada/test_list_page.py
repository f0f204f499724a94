from __future__ import annotations

from django.urls import reverse

from .conftest import DATA, run

PAGE = reverse("kolada_list")


def test_it_lives_under_mapping():
    assert PAGE == "/kartlaggning/kolada/"


def test_it_shows_each_kpi_per_year_with_county_and_country_beside(client, world):
    run(DATA / "kolada_arjeplog.json")
    client.force_login(world.alice)
    response = client.get(PAGE)
    assert response.status_code == 200
    table = next(t for t in response.context["tables"] if t.municipality == world.arjeplog)
    assert table.years == [2022, 2023, 2024]
    rows = {(row.kpi, row.area): [cell and cell.value for cell in row.cells] for row in table.rows}
    assert rows[("N07403", "Arjeplog")] == [1154.7, 1231.2, None]
    assert rows[("N07403", "Norrbottens län")] == [None, 1046.4, None]
    assert rows[("N07403", "Hela landet")] == [None, 1012.9, None]
    assert rows[("N31807", "Arjeplog")] == [None, 2.4, 2.2]
    body = response.content.decode()
    assert "Anmälda våldsbrott, antal/100 000 inv" in body
    assert ">1\u202f231,2<" in body  # Swedish decimal comma, a thin space between thousands


def test_it_shows_the_outsider_nothing_of_arjeplog(client, world):
    run(DATA / "kolada_arjeplog.json")
    client.force_login(world.charlie)
    response = client.get(PAGE)
    assert [table.municipality for table in response.context["tables"]] == [world.arvidsjaur]
    body = response.content.decode()
    assert "Arjeplog" not in body
    assert "1231" not in body


def test_it_shows_the_police_contact_both_municipalities(client, world):
    client.force_login(world.bob)
    response = client.get(PAGE)
    assert [table.municipality for table in response.context["tables"]] == [world.arjeplog, world.arvidsjaur]


def test_it_sends_anonymous_visitors_to_the_login(client, world):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
