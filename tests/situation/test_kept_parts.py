"""The parts kept beside the pictures (selectors.kept): a picture's surveys, kept by the survey waves' versions alone,
and the joint and regional pages as an audience sees them, kept per audience, each municipality's share of them on its
own. A write shows at once and builds again only what it changes; one audience's figures are never another's; and a
police user's reach costs the same few queries however deep the tree."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samverkan.organisations.access import scope_for
from samverkan.organisations.models import Organisation, Role, User
from samverkan.situation import selectors
from samverkan.situation.audience import INTERNAL, PUBLIC, joint_for_audience
from samverkan.situation.regional import regional_situation
from samverkan.situation.selectors import joint_picture_for, joint_situation, picture_for
from samverkan.sources.incidents.services import IncidentReport, incident_report
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


def _shares_built(monkeypatch) -> list[str]:
    """The municipalities whose share of a joint picture is built from now on, in order."""
    built: list[str] = []
    share = selectors.joint_share

    def counted(picture, audience):
        built.append(picture.municipality.name)
        return share(picture, audience)

    monkeypatch.setattr(selectors, "joint_share", counted)
    return built


def _klotter_of(body: str, name: str) -> int:
    """The incidents of Klotter the joint page gives as the municipality's evidence ("Arvidsjaur: Händelser: Klotter:
    3")."""
    found = re.search(rf">{name}: Händelser: Klotter</a>: (\d+)", body)
    assert found, f"no evidence of Klotter in {name} on the joint page"
    return int(found.group(1))


def test_a_write_in_one_municipality_builds_its_share_of_the_joint_page_again_and_keeps_the_others(
    client, picture, monkeypatch
):
    for day in (4, 5, 6):  # Arvidsjaur: Klotter ×3
        when = datetime.datetime(2025, 4, day, 12, tzinfo=datetime.UTC)
        report = IncidentReport(
            occurred_from=when, occurred_to=None, lat=65.5, lng=19.0, category="Klotter", severity=1, description="x"
        )
        incident_report(report=report, by=picture.charlie, allowed=[picture.arvidsjaur])
    client.force_login(picture.bob)  # the police of the area: every figure exact
    url = reverse("situation_joint", args=[picture.lpo.pk]) + f"?start={YEAR.start}&end={YEAR.end}"
    before = client.get(url).content.decode()
    built = _shares_built(monkeypatch)
    log(picture, "2025-05-05", "Klotter")
    after = client.get(url).content.decode()
    assert built == ["Arjeplog"]  # Arvidsjaur's share was kept
    assert (_klotter_of(before, "Arjeplog"), _klotter_of(after, "Arjeplog")) == (4, 5)
    assert (_klotter_of(before, "Arvidsjaur"), _klotter_of(after, "Arvidsjaur")) == (3, 3)


def test_the_kept_shares_give_the_joint_picture_each_audience_sees(picture):
    for audience in (INTERNAL, PUBLIC):
        shown = joint_situation(police_area=picture.lpo, period=YEAR, audience=audience)
        assert shown == joint_for_audience(joint_picture_for(police_area=picture.lpo, period=YEAR), audience)
    log(picture, "2025-05-06", "Brand")  # Brand ×2 in Arjeplog: still below 3 for the public
    for audience in (INTERNAL, PUBLIC):
        shown = joint_situation(police_area=picture.lpo, period=YEAR, audience=audience)
        assert shown == joint_for_audience(joint_picture_for(police_area=picture.lpo, period=YEAR), audience)
        arjeplog = next(m for m in shown.municipalities if m.name == "Arjeplog")
        brand = next(c for c in arjeplog.incidents if c.category == "Brand")
        assert brand.count == (2 if audience == INTERNAL else "<3")


def test_a_neighbours_survey_answer_builds_the_joint_shares_that_compare_it_again(picture, monkeypatch):
    joint_situation(police_area=picture.lpo, period=YEAR, audience=INTERNAL)
    built = _shares_built(monkeypatch)
    question = Question.objects.get(key="problem_klotter")
    wave = Wave.objects.get(municipality=picture.arjeplog)
    surveys.response_submit(wave=wave, delomrade="Centrum", answers={question: "inget"})
    joint_situation(police_area=picture.lpo, period=YEAR, audience=INTERNAL)
    # Arvidsjaur's picture compares Arjeplog's latest wave: its share is kept by the versions its picture reads.
    assert sorted(built) == ["Arjeplog", "Arvidsjaur"]


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
