"""The parts kept beside the pictures (selectors.kept): a picture's surveys, kept by the survey waves' versions alone,
and the joint and regional pages as an audience sees them, kept per audience. A write shows at once; one audience's
figures are never another's; and a police user's reach costs the same few queries however deep the tree."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Organisation, Role, User
from samverkan.situation.audience import INTERNAL, PUBLIC
from samverkan.situation.regional import regional_situation
from samverkan.situation.selectors import joint_situation, picture_for
from samverkan.sources.surveys import services as surveys
from samverkan.sources.surveys.models import Question, Wave
from tests.conftest import _municipality, _organisation, _user, box
from tests.situation.conftest import YEAR, log
from tests.situation.regional import build_region


def klotter(picture) -> int:
    fact = picture.category("Klotter")
    return fact.count if fact else 0


def test_an_incident_builds_the_picture_again_but_reads_no_survey(picture):
    first = picture_for(municipality=picture.arjeplog, period=YEAR)
    log(picture, "2025-05-05", "Klotter")
    with CaptureQueriesContext(connection) as queries:
        again = picture_for(municipality=picture.arjeplog, period=YEAR)
    assert klotter(again) == klotter(first) + 1
    sql = [q["sql"] for q in queries.captured_queries]
    assert not [q for q in sql if "surveys_" in q], sql  # neither the waves nor their tallies
    assert again.survey == first.survey and again.survey[0].respondents == 12


def test_a_survey_answer_shows_in_the_next_picture(picture):
    first = picture_for(municipality=picture.arjeplog, period=YEAR)
    wave = Wave.objects.get(municipality=picture.arjeplog)
    question = Question.objects.get(key="problem_klotter")
    surveys.response_submit(wave=wave, delomrade="Centrum", answers={question: "mycket_stort"})
    again = picture_for(municipality=picture.arjeplog, period=YEAR)
    assert again.survey[0].respondents == first.survey[0].respondents + 1 == 13


def test_a_neighbours_survey_answer_shows_in_the_comparison(picture):
    # Arvidsjaur lies in Arjeplog's police area: its latest wave is in Arjeplog's comparison.
    picture_for(municipality=picture.arjeplog, period=YEAR)
    question = Question.objects.get(key="problem_klotter")
    wave = surveys.wave_create(municipality=picture.arvidsjaur, name="Arvidsjaur 2025", questions=[question])
    Wave.objects.filter(pk=wave.pk).update(opened_on=YEAR.end)
    surveys.response_submit(wave=wave, delomrade="", answers={question: "inget"})
    again = picture_for(municipality=picture.arjeplog, period=YEAR)
    compared = {c.wave: c.respondents for c in again.comparison_survey}
    assert compared.get("Arvidsjaur 2025") == 1


def test_the_joint_page_kept_for_the_police_is_not_the_publics(picture):
    internal = joint_situation(police_area=picture.lpo, period=YEAR, audience=INTERNAL)
    public = joint_situation(police_area=picture.lpo, period=YEAR, audience=PUBLIC)
    assert internal != public
    assert joint_situation(police_area=picture.lpo, period=YEAR, audience=INTERNAL) == internal
    log(picture, "2025-05-06", "Klotter")
    after = joint_situation(police_area=picture.lpo, period=YEAR, audience=INTERNAL)
    assert after != internal  # the write shows at once


def test_the_regional_rows_kept_for_the_police_are_not_the_publics(world):
    north = build_region(world)
    police = regional_situation(organisation=north.region, period=north.period, user=north.rut)
    public = regional_situation(organisation=north.region, period=north.period, user=world.alice)
    assert (police.audience, public.audience) == (INTERNAL, PUBLIC)
    by_code = {row.code: row for row in public.rows}
    assert by_code["2506"].incidents is None  # Brand ×1 is below 3: the public see no total
    assert {row.code: row for row in police.rows}["2506"].incidents == 5
    again = regional_situation(organisation=north.region, period=north.period, user=north.rut)
    assert again.rows == police.rows


def test_a_police_users_reach_costs_the_same_few_queries_however_deep_the_tree(world):
    region = world.lpo.parent
    district = _organisation("Polisområde Test", Organisation.Kind.POLICE_DISTRICT, parent=region)
    deep = _municipality("2999", "Djupby", box(20.0, 66.0, 20.5, 66.5))
    area = _organisation("LPO Djupby", Organisation.Kind.POLICE_AREA, deep, parent=district)
    rut: User = _user("rut_deep", region, Role.POLICE_CONTACT)
    _user("area_only", area, Role.POLICE_CONTACT)
    with CaptureQueriesContext(connection) as queries:
        scope = scope_for(User.objects.get(pk=rut.pk))
    assert len(queries) <= 4  # the user, the memberships, the tree, the municipalities' links
    assert {world.arjeplog.pk, world.arvidsjaur.pk, deep.pk} <= scope.read_municipalities
    assert {region.pk, district.pk, area.pk, world.lpo.pk} <= scope.read_organisations
    assert scope.write_municipalities == scope.read_municipalities
    assert world.lulea.pk not in scope.read_municipalities


def test_an_incident_in_one_municipality_of_the_region_shows_in_its_row_at_once(world):
    north = build_region(world)
    first = regional_situation(organisation=north.region, period=north.period, user=None)
    before = {row.code: row for row in first.rows}
    log(world, (north.period.start + datetime.timedelta(days=40)).isoformat(), "Klotter")
    with CaptureQueriesContext(connection) as queries:
        data = regional_situation(organisation=north.region, period=north.period, user=None)
    after = {row.code: row for row in data.rows}
    assert isinstance(before["2506"].incidents, int)  # the police see the exact count
    assert after["2506"].incidents == before["2506"].incidents + 1
    assert {code: row for code, row in after.items() if code != "2506"} == {
        code: row for code, row in before.items() if code != "2506"
    }
    # Only Arjeplog's picture was built again: its residents read, and no other municipality's.
    residents = [q["sql"] for q in queries.captured_queries if "organisations_residentcount" in q["sql"]]
    assert len(residents) == 1
    ids = re.search(r'"municipality_id" IN \(([\d, ]+)\)', residents[0])
    assert ids is not None and {int(i) for i in ids.group(1).split(",")} == {world.arjeplog.pk}
