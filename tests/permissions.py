"""The permission matrix's world and machinery (the rules themselves are in tests/test_permission_matrix.py).

The world is the shared cast (tests/conftest.py) and a police area outside it: LPO Norra Lappland (Kiruna and
Gällivare) in Polisregion Nord, with Kerstin, Kiruna's coordinator, and Klas, its police contact. Rita reports for
Arjeplogs kommun; Ada is a superuser with no membership. Every municipality that a URL is tried on holds one object
of every kind a URL reaches; so do the part 1 agreements, the joint groups and the police areas.

A URL is tried on targets, each a set of municipalities:

    own                 Arjeplog (Alice's, Lena's and Rita's; Bob's police area)
    other_municipality  Arvidsjaur (Charlie's; Bob's police area too)
    other_area          Kiruna (Kerstin's; Klas's police area)
    shared              Arjeplog and Arvidsjaur: the part 1 agreement, the joint group, LPO Piteå älvdal
    other_shared        Kiruna and Gällivare: the same of LPO Norra Lappland

and each identity has one relation to a target, from which a rule reads the expected answer.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from PIL import Image

from samverkan.agreements import services as agreements
from samverkan.agreements.models import Agreement, ChangeProposal, Commitment, CommunicationItem, Signatory
from samverkan.core import clock
from samverkan.followup.meetings import services as meetings
from samverkan.followup.meetings.models import Meeting
from samverkan.followup.reports.evaluation import evaluation_start
from samverkan.followup.reports.models import Evaluation, GeneratedReport
from samverkan.followup.reports.selectors import Place as ReportPlace
from samverkan.followup.reports.services import report_generate
from samverkan.followup.supervision import services as supervision
from samverkan.followup.supervision.models import SupervisedObject
from samverkan.organisations.lib.areas import Circle
from samverkan.organisations.models import CollaborationGroup, FocusArea, Municipality, Organisation, Role, User
from samverkan.planning.actions import services as actions
from samverkan.planning.actions.models import ActionPlan, Activity
from samverkan.planning.effects import services as effects
from samverkan.planning.goals import services as goals
from samverkan.planning.goals.models import Goal, Indicator, ManualValue
from samverkan.planning.promises import services as promises
from samverkan.planning.promises.models import Comment, Consultation, Promise, PromiseSet, Suggestion
from samverkan.situation import services as situation
from samverkan.situation.models import Baseline, RecurringEvent
from samverkan.situation.selectors import PICTURES, Period, joint_municipalities, joint_picture_for, picture_for
from samverkan.sources.citizen_reports.models import CitizenReport
from samverkan.sources.citizen_reports.services import Submission, citizen_report_submit
from samverkan.sources.dialogues.models import Dialogue
from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import IncidentReport, incident_categories_for, incident_report
from samverkan.sources.surveys import services as surveys
from samverkan.sources.surveys.models import Question, Wave
from tests.conftest import World, _municipality, _organisation, _user, box, build_world

KIRUNA_BOX = box(19.0, 67.5, 22.0, 68.8)
GALLIVARE_BOX = box(19.0, 66.6, 21.0, 67.4)

# Relations of an identity to a target.
ANON = "anonymous"
ADMIN = "superuser"  # a superuser without membership: the admin site's, never a back door to the work
OWNER = "owner"  # coordinator of the target's one municipality
PARTY = "party"  # coordinator of one of the target's several municipalities
LEADER = "leader"  # leadership of (one of) the target's municipalities: reads only
REPORTER = "reporter"  # reporter of (one of) the target's municipalities
POLICE = "police"  # police contact of the police area the target lies in
OUTSIDER = "outsider"  # logged in, no part in the target

# Answers besides status codes.
LOGIN = "login"  # 302 to the login page
VERIFY = "verify"  # 302 to the second factor
REDIRECT = "redirect"  # 302 anywhere else
REFUSALS = frozenset({LOGIN, VERIFY, 400, 403, 404, 405, 409, 410, 429})

TARGETS = {
    "own": frozenset({"2506"}),
    "other_municipality": frozenset({"2505"}),
    "other_area": frozenset({"2584"}),
    "shared": frozenset({"2506", "2505"}),
    "other_shared": frozenset({"2584", "2523"}),
}
GLOBAL = ""  # a page about no municipality in particular


@dataclass(frozen=True)
class Identity:
    name: str
    role: Role | None  # None: anonymous or the superuser
    codes: frozenset[str] = frozenset()  # the municipalities the membership covers
    # Alice's read-only colleagues reach less than she does: where she is an outsider, so are they, and they are
    # tried only where they have a part (it keeps the matrix fast).
    tried_as_outsider: bool = True


IDENTITIES = [
    Identity("anonymous", None),
    Identity("ada", None),
    Identity("alice", Role.COORDINATOR, frozenset({"2506"})),
    Identity("lena", Role.LEADERSHIP, frozenset({"2506"}), tried_as_outsider=False),
    Identity("rita", Role.REPORTER, frozenset({"2506"}), tried_as_outsider=False),
    Identity("bob", Role.POLICE_CONTACT, frozenset({"2506", "2505"})),
    Identity("charlie", Role.COORDINATOR, frozenset({"2505"})),
    Identity("kerstin", Role.COORDINATOR, frozenset({"2584"})),
    Identity("klas", Role.POLICE_CONTACT, frozenset({"2584", "2523"})),
]
ROLE_RELATION = {
    Role.COORDINATOR: OWNER,
    Role.LEADERSHIP: LEADER,
    Role.REPORTER: REPORTER,
    Role.POLICE_CONTACT: POLICE,
}


def relation(identity: Identity, target: str) -> str:
    if identity.name == "anonymous":
        return ANON
    if identity.role is None:
        return ADMIN
    if target not in TARGETS:  # a page about no municipality in particular
        return ROLE_RELATION[identity.role]
    codes = TARGETS[target]
    if not identity.codes & codes:
        return OUTSIDER
    if identity.role == Role.POLICE_CONTACT:
        return POLICE if codes <= identity.codes else OUTSIDER
    if identity.role == Role.COORDINATOR:
        return OWNER if len(codes) == 1 else PARTY
    return ROLE_RELATION[identity.role]


def marker_of(code: str) -> str:
    """A word in the titles of a municipality's own things (goal, indicator, plan, activity, dialogue and its
    problem, meeting place, supervised object, recurring event): a page that shows it to someone outside the
    municipality leaks."""
    return f"internt-{code}"


# The rules.


@dataclass(frozen=True)
class Expect:
    """The answer for each relation: `writer` for owners, parties and the police, `reader` for leadership and
    reporters, `outsider` for outsiders and the superuser; a relation named outright overrides its group."""

    writer: int | str
    reader: int | str
    anon: int | str = LOGIN
    outsider: int | str = 404
    each: Mapping[str, int | str] = field(default_factory=dict)

    def __call__(self, relation: str) -> int | str:
        if relation in self.each:
            return self.each[relation]
        if relation == ANON:
            return self.anon
        if relation in (OWNER, PARTY, POLICE):
            return self.writer
        if relation in (LEADER, REPORTER):
            return self.reader
        return self.outsider


def expect(writer: int | str, reader: int | str | None = None, **each: int | str) -> Expect:
    """`expect(200)`: every party 200; `expect(400, 404)`: writers 400, readers 404. Keywords: `anon`, `outsider`,
    or a relation (`owner`, `party`, `police`, `leader`, `reporter`, `superuser`)."""
    anon = each.pop("anon", LOGIN)
    outsider = each.pop("outsider", 404)
    return Expect(writer, writer if reader is None else reader, anon, outsider, each)


def everyone(status: int | str) -> Expect:
    return Expect(status, status, status, status)


@dataclass(frozen=True)
class Call:
    kwargs: dict = field(default_factory=dict)
    query: str = ""


@dataclass(frozen=True)
class Rule:
    """Where a URL is tried (target -> arguments), and what each relation gets for GET and for POST. `public`:
    anyone may read it, so an outsider's 200 is no leak."""

    targets: Callable[[Cast], dict[str, Call]]
    get: Expect
    post: Expect
    public: bool = False
    per_target: Mapping[str, tuple[Expect, Expect]] = field(default_factory=dict)
    # Tables the URL may write even when it refuses (besides the bookkeeping ones), each with its reason.
    writes: frozenset[str] = frozenset()
    # A joint document of the target's municipalities: whoever may read it sees the things of each of them.
    joint: bool = False

    def expected(self, method: str, target: str, relation: str) -> int | str:
        get, post = self.per_target.get(target, (self.get, self.post))
        return (get if method == "get" else post)(relation)


