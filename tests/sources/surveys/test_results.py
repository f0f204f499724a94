"""Results per wave and delområde: full numbers to the owning municipality, suppressed elsewhere."""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import reverse

from samverkan.organisations.access import scope_for
from samverkan.sources.surveys.bank import QUESTION_BY_KEY
from samverkan.sources.surveys.indices import Share
from samverkan.sources.surveys.selectors import Shown, shown, survey_results
from tests.sources.surveys.conftest import answer, open_wave


def arjeplog_with_answers(world):
    keys = ["problem_klotter", "problem_fortkorning", "trygg_kvall", "utsatt_12man", "oro_brott"]
    wave = open_wave(world.arjeplog, *keys, delomraden="Centrum\nSlagnäs\nLaisvall")
    for _ in range(10):
        answer(wave, "Centrum", problem_klotter="ganska_litet", trygg_kvall="mycket_trygg", utsatt_12man="nej")
    answer(wave, "Slagnäs", problem_klotter="mycket_stort", problem_fortkorning="mycket_stort", utsatt_12man="ja")
    answer(wave, "Slagnäs", problem_klotter="vet_ej", trygg_kvall="gar_inte_ut_otrygghet", utsatt_12man="vet_ej")
    return wave


def test_it_computes_the_results_per_wave_and_delomrade(world):
    wave = arjeplog_with_answers(world)
    whole = survey_results(wave=wave)
    assert whole.respondents == 12
    assert [(i.question.key, i.index, i.n) for i in whole.items] == [
        ("problem_klotter", 26 / 11, 11),
        ("problem_fortkorning", 6.0, 1),
    ]
    assert whole.overall == (26 / 11 + 6) / 2
    assert (whole.share_for("trygg_kvall"), whole.share_for("utsatt_12man")) == (Share(1, 11), Share(1, 11))
    assert whole.share_for("oro_brott") is None

    slagnas = survey_results(wave=wave, delomrade="Slagnäs")
    assert slagnas.respondents == 2
    assert [(i.index, i.n) for i in slagnas.items] == [(6.0, 1), (6.0, 1)]
    unsafe, victims = slagnas.share_for("trygg_kvall"), slagnas.share_for("utsatt_12man")
    assert unsafe is not None and unsafe.value == 1.0
    assert victims is not None and victims.value == 1.0
    assert survey_results(wave=wave, delomrade="Laisvall").respondents == 0


def test_it_shows_the_owner_everything_and_others_only_what_the_privacy_rule_allows():
    assert shown(0.25, 2, owner=True) == Shown(0.25, 2)
    assert shown(0.25, 9, owner=False) == Shown(None, 9)
    assert shown(0.25, 2, owner=False) == Shown(None, "<3")
    assert shown(0.25, 10, owner=False) == Shown(0.25, 10)
    assert shown(None, 0, owner=False) == Shown(None, 0)


def test_it_knows_the_municipality_organisation_as_the_owner(world):
    assert scope_for(world.alice).owned_municipalities == {world.arjeplog.pk}
    assert scope_for(world.lena).owned_municipalities == {world.arjeplog.pk}
    assert scope_for(world.bob).owned_municipalities == set()


def cells(body: str, label: str) -> list[str]:
    """The text of the cells in the row headed `label`, whitespace collapsed."""
    row = re.search(rf"<tr>\s*<th scope=\"row\">{re.escape(label)}.*?</tr>", body, re.S)
    assert row is not None, f"no row headed {label}"
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td.*?</td>", row.group(0), re.S)]


def test_it_shows_the_owner_full_numbers_by_delomrade(client, world):
    wave = arjeplog_with_answers(world)
    answer(wave, "Slagnäs", free_text="Mörkt vid busshållplatsen", oro_brott="aldrig")
    client.force_login(world.lena)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("survey_results", args=[wave.pk])).content.decode()
    columns = re.findall(r'<th scope="col" class="number">(.*?)</th>', body)
    assert columns == ["Whole municipality", "Centrum", "Slagnäs"]
    assert cells(body, "Respondents") == ["13", "10", "3"]
    assert cells(body, "Graffiti") == ["2.4 medium n = 11", "2.0 medium n = 10", "6.0 high n = 1"]
    assert cells(body, "Cars driving too fast") == ["6.0 high n = 1", "– n = 0", "6.0 high n = 1"]
    assert cells(body, QUESTION_BY_KEY["trygg_kvall"].en) == [
        "9% n = 11",
        "0% n = 10",
        "100% n = 1",
    ]
    assert "Mörkt vid busshållplatsen" in body


def test_it_suppresses_small_numbers_for_the_police_outside_the_municipality(client, world):
    wave = arjeplog_with_answers(world)
    answer(wave, "Slagnäs", free_text="Mörkt vid busshållplatsen", oro_brott="aldrig")
    client.force_login(world.bob)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("survey_results", args=[wave.pk])).content.decode()
    assert cells(body, "Respondents") == ["13", "10", "3"]
    assert cells(body, "Graffiti") == ["2.4 medium n = 11", "2.0 medium n = 10", "– n = &lt;3"]
    assert cells(body, "Cars driving too fast") == ["– n = &lt;3", "– n = 0", "– n = &lt;3"]
    assert cells(body, QUESTION_BY_KEY["utsatt_12man"].en) == [
        "9% n = 11",
        "0% n = 10",
        "– n = &lt;3",
    ]
    assert "Mörkt vid busshållplatsen" not in body
