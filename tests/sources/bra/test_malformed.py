from __future__ import annotations

import pytest

from tests.sources.bra.helpers import MALFORMED, NORRBOTTEN, database_state, import_bra, import_bra_failing


@pytest.mark.usefixtures("in_english")
def test_it_reports_every_problem_with_file_line_and_field(world):
    error, problems = import_bra_failing(str(MALFORMED))
    assert error == "nothing was imported: 4 problem(s)"
    assert problems == [
        "anmalda_brott_fel.txt:3: Antal: '12x' is not a number",
        "anmalda_brott_fel.txt:4: Region: unknown region 'Atlantis kommun'",
        "anmalda_brott_fel.txt:5: År: '24' is not a year",
        "anmalda_brott_fel.txt:6: /100 000 inv: '28,3,8' is not a number",
    ]


def test_it_leaves_the_database_unchanged(world):
    import_bra(str(NORRBOTTEN))
    before = database_state()
    import_bra_failing(str(MALFORMED))
    assert database_state() == before


@pytest.mark.usefixtures("in_english")
def test_it_reports_a_file_that_is_not_an_export(world, tmp_path):
    other = tmp_path / "tabell.txt"
    other.write_bytes("Kommun\tÅr\tAntal\r\nArjeplog\t2024\t12\r\n".encode("iso-8859-1"))
    error, problems = import_bra_failing(str(other))
    assert error == "nothing was imported: 1 problem(s)"
    assert problems == [
        "tabell.txt: header: no header row with the columns Brott, Region, År, Period, Antal and /100 000 inv"
    ]


@pytest.mark.usefixtures("in_english")
def test_it_reports_a_missing_column(world, tmp_path):
    other = tmp_path / "utan_antal.txt"
    other.write_bytes("Titel\r\nBrott\tRegion\tÅr\tPeriod\r\n".encode("iso-8859-1"))
    assert import_bra_failing(str(other))[1] == ["utan_antal.txt:2: header: missing column 'Antal'"]