# The URL configuration.


@dataclass(frozen=True)
class Pattern:
    name: str
    route: str


# The API (samverkan.api) takes no session, only a token: tests/api tries its scope with the same cast.
SKIPPED_NAMESPACES = frozenset({"admin", "api"})


def url_patterns() -> dict[str, Pattern]:
    """Every named URL pattern, through the include()s; the admin site is Django's own and left out."""
    found: dict[str, Pattern] = {}

    def walk(patterns, prefix: str, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = pattern.namespace or namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = pattern.name if namespace is None or pattern.name is None else f"{namespace}:{pattern.name}"
                found[name or f"<unnamed {route}>"] = Pattern(name or "", route)

    walk(get_resolver().url_patterns, "", None)
    return found


# Requests that change nothing.

# A POST that is not empty, so that a view's `Form(request.POST or None)` is bound and validated.
MINIMAL_BODY = {"permission_matrix": "1"}
WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+["`]?(\w+)', re.I)
# Tables a request may write whatever its answer: the session (saved on every request), the login throttle and
# the logs of who did or tried what.
BOOKKEEPING_APPS = frozenset({"sessions", "axes", "auditlog"})


def bookkeeping_tables() -> frozenset[str]:
    from django.apps import apps

    return frozenset(m._meta.db_table for m in apps.get_models() if m._meta.app_label in BOOKKEEPING_APPS)


class Writes:
    """The tables written by the SQL that passes (connection.execute_wrapper)."""

    def __init__(self) -> None:
        self.tables: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        match = WRITE.match(sql)
        if match:
            self.tables.append(match.group(1))
        return execute(sql, params, many, context)


@dataclass(frozen=True)
class Outcome:
    answer: int | str
    written: tuple[str, ...]
    error: str = ""
    text: str = ""  # the body of a 200 in text (HTML, JSON, CSV, iCalendar)


def answer_of(response: HttpResponseBase) -> int | str:
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    if location.startswith(resolve_url(settings.LOGIN_URL) + "?"):
        return LOGIN
    if location.split("?")[0] == reverse("two_factor_verify"):
        return VERIFY
    return REDIRECT


def attempt(client: Client, method: str, url: str) -> Outcome:
    """One request in a savepoint that is rolled back, so no request sees another's changes; the client keeps its
    cookies (a logout would end its session)."""
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    # The public forms' per-client limits count in a cache: emptied for each request. The pictures' cache is kept
    # (tests/conftest.py empties it for each test): a name in it carries the data versions it was built from, and a
    # write rolled back leaves them as they were, so every request finds only what the cast's data shows.
    for alias in settings.CACHES:
        if alias != PICTURES:
            caches[alias].clear()
    writes = Writes()
    try:
        with transaction.atomic(), connection.execute_wrapper(writes):
            try:
                response = client.get(url) if method == "get" else client.post(url, MINIMAL_BODY)
            finally:
                transaction.set_rollback(True)
    except Exception as error:  # a 500: the test client re-raises the view's exception
        return Outcome(500, tuple(writes.tables), f"{type(error).__name__}: {error}"[:300])
    finally:
        client.cookies = cookies
    return Outcome(answer_of(response), tuple(writes.tables), text=_text(response))


def _text(response: HttpResponseBase) -> str:
    if not isinstance(response, HttpResponse):  # a streamed file: not read
        return ""
    if response.status_code != 200 or not response["Content-Type"].startswith(TEXT_TYPES):
        return ""
    return response.content.decode(response.charset or "utf-8", errors="replace")


TEXT_TYPES = ("text/", "application/json")


# The world.


@dataclass
class Place:
    """One municipality with one object of every kind."""

    municipality: Municipality
    owner: User
    agreement: Agreement  # its part 2
    commitment: Commitment
    communication_item: CommunicationItem
    signatory: Signatory
    incident: Incident
    citizen_report: CitizenReport  # with a photo; its text holds the marker
    dialogue: Dialogue
    wave: Wave
    baseline: Baseline
    goal: Goal
    indicator: Indicator
    manual_value: ManualValue
    plan: ActionPlan
    activity: Activity
    promise_set: PromiseSet
    promise: Promise
    suggestion: Suggestion
    consultation: Consultation  # on the draft of next year's promises, open today
    comment: Comment
    group: CollaborationGroup
    meeting: Meeting
    calendar_token: str
    report: GeneratedReport
    evaluation: Evaluation  # of its part 1's period, for the municipality: a draft
    supervised_object: SupervisedObject
    event: RecurringEvent


@dataclass
class Shared:
    """Several municipalities' common things: the part 1 agreement, a joint group, the police area."""

    area: Organisation
    agreement: Agreement
    commitment: Commitment
    communication_item: CommunicationItem
    signatory: Signatory
    group: CollaborationGroup
    meeting: Meeting
    calendar_token: str
    baseline: Baseline
    report: GeneratedReport
    evaluation: Evaluation  # of the part 1's period, jointly for the police area: a draft
    # The police propose to drop a municipality from part 1, and a meeting rhythm for the joint group: open,
    # waiting for the municipalities' answers.
    parties_proposal: ChangeProposal
    rhythm_proposal: ChangeProposal


@dataclass
class Cast:
    world: World
    users: dict[str, User]
    places: dict[str, Place]
    shared: dict[str, Shared]


def _commitment(agreement: Agreement) -> Commitment:
    return agreement.commitments.create(responsible="bada", text="Ta fram en fördjupad lägesbild.", order=9)


def present[T](value: T | None, what: str) -> T:
    """What the world is built to have: its absence is a broken world, not a finding about permissions."""
    assert value is not None, f"the world has no {what}"
    return value


def _communication_item(agreement: Agreement) -> CommunicationItem:
    return agreement.communication_plan.create(
        message="Överenskommelsen publiceras", audience="Invånare", channel="Webb", when="Vid start", responsible="Alla"
    )


def _signatory(agreement: Agreement) -> Signatory:
    """A signed agreement's first signatory; one not signed yet for a draft."""
    return agreement.signatories.first() or agreement.signatories.create(
        name="Maria Stenlund",
        title="Kommunstyrelsens ordförande",
        organisation=present(agreement.parties.order_by("pk").last(), "party"),
    )


def _consultation(municipality: Municipality, owner: User) -> Consultation:
    """The draft of next year's promises, open for comments from yesterday to a week from today."""
    year, today = clock.today().year + 1, clock.today()
    draft = promises.promise_set_create(
        municipality=municipality,
        title=f"Medborgarlöfte {municipality.name} {year}",
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
        by=owner,
    )
    promises.promise_add(promise_set=draft, text="Polisen möter allmänheten varannan vecka.", by=owner)
    day = datetime.timedelta(days=1)
    return promises.consultation_save(promise_set=draft, opens_on=today - day, closes_on=today + 7 * day, by=owner)


def _group(name: str, *municipalities: Municipality) -> CollaborationGroup:
    group = CollaborationGroup.objects.create(name=name)
    group.municipalities.set(municipalities)
    return group


def _meeting(group: CollaborationGroup, by: User, place: str = "Kommunhuset") -> Meeting:
    return meetings.meeting_create(
        group=group, kind=Meeting.Kind.GROUP, starts_at=clock.now() + datetime.timedelta(days=7), place=place, by=by
    )


def _place(municipality: Municipality, agreement: Agreement, owner: User, point: tuple[float, float]) -> Place:
    today = clock.today()
    name = municipality.name
    marker = marker_of(municipality.code)
    period = Period.last_full_year(today)
    baseline = situation.baseline_adopt(
        picture=picture_for(municipality=municipality, period=period), by=owner, municipality=municipality
    )
    goal = goals.goal_create(
        agreement=agreement,
        focus_area=present(FocusArea.objects.order_by("pk").first(), "focus area"),
        municipality=municipality,
        title=f"Tryggare {name} {marker}",
        description="",
    )
    indicator = goals.indicator_create(
        goal=goal,
        municipality=municipality,
        name=f"Andel trygga {marker}",
        series=Indicator.Series.MANUAL,
        key="",
        target_value=80,
        direction=Indicator.Direction.UP,
        target_date=agreement.ends_on,
        baseline=baseline,
        baseline_value=50,
    )
    plan = actions.action_plan_create(
        municipality=municipality,
        title=f"Handlingsplan {name} {marker}",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        by=owner,
    )
    activity = actions.activity_create(
        plan=plan,
        title=f"Trygghetsvandring {marker}",
        responsible=Activity.Responsible.BOTH,
        role="samordnare",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        kind=Activity.Kind.SOCIAL,
        horizon=Activity.Horizon.SHORT,
    )
    # The activity acts around the place's point from the year's start, against a place a kilometre north of it.
    effects.intervention_set(
        activity=activity,
        area=Circle(point[0], point[1], 150),
        place=None,
        comparison=Circle(point[0] + 0.01, point[1], 150),
        comparison_name=f"Skolan {marker}",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=None,
        categories=[],
        by=owner,
    )
    promise_set = promises.promise_set_create(
        municipality=municipality,
        title=f"Medborgarlöfte {name}",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        by=owner,
    )
    promise = promises.promise_add(promise_set=promise_set, text="Polisen möter allmänheten varje månad.", by=owner)
    promises.promise_activity_add(
        promise=promise, who="polis", what="Möten med allmänheten", activity=activity, by=owner
    )
    for signatory in ("Helena Strand", "Maria Stenlund"):
        promises.promise_signatory_add(
            promise_set=promise_set, name=signatory, title="Chef", signed_on=datetime.date(today.year, 1, 1), by=owner
        )
    promises.promise_set_sign(promise_set=promise_set, by=owner)
    promises.promise_set_publish(promise_set=promise_set, by=owner)
    group = _group(f"Folkhälsorådet {name}", municipality)
    lat, lng = point
    incident = incident_report(
        report=IncidentReport(
            occurred_from=clock.now() - datetime.timedelta(days=2),
            occurred_to=None,
            lat=lat,
            lng=lng,
            category="Klotter",
            severity=2,
            description=f"Klotter på skolan i {name}",
        ),
        by=owner,
        allowed=[municipality],
    )
    dialogue = Dialogue.objects.create(
        municipality=municipality,
        kind=Dialogue.Kind.CITIZENS,
        held_on=today - datetime.timedelta(days=30),
        format=Dialogue.Format.MEETING,
        groups=f"Pensionärsföreningen {marker}",
        participants=12,
        recorded_by=owner,
    )
    dialogue.problems.create(problem=f"Mopeder på skolgården {marker}", prioritised_by=8)
    wave = surveys.wave_create(
        municipality=municipality, name=f"Trygghetsmätning {name}", questions=Question.objects.filter(key="trygg_kvall")
    )
    return Place(
        municipality=municipality,
        owner=owner,
        agreement=agreement,
        commitment=_commitment(agreement),
        communication_item=_communication_item(agreement),
        signatory=_signatory(agreement),
        incident=incident,
        citizen_report=citizen_report_submit(
            municipality=municipality,
            submission=Submission(
                category="belysning", lat=lat, lng=lng, text=f"Mörk gångväg {marker}", photo=_photo()
            ),
        ),
        dialogue=dialogue,
        wave=wave,
        baseline=baseline,
        goal=goal,
        indicator=indicator,
        manual_value=goals.manual_value_save(
            indicator=indicator, measured_on=today - datetime.timedelta(days=10), value=70, note="", by=owner
        ),
        plan=plan,
        activity=activity,
        promise_set=promise_set,
        promise=promise,
        suggestion=promises.suggestion_submit(promise=promise, text="Mer belysning vid busstationen"),
        consultation=(consultation := _consultation(municipality, owner)),
        comment=promises.comment_submit(consultation=consultation, text=f"Fler vuxna ute på kvällarna {marker}"),
        group=group,
        meeting=_meeting(group, owner, f"Kommunhuset {marker}"),
        calendar_token=meetings.group_calendar_token(group=group),
        report=report_generate(place=ReportPlace(municipality, None, [municipality], True), year=today.year, by=owner),
        evaluation=evaluation_start(
            agreement=present(agreement.strategic, "part 1"),
            place=ReportPlace(municipality, None, [municipality], True),
            by=owner,
            today=today,
        ),
        supervised_object=supervision.supervised_object_create(
            municipality=municipality, name=f"Hotellet i {name} {marker}", permit=SupervisedObject.Permit.ALCOHOL
        ),
        event=RecurringEvent.objects.create(
            municipality=municipality,
            name=f"Vintermarknad {marker}",
            start_month=1,
            start_day=20,
            end_month=1,
            end_day=25,
        ),
    )


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (90, 90, 90)).save(out, format="JPEG")
    return out.getvalue()


def _shared(area: Organisation, agreement: Agreement, police: User) -> Shared:
    today = clock.today()
    municipalities = joint_municipalities(area)
    group = _group(f"Samverkansgrupp {area.name}", *municipalities)
    picture = joint_picture_for(police_area=area, period=Period.last_full_year(today))
    return Shared(
        area=area,
        agreement=agreement,
        commitment=_commitment(agreement),
        communication_item=_communication_item(agreement),
        signatory=_signatory(agreement),
        group=group,
        meeting=_meeting(group, police),
        calendar_token=meetings.group_calendar_token(group=group),
        baseline=situation.baseline_adopt(picture=picture, by=police, police_area=area),
        report=report_generate(place=ReportPlace(None, area, municipalities, True), year=today.year, by=police),
        evaluation=evaluation_start(
            agreement=agreement, place=ReportPlace(None, area, municipalities, True), by=police, today=today
        ),
        parties_proposal=present(
            agreements.agreement_parties_propose(
                agreement=agreement, parties=list(agreement.parties.order_by("name"))[1:], by=police
            ),
            "parties proposal",
        ),
        rhythm_proposal=present(agreements.group_rhythm_propose(group=group, per_year=4, by=police), "rhythm proposal"),
    )


def build_cast() -> Cast:
    world = build_world()
    kiruna = _municipality("2584", "Kiruna", KIRUNA_BOX)
    gallivare = _municipality("2523", "Gällivare", GALLIVARE_BOX)
    K = Organisation.Kind
    norra_lappland = _organisation("LPO Norra Lappland", K.POLICE_AREA, kiruna, gallivare, parent=world.lpo.parent)
    kiruna_org = _organisation("Kiruna kommun", K.MUNICIPALITY, kiruna)
    gallivare_org = _organisation("Gällivare kommun", K.MUNICIPALITY, gallivare)
    users = {
        "alice": world.alice,
        "lena": world.lena,
        "bob": world.bob,
        "charlie": world.charlie,
        "rita": _user("rita", world.arjeplog_org, Role.REPORTER),
        "kerstin": _user("kerstin", kiruna_org, Role.COORDINATOR),
        "klas": _user("klas", norra_lappland, Role.POLICE_CONTACT),
        "ada": User.objects.create_superuser(username="ada", password="password", email="ada@example.se"),
    }
    part1 = world.part1
    kiruna_part1 = agreements.agreement_create(
        by=users["klas"],
        title="Samverkansöverenskommelse Norra Lappland",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.IN_FORCE,
        starts_on=part1.starts_on,
        ends_on=part1.ends_on,
        parties=[norra_lappland, kiruna_org, gallivare_org],
        municipalities=[kiruna, gallivare],
        focus_areas=FocusArea.objects.all(),
        signatories=[
            {
                "name": f"Ordförande {party.name}",
                "title": "Ordförande",
                "organisation": party,
                "signed_on": part1.starts_on,
            }
            for party in [norra_lappland, kiruna_org, gallivare_org]
        ],
    )
    kiruna_part2 = agreements.agreement_create(
        by=users["kerstin"],
        title="Del 2 Kiruna",
        part=Agreement.Part.LOCAL,
        status=Agreement.Status.DRAFT,
        starts_on=part1.starts_on,
        ends_on=part1.ends_on,
        strategic=kiruna_part1,
        parties=[norra_lappland, kiruna_org],
        municipalities=[kiruna],
    )
    places = {
        "own": _place(world.arjeplog, world.arjeplog_part2, world.alice, (66.5, 17.5)),
        "other_municipality": _place(world.arvidsjaur, world.arvidsjaur_part2, world.charlie, (65.5, 18.7)),
        "other_area": _place(kiruna, kiruna_part2, users["kerstin"], (67.85, 20.2)),
    }
    shared = {
        "shared": _shared(world.lpo, part1, world.bob),
        "other_shared": _shared(norra_lappland, kiruna_part1, users["klas"]),
    }
    for municipality in Municipality.objects.all():  # made on first use: here, not by a refused request
        incident_categories_for(municipality)
    return Cast(world=world, users=users, places=places, shared=shared)
