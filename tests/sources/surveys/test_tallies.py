"""The tallies stay equal to a recount of the answer rows after every kind of write."""

from __future__ import annotations

import io

from django.core.management import call_command

from samverkan.sources.surveys import tallies
from samverkan.sources.surveys.models import AnswerTally, Question, Wave
from tests.sources.surveys.conftest import DATA, answer, import_survey, open_wave, recount, stored_tallies


def key(wave: Wave, delomrade: str, question: str | None, value: str = "") -> tuple:
    question_id = Question.objects.get(key=question).pk if question else None
    return (wave.pk, delomrade, question_id, value)


def test_it_counts_an_import(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    assert stored_tallies() == recount()
    arjeplog = Wave.objects.get(municipality=world.arjeplog)
    counted = stored_tallies()
    # By hand from the file: Arjeplog has two respondents in Centrum, both with a very big moped problem.
    assert counted[key(arjeplog, "Centrum", None)] == 2
    assert counted[key(arjeplog, "Centrum", "problem_buskorning", "mycket_stort")] == 2
    assert counted[key(arjeplog, "", None)] == 1
    assert counted[key(arjeplog, "", "utsatt_12man", "nej")] == 1


def test_it_recounts_a_reimport_that_changes_and_removes_respondents(world, tmp_path):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    lines = (DATA / "trygghet-2025-utf8.csv").read_text("utf-8-sig").splitlines()
    lines[1] = lines[1].replace("Mycket trygg", "Ganska trygg").replace(";Centrum;", ";Slagnäs;")
    del lines[4]  # Arjeplog's fourth respondent, the one without a delområde
    changed = tmp_path / "trygghet.csv"
    changed.write_text("\n".join(lines), "utf-8")
    call_command("import_survey", str(changed), "--wave", "2025", stdout=io.StringIO(), stderr=io.StringIO())
    assert stored_tallies() == recount()
    arjeplog = Wave.objects.get(municipality=world.arjeplog)
    counted = stored_tallies()
    assert counted[key(arjeplog, "Centrum", None)] == 1
    assert counted[key(arjeplog, "Slagnäs", None)] == 2
    assert counted[key(arjeplog, "Slagnäs", "trygg_kvall", "ganska_trygg")] == 1
    assert key(arjeplog, "", None) not in counted
    assert key(arjeplog, "Centrum", "trygg_kvall", "mycket_trygg") not in counted


def test_it_counts_each_web_answer(world):
    wave = open_wave(world.arjeplog, "problem_klotter", "trygg_kvall", delomraden="Centrum\nSlagnäs")
    answer(wave, "Centrum", problem_klotter="mycket_stort")
    answer(wave, "Centrum", problem_klotter="mycket_stort", trygg_kvall="vet_ej")
    answer(wave, "Slagnäs", trygg_kvall="mycket_trygg")
    answer(wave, problem_klotter="inget")
    assert stored_tallies() == recount()
    assert stored_tallies() == {
        key(wave, "Centrum", None): 2,
        key(wave, "Centrum", "problem_klotter", "mycket_stort"): 2,
        key(wave, "Centrum", "trygg_kvall", "vet_ej"): 1,
        key(wave, "Slagnäs", None): 1,
        key(wave, "Slagnäs", "trygg_kvall", "mycket_trygg"): 1,
        key(wave, "", None): 1,
        key(wave, "", "problem_klotter", "inget"): 1,
    }


def test_it_drops_the_tallies_with_their_wave(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    Wave.objects.get(municipality=world.arjeplog).delete()
    assert stored_tallies() == recount()
    assert AnswerTally.objects.exists()  # Arvidsjaur's


def test_it_rebuilds_every_wave_from_the_answers(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    wave = open_wave(world.arjeplog, "problem_klotter", name="Webb")
    answer(wave, problem_klotter="ganska_litet")
    expected = recount()
    AnswerTally.objects.all().delete()
    assert tallies.rebuild() == {"survey tallies": len(expected)}
    assert stored_tallies() == expected


def test_it_rebuilds_one_wave_and_leaves_the_others_alone(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    arjeplog = Wave.objects.get(municipality=world.arjeplog)
    arvidsjaur = Wave.objects.get(municipality=world.arvidsjaur)
    AnswerTally.objects.filter(wave=arvidsjaur).update(count=99)
    AnswerTally.objects.filter(wave=arjeplog).delete()
    tallies.rebuild(wave=arjeplog)
    assert {k: v for k, v in stored_tallies().items() if k[0] == arjeplog.pk} == {
        k: v for k, v in recount().items() if k[0] == arjeplog.pk
    }
    assert set(AnswerTally.objects.filter(wave=arvidsjaur).values_list("count", flat=True)) == {99}


def test_it_is_rebuilt_by_rebuild_aggregates(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    expected = recount()
    AnswerTally.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_aggregates", stdout=out, stderr=io.StringIO())
    assert stored_tallies() == expected
    assert f"{len(expected)} survey tallies" in out.getvalue()
