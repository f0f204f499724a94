from __future__ import annotations

import pytest

from samverkan.sources.surveys.bank import ANSWERS, KINDS, QUESTION_BY_KEY, QUESTIONS, option_for_text
from samverkan.sources.surveys.models import Question

REQUIRED = {
    "problem_nedskrapning": "Nedskräpning",
    "problem_klotter": "Klotter",
    "problem_skadegorelse": "Skadegörelse",
    "problem_buskorning": "Buskörning med moped, A-traktor eller snöskoter",
    "problem_fortkorning": "Bilar som kör för fort",
    "problem_berusade": "Personer som är påverkade av alkohol eller narkotika på allmän plats",
    "problem_narkotikahandel": "Öppen narkotikahandel",
    "problem_ungdomar_stor": "Ungdomar som stör ordningen",
    "problem_belysning": "Dålig belysning",
    "trygg_kvall": "Hur trygg känner du dig om du går ut ensam sent en kväll i området där du bor?",
    "utsatt_12man": "Har du under de senaste 12 månaderna utsatts för något brott i området där du bor?",
}


def test_it_holds_the_required_questions_with_their_swedish_texts():
    assert {key: QUESTION_BY_KEY[key].sv for key in REQUIRED} == REQUIRED
    assert {q.kind for q in QUESTIONS} == set(KINDS)
    assert len(QUESTION_BY_KEY) == len(QUESTIONS)


def test_it_answers_each_kind_with_the_canonical_texts():
    assert [o.sv for o in ANSWERS["problem"]] == [
        "Mycket stort problem",
        "Ganska stort problem",
        "Ganska litet problem",
        "Inget problem alls",
        "Vet ej",
    ]
    assert [o.score for o in ANSWERS["problem"]] == [6, 4, 2, 0, None]
    assert [o.sv for o in ANSWERS["safety"]] == [
        "Mycket trygg",
        "Ganska trygg",
        "Ganska otrygg",
        "Mycket otrygg",
        "Går inte ut på grund av otrygghet",
        "Går inte ut av andra skäl",
        "Vet ej",
    ]
    assert [o.sv for o in ANSWERS["victimisation"]] == ["Ja", "Nej", "Vet ej"]


@pytest.mark.parametrize("kind", list(ANSWERS))
def test_it_leaves_dont_know_out_of_every_kind_and_has_english_texts(kind):
    options = ANSWERS[kind]
    assert [o.key for o in options if o.excluded] == ["vet_ej"]
    assert len({o.key for o in options}) == len(options)
    assert all(o.en and o.en != o.sv for o in options)


def test_it_finds_an_option_ignoring_case_and_surrounding_space():
    big = option_for_text("problem", "  mycket STORT problem ")
    assert big is not None and big.key == "mycket_stort"
    stays_in = option_for_text("safety", "GÅR INTE UT PÅ GRUND AV OTRYGGHET")
    assert stays_in is not None and stays_in.key == "gar_inte_ut_otrygghet"
    assert option_for_text("victimisation", "Kanske") is None
    assert option_for_text("problem", "Mycket  stort problem") is None


def test_it_seeds_the_bank_into_the_database(db):
    stored = list(Question.objects.values_list("key", "kind", "text_sv", "text_en"))
    assert stored == [(q.key, q.kind, q.sv, q.en) for q in QUESTIONS]
