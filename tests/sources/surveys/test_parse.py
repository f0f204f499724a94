from __future__ import annotations

import pytest

from samverkan.sources.parsing import Problems, Source
from samverkan.sources.surveys.parse import SurveyRow, parse_survey
from tests.sources.surveys.conftest import DATA


def parse(name: str) -> tuple[list[str], list[SurveyRow], list[str]]:
    problems = Problems(name)
    survey = parse_survey(Source(name, (DATA / name).read_bytes()), problems)
    return survey.questions, survey.rows, [str(p) for p in problems.items]


def parse_text(text: str) -> tuple[list[SurveyRow], list[str]]:
    problems = Problems("f.csv")
    survey = parse_survey(Source("f.csv", text.encode()), problems)
    return survey.rows, [str(p) for p in problems.items]


def test_it_reads_a_utf8_file_with_case_and_space_variants_and_blanks():
    questions, rows, problems = parse("trygghet-2025-utf8.csv")
    assert problems == []
    assert questions[:2] == ["problem_nedskrapning", "problem_buskorning"]
    assert rows[1] == SurveyRow(
        3,
        "2506",
        "Centrum",
        {
            "problem_nedskrapning": "mycket_stort",
            "problem_buskorning": "mycket_stort",
            "problem_fortkorning": "mycket_stort",
            "trygg_kvall": "ganska_otrygg",
            "utsatt_12man": "ja",
            "oro_brott": "mycket_ofta",
            "polis_bryr_sig": "instammer_inte",
        },
    )
    assert rows[3] == SurveyRow(
        5,
        "2506",
        "",
        {
            "problem_nedskrapning": "vet_ej",
            "problem_fortkorning": "ganska_litet",
            "trygg_kvall": "gar_inte_ut_andra_skal",
            "utsatt_12man": "nej",
            "polis_bryr_sig": "vet_ej",
        },
    )
    assert [row.kommunkod for row in rows] == ["2506", "2506", "2506", "2506", "2505"]


def test_it_reads_an_iso_8859_1_file_separated_by_commas():
    questions, rows, problems = parse("trygghet-2022-latin1.csv")
    assert problems == []
    assert [row.delomrade for row in rows] == ["Slagnäs", "Laisvall", "Laisvall"]
    assert rows[1].answers == {"problem_klotter": "inget", "trygg_kvall": "gar_inte_ut_otrygghet"}


@pytest.mark.usefixtures("in_english")
def test_it_reports_unknown_columns_and_answers_and_bad_codes_with_their_lines():
    _questions, _rows, problems = parse("malformed.csv")
    assert problems == [
        "malformed.csv:1: farg: unknown column: neither kommunkod, delomrade nor a question of the bank",
        "malformed.csv:2: problem_klotter: unknown answer 'Klotter överallt'; the answers are: "
        "Mycket stort problem, Ganska stort problem, Ganska litet problem, Inget problem alls, Vet ej",
        "malformed.csv:5: kommunkod: '25O6' is not a four-digit municipality code",
        "malformed.csv:5: trygg_kvall: unknown answer 'Ja'; the answers are: Mycket trygg, Ganska trygg, "
        "Ganska otrygg, Mycket otrygg, Går inte ut på grund av otrygghet, Går inte ut av andra skäl, Vet ej",
    ]


@pytest.mark.usefixtures("in_english")
def test_it_reports_missing_and_repeated_columns_and_a_file_without_questions():
    rows, problems = parse_text("delomrade;trygg_kvall;trygg_kvall\nCentrum;Ja;Nej\n")
    assert rows == []
    assert problems == ["f.csv:1: kommunkod: missing column", "f.csv:1: trygg_kvall: the column appears more than once"]
    _rows, problems = parse_text("\n\nkommunkod;delomrade\n2506;Centrum\n")
    assert problems == ["f.csv:3: header: no question columns"]


def test_it_reads_a_row_without_any_answer_as_a_respondent_who_left_all_blank():
    rows, problems = parse_text("kommunkod,delomrade,utsatt_12man\n2506,, \n")
    assert problems == []
    assert rows == [SurveyRow(2, "2506", "", {})]
