"""`samverkan import_present_population FILE`: kommunkod,month,present_population → PresentPopulation, with the
residents of the month's year (or the latest year before it) and the visitors the rest."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.management import CommandError
from django.urls import reverse

from samverkan.core import clock
from samverkan.organisations.models import Municipality, PresentPopulation, ResidentCount
from tests.organisations.national import SQUARE, run


@pytest.fixture
def arjeplog(db) -> Municipality:
    municipality = Municipality.objects.create(
        code="2506", name="Arjeplog", county_code="25", county_name="", boundary=SQUARE
    )
    year = clock.today().year
    ResidentCount.objects.create(municipality=municipality, year=year - 3, residents=2700, source="test")
    ResidentCount.objects.create(municipality=municipality, year=year - 1, residents=2600, source="test")
    return municipality


def write(tmp_path, content: str, name: str = "narvarande.csv") -> str:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def stored() -> dict[tuple[int, int], tuple[int, int]]:
    return {(p.year, p.month): (p.residents, p.visitors) for p in PresentPopulation.objects.all()}


def test_it_takes_the_residents_of_the_year_or_the_latest_before(arjeplog, tmp_path):
    year = clock.today().year
    content = "\n".join(
        [
            "kommunkod,month,present_population",
            f"2506,{year - 3}-02,5 300",  # residents of that year: 2 700
            f"2506,{year - 2}-07,3 000",  # none that year: 2 700 of the year before
            f"2506,{year}-01,5 200",  # the latest before: 2 600
        ]
    )
    assert run("import_present_population", write(tmp_path, content)) == [
        "present population: 3 created, 0 updated, 0 unchanged"
    ]
    assert stored() == {
        (year - 3, 2): (2700, 2600),
        (year - 2, 7): (2700, 300),
        (year, 1): (2600, 2600),
    }
    assert run("import_present_population", write(tmp_path, content)) == [
        "present population: 0 created, 0 updated, 3 unchanged"
    ]
    changed = content.replace("5 200", "5 000")
    assert run("import_present_population", write(tmp_path, changed)) == [
        "present population: 0 created, 1 updated, 2 unchanged"
    ]
    assert stored()[(year, 1)] == (2600, 2400)


def test_a_bad_file_changes_nothing_and_names_each_problem(arjeplog, tmp_path):
    year = clock.today().year
    good = f"kommunkod,month,present_population\n2506,{year}-03,4000\n"
    run("import_present_population", write(tmp_path, good))
    before = stored()
    content = "\n".join(
        [
            "kommunkod,month,present_population",
            f"2506,{year}-13,4000",
            f"2506,{year}-04,många",
            f"2506,{year}-05,2000",  # fewer than the 2 600 residents
            f"2506,{year - 9}-05,3000",  # no residents that year or before
            f"9999,{year}-05,3000",
            f"2506,{year}-03,4100",
        ]
    )
    with pytest.raises(CommandError) as error:
        run("import_present_population", write(tmp_path, content, "bad.csv"))
    assert str(error.value).splitlines() == [
        "nothing imported:",
        f"bad.csv:2: month: '{year}-13' is not a month written YYYY-MM",
        "bad.csv:3: present_population: 'många' is not a whole number of people",
    ]
    content = "\n".join(line for line in content.splitlines() if "-13" not in line and "många" not in line)
    with pytest.raises(CommandError) as error:
        run("import_present_population", write(tmp_path, content, "bad.csv"))
    assert str(error.value).splitlines() == [
        "nothing imported:",
        f"bad.csv:2: present_population: 2000 is fewer than the 2600 residents of {year - 1}: visitors cannot be "
        "fewer than none",
        f"bad.csv:3: kommunkod: 2506 has no residents for {year - 9} or a year before it (load them first: "
        "load_municipalities or import_population)",
        "bad.csv:4: kommunkod: no municipality has the code 9999",
    ]
    assert stored() == before


def test_the_municipalitys_page_says_when_its_residents_stand_for_the_present_population(client, world, tmp_path):
    year = clock.today().year
    ResidentCount.objects.create(municipality=world.arjeplog, year=year - 1, residents=2600, source="test")
    client.force_login(world.alice)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the source's words, whatever the .po has
    url = reverse("municipality", args=["2506"])
    assert "Present population: residents (no estimate of its own)." in client.get(url).content.decode()
    run("import_present_population", write(tmp_path, f"kommunkod,month,present_population\n2506,{year}-01,5200\n"))
    body = client.get(url).content.decode()
    assert "no estimate of its own" not in body and "Estimated visitors" in body
