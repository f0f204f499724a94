from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from samverkan.sources.importing import run_import
from samverkan.sources.models import ImportRun
from samverkan.sources.parsing import ImportFailed, Source
from samverkan.sources.surveys.importer import SurveyImporter
from samverkan.sources.surveys.indices import Share
from samverkan.sources.surveys.models import Wave
from samverkan.sources.surveys.selectors import survey_results
from tests.sources.surveys.conftest import DATA, answers_of, fingerprint, import_survey, open_wave


def test_it_stores_a_wave_per_municipality_from_a_utf8_file(world):
    out, _err = import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    assert out.splitlines()[-1] == "imported: 5 created, 0 updated, 0 skipped"
    arjeplog = Wave.objects.get(municipality=world.arjeplog, name="2025")
    assert arjeplog.source == Wave.Source.IMPORT
    assert arjeplog.run == ImportRun.objects.get(source="survey")
    assert (arjeplog.opened_on, arjeplog.closed_on) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert list(arjeplog.wave_questions.values_list("question__key", flat=True)) == [
        "problem_nedskrapning",
        "problem_buskorning",
        "problem_fortkorning",
        "trygg_kvall",
        "utsatt_12man",
        "oro_brott",
        "polis_bryr_sig",
    ]
    stored = answers_of(arjeplog)
    assert [(number, delomrade) for number, delomrade, _answers in stored] == [
        (1, "Centrum"),
        (2, "Centrum"),
        (3, "Slagnäs"),
        (4, ""),
    ]
    assert stored[1][2] == {
        "problem_nedskrapning": "mycket_stort",
        "problem_buskorning": "mycket_stort",
        "problem_fortkorning": "mycket_stort",
        "trygg_kvall": "ganska_otrygg",
        "utsatt_12man": "ja",
        "oro_brott": "mycket_ofta",
        "polis_bryr_sig": "instammer_inte",
    }
    assert stored[2][2] == {
        "problem_nedskrapning": "inget",
        "problem_buskorning": "ganska_stort",
        "trygg_kvall": "gar_inte_ut_otrygghet",
        "utsatt_12man": "vet_ej",
        "oro_brott": "aldrig",
    }
    arvidsjaur = Wave.objects.get(municipality=world.arvidsjaur, name="2025")
    assert answers_of(arvidsjaur)[0][1] == "Glommersträsk"
    assert arjeplog.responses.filter(submitted_on__isnull=False).count() == 0


def test_it_stores_an_iso_8859_1_file_and_computes_its_results(world):
    import_survey("trygghet-2022-latin1.csv", "--wave", "Trygghetsmätning 2022")
    wave = Wave.objects.get(name="Trygghetsmätning 2022")
    assert wave.municipality == world.arjeplog
    assert [delomrade for _n, delomrade, _a in answers_of(wave)] == ["Slagnäs", "Laisvall", "Laisvall"]
    results = survey_results(wave=wave)
    assert [(item.question.key, item.index, item.n) for item in results.items] == [
        ("problem_klotter", 1.0, 2),
        ("problem_berusade", 5.0, 2),
    ]
    assert results.overall == 3.0
    assert results.share_for("trygg_kvall") == Share(2, 3)
    victims = results.share_for("utsatt_12man")
    assert victims is not None and victims.value == 0.5


def test_it_changes_nothing_when_the_same_file_is_imported_again(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    before = fingerprint()
    out, _err = import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    assert out.splitlines()[-1] == "imported: 0 created, 0 updated, 5 skipped"
    assert fingerprint() == before


def test_it_writes_nothing_on_a_dry_run(world):
    before = fingerprint()
    out, _err = import_survey("trygghet-2025-utf8.csv", "--wave", "2025", "--dry-run")
    assert out.splitlines() == ["dry run: nothing was written", "imported: 5 created, 0 updated, 0 skipped"]
    assert fingerprint() == before


def test_it_updates_changed_respondents_and_removes_those_the_file_no_longer_has(world, tmp_path):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    lines = (DATA / "trygghet-2025-utf8.csv").read_text("utf-8-sig").splitlines()
    lines[1] = lines[1].replace("Mycket trygg", "Ganska trygg")
    del lines[4]  # Arjeplog's fourth respondent
    changed = tmp_path / "trygghet.csv"
    changed.write_text("\n".join(lines), "utf-8")
    out = io.StringIO()
    call_command("import_survey", str(changed), "--wave", "2025", stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[-1] == "imported: 0 created, 2 updated, 3 skipped"
    wave = Wave.objects.get(municipality=world.arjeplog, name="2025")
    assert [(n, a["trygg_kvall"]) for n, _d, a in answers_of(wave)] == [
        (1, "ganska_trygg"),
        (2, "ganska_otrygg"),
        (3, "gar_inte_ut_otrygghet"),
    ]
    assert wave.responses.get(number=1).run == ImportRun.objects.order_by("-pk").first()


@pytest.mark.usefixtures("in_english")
def test_it_refuses_a_malformed_file_and_leaves_the_database_as_it_was(world):
    import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    before = fingerprint()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported: 5 problem"):
        call_command("import_survey", str(DATA / "malformed.csv"), "--wave", "2025", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "malformed.csv:1: farg: unknown column: neither kommunkod, delomrade nor a question of the bank",
        "malformed.csv:2: problem_klotter: unknown answer 'Klotter överallt'; the answers are: "
        "Mycket stort problem, Ganska stort problem, Ganska litet problem, Inget problem alls, Vet ej",
        "malformed.csv:5: kommunkod: '25O6' is not a four-digit municipality code",
        "malformed.csv:5: trygg_kvall: unknown answer 'Ja'; the answers are: Mycket trygg, Ganska trygg, "
        "Ganska otrygg, Mycket otrygg, Går inte ut på grund av otrygghet, Går inte ut av andra skäl, Vet ej",
        "malformed.csv:4: kommunkod: no municipality has the code 9999",
    ]
    assert fingerprint() == before


@pytest.mark.usefixtures("in_english")
def test_it_refuses_to_import_into_a_web_survey(world):
    open_wave(world.arjeplog, "trygg_kvall", name="2025")
    before = fingerprint()
    with pytest.raises(CommandError):
        import_survey("trygghet-2025-utf8.csv", "--wave", "2025")
    assert fingerprint() == before
    with pytest.raises(ImportFailed) as failed:
        run_import(SurveyImporter(wave="2025"), Source("t.csv", (DATA / "trygghet-2025-utf8.csv").read_bytes()))
    assert [str(p) for p in failed.value.problems] == [
        "t.csv: wave: Arjeplog has a web survey named '2025'; import under another wave name"
    ]


def test_it_names_the_wave_after_the_file_when_uploaded(world):
    source = Source("uploads/trygghet-2022-latin1.csv", (DATA / "trygghet-2022-latin1.csv").read_bytes())
    outcome = run_import(SurveyImporter(), source)
    assert outcome.created == 3
    assert Wave.objects.get().name == "trygghet-2022-latin1"


def test_it_requires_the_wave_name():
    with pytest.raises(CommandError, match="--wave"):
        call_command("import_survey", str(DATA / "malformed.csv"), stdout=io.StringIO(), stderr=io.StringIO())
