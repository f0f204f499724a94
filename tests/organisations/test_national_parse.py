"""The national reference data's files read as plain data (samverkan.organisations.lib.national, no database)."""

from __future__ import annotations

import pytest

from samverkan.organisations.lib.national import (
    NationalDataError,
    PoliceRow,
    PopulationFigure,
    decode,
    parse_police_areas,
    parse_population,
)


def test_it_decodes_utf8_with_a_bom_and_iso_8859_1():
    assert decode("\ufeffÖstersund".encode()) == "Östersund"
    assert decode("Östersund".encode("iso-8859-1")) == "Östersund"


def test_it_leaves_out_missing_figures_and_takes_a_total_of_sex_where_there_is_one():
    text = "\n".join(
        [
            '"region","kön","2002","2003"',
            '"0330 Knivsta","män","..","7 100"',  # Knivsta was made in 2003: no figure for 2002
            '"0330 Knivsta","kvinnor","..","7 000"',
            '"0330 Knivsta","totalt","..","14 100"',
        ]
    )
    assert parse_population(text, file="f.csv") == [PopulationFigure(4, "0330", 2003, 14_100)]


def test_a_file_of_the_country_alone_has_no_municipality():
    with pytest.raises(NationalDataError) as error:
        parse_population('"region","2020"\n"00 Riket",10379295\n', file="riket.csv")
    assert error.value.problems == ["riket.csv:1: file: no municipality's population in it"]


def test_it_reads_the_police_names_with_or_without_their_prefixes():
    text = "Region,Polisområde,Lokalpolisområde,Kommunkod\nPolisregion Nord,PO Norrbotten,LPO Luleå,2580\n"
    assert parse_police_areas(text, file="p.csv") == [PoliceRow(2, "Nord", "Norrbotten", "Luleå", "2580")]


def test_a_lokalpolisomrade_lies_in_one_polisomrade():
    text = "region,polisområde,lokalpolisområde,kommunkod\nNord,A,Luleå,2580\nNord,B,Luleå,2582\n"
    with pytest.raises(NationalDataError) as error:
        parse_police_areas(text, file="p.csv")
    assert error.value.problems == [
        "p.csv:3: lokalpolisområde: 'Luleå' lies elsewhere on line 2 (another region or polisområde)"
    ]


def test_a_municipality_may_have_several_lokalpolisomraden_in_one_region():
    text = "region,lokalpolisområde,kommunkod\nStockholm,Norrmalm,0180\nStockholm,Södermalm,0180\nSyd,Malmö,0180\n"
    with pytest.raises(NationalDataError) as error:
        parse_police_areas(text, file="s.csv")
    assert error.value.problems == ["s.csv:4: region: 0180 is in Stockholm on line 2, here in Syd"]
