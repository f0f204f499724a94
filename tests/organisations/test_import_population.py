"""`samverkan import_population FILE`: SCB's table BE0101N1 as Statistikdatabasen exports it to CSV.

The files below are shaped like the real exports (the figures are small made-up ones, summed by hand):

- WIDE: "region","2017" with region cells like "0114 Upplands Väsby", UTF-8: the shape of an SCB export kept in
  the public repository anderssundell/stathelp (data/befolkning.csv, "Folkmängd per region och år");
- BY_AGE_AND_SEX: the table "Folkmängden efter region, civilstånd, ålder, kön. År" with a title line before the
  header, "region","ålder","kön","2021","2022", ISO-8859-1 and semicolons (Statistikdatabasen's "Semikolonavgränsad
  med rubrik"), a "totalt ålder" row beside the single ages, figures with spaces, the country and a county;
- LONG: "region","år","Folkmängd", tab separated, UTF-8 with BOM, a note under the table after a blank line;
- NEW_PXWEB: "region","civilstånd","ålder","kön","Folkmängd 2023": the newer Statistikdatabasen writes the
  contents' name before the year in the column's header.
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError

from samverkan.organisations.models import Municipality, ResidentCount
from samverkan.organisations.national import POPULATION_SOURCE
from tests.organisations.national import SQUARE, run

WIDE = """"region","2017"
"0114 Upplands Väsby",44605
"2506 Arjeplog",2821
"""

BY_AGE_AND_SEX = """Folkmängden efter region, ålder, kön och år
"region";"ålder";"kön";"2021";"2022"
"00 Riket";"totalt ålder";"män";"5 222 640";"5 253 300"
"25 Norrbottens län";"totalt ålder";"män";"128 001";"127 500"
"2506 Arjeplog";"totalt ålder";"män";"1 400";"1 390"
"2506 Arjeplog";"totalt ålder";"kvinnor";"1 318";"1 300"
"2506 Arjeplog";"0 år";"män";"10";"12"
"2506 Arjeplog";"0 år";"kvinnor";"9";"11"
"2505 Arvidsjaur";"totalt ålder";"män";"3 100";"3 080"
"2505 Arvidsjaur";"totalt ålder";"kvinnor";"3 005";"2 990"
""".encode("iso-8859-1")
# Arjeplog 2021: 1 400 + 1 318 = 2 718 and 2022: 1 390 + 1 300 = 2 690 (the single ages are inside the totals);
# Arvidsjaur 2021: 3 100 + 3 005 = 6 105 and 2022: 3 080 + 2 990 = 6 070.

LONG = "\ufeff" + "\n".join(
    [
        '"region"\t"år"\t"Folkmängd"',
        '"2506 Arjeplog"\t"2023"\t"2 650"',
        '"2506 Arjeplog"\t"2024"\t"2 610"',
        '"2505 Arvidsjaur"\t"2024"\t"6 020"',
        "",
        '"Källa: SCB"',
    ]
)

NEW_PXWEB = """"region","civilstånd","ålder","kön","Folkmängd 2023"
"2506 Arjeplog","ogifta","totalt ålder","män",700
"2506 Arjeplog","ogifta","totalt ålder","kvinnor",600
"2506 Arjeplog","gifta","totalt ålder","män",500
"2506 Arjeplog","gifta","totalt ålder","kvinnor",480
"2506 Arjeplog","skilda","totalt ålder","män",150
"2506 Arjeplog","skilda","totalt ålder","kvinnor",120
"2506 Arjeplog","änkor/änklingar","totalt ålder","män",40
"2506 Arjeplog","änkor/änklingar","totalt ålder","kvinnor",60
"""
# 700 + 600 + 500 + 480 + 150 + 120 + 40 + 60 = 2 650


@pytest.fixture
def municipalities(db) -> None:
    for code, name in [("0114", "Upplands Väsby"), ("2506", "Arjeplog"), ("2505", "Arvidsjaur")]:
        Municipality.objects.create(code=code, name=name, county_code=code[:2], county_name="", boundary=SQUARE)


def write(tmp_path, content: str | bytes, name: str = "BE0101N1.csv"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def stored() -> dict[tuple[str, int], int]:
    return {
        (code, year): n
        for code, year, n in ResidentCount.objects.values_list("municipality__code", "year", "residents")
    }


def test_it_reads_the_wide_export(municipalities, tmp_path):
    assert run("import_population", write(tmp_path, WIDE)) == ["residents: 2 created, 0 updated, 0 unchanged"]
    assert stored() == {("0114", 2017): 44605, ("2506", 2017): 2821}
    assert set(ResidentCount.objects.values_list("source", flat=True)) == {POPULATION_SOURCE}


def test_it_sums_over_sex_and_takes_the_total_of_the_ages(municipalities, tmp_path):
    assert run("import_population", write(tmp_path, BY_AGE_AND_SEX)) == ["residents: 4 created, 0 updated, 0 unchanged"]
    assert stored() == {("2506", 2021): 2718, ("2506", 2022): 2690, ("2505", 2021): 6105, ("2505", 2022): 6070}


def test_it_reads_the_long_export_and_the_newer_headers(municipalities, tmp_path):
    assert run("import_population", write(tmp_path, LONG)) == ["residents: 3 created, 0 updated, 0 unchanged"]
    assert stored() == {("2506", 2023): 2650, ("2506", 2024): 2610, ("2505", 2024): 6020}
    assert run("import_population", write(tmp_path, NEW_PXWEB)) == ["residents: 0 created, 0 updated, 1 unchanged"]


def test_a_second_import_changes_only_what_changed(municipalities, tmp_path):
    run("import_population", write(tmp_path, WIDE))
    assert run("import_population", write(tmp_path, WIDE)) == ["residents: 0 created, 0 updated, 2 unchanged"]
    ResidentCount.objects.filter(municipality__code="2506").update(residents=1, source="Typed in the admin")
    assert run("import_population", write(tmp_path, WIDE)) == ["residents: 0 created, 1 updated, 1 unchanged"]
    assert stored()[("2506", 2017)] == 2821


def test_a_bad_file_changes_nothing_and_names_each_problem(municipalities, tmp_path):
    run("import_population", write(tmp_path, WIDE))
    before = stored()
    bad = "\n".join(
        [
            '"region","2017","2018"',
            '"2506 Arjeplog",2821,"28x"',
            '"9999 Okänd",100,100',
            '"Arjeplog",1,1',
            '"2506 Arjeplog",1,2',
        ]
    )
    with pytest.raises(CommandError) as error:
        run("import_population", write(tmp_path, bad, "bad.csv"))
    assert str(error.value).splitlines() == [
        "nothing imported:",
        "bad.csv:2: 2018: '28x' is not a whole number of residents",
        "bad.csv:4: region: 'Arjeplog' does not start with a kommunkod",
        "bad.csv:5: region: 2506 2017 is already on line 2",
    ]  # (the unknown 9999 is told once the file reads: test_an_unknown_kommunkod_is_an_error)
    assert stored() == before


def test_an_unknown_kommunkod_is_an_error(municipalities, tmp_path):
    with pytest.raises(CommandError) as error:
        run("import_population", write(tmp_path, '"region","2017"\n"2506 Arjeplog",2821\n"9999 Okänd",100\n', "x.csv"))
    assert str(error.value).splitlines()[1:] == ["x.csv:3: kommunkod: no municipality has the code 9999"]
    assert not ResidentCount.objects.exists()


def test_a_file_without_a_region_column_is_refused(municipalities, tmp_path):
    with pytest.raises(CommandError) as error:
        run("import_population", write(tmp_path, "kommun;antal\nArjeplog;2821\n", "y.csv"))
    assert str(error.value).splitlines()[1].startswith("y.csv:1: header: no line starts with a region or kommunkod")
