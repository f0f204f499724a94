"""The shared cast: Alice owns Arjeplog's work, Bob (police) may see it, Charlie must not.

Alice   – coordinator, Arjeplogs kommun (owner)
Bob     – police contact, LPO Piteå älvdal (covers Arjeplog and Arvidsjaur: has access)
Charlie – coordinator, Arvidsjaurs kommun (a party to part 1, outsider to everything of Arjeplog's)
Dave    – coordinator, Luleå kommun (outside the police area: sees nothing of ours)
Lena    – leadership, Arjeplogs kommun (reads, never writes)
"""

from __future__ import annotations

import datetime
import itertools
import logging
import os
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, fields
from importlib import import_module
from typing import Any

import pytest
import time_machine
from auditlog.context import disable_auditlog
from django.apps import apps as django_apps
from django.core.cache import caches
from django.core.management.commands import flush as flush_command
from django.db.models import Model
from django.db.models.signals import post_migrate
from django.utils import translation

from samverkan.agreements import services
from samverkan.agreements.models import Agreement, Section
from samverkan.core import clock
from samverkan.organisations.models import FocusArea, Membership, Municipality, Organisation, Role, User
from tests import snapshots


def box(west: float, south: float, east: float, north: float) -> dict:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


# Rough boxes: Arjeplog's around (66.5, 17.5), Arvidsjaur's south-east of it, Luleå's further east.
ARJEPLOG_BOX = box(17.0, 66.0, 18.0, 67.0)
ARVIDSJAUR_BOX = box(18.0, 65.0, 19.5, 66.0)
LULEA_BOX = box(21.0, 65.4, 22.5, 66.0)


pytest_plugins = ["tests.browser.fixtures"]

# SAMVERKAN_TEST_TODAY=YYYY-MM-DD runs the whole suite on that day: the clock starts at 10:00 in Stockholm and ticks.
TEST_TODAY = os.environ.get("SAMVERKAN_TEST_TODAY", "").strip()
TRAVEL = pytest.StashKey[time_machine.travel]()


def pytest_configure(config: pytest.Config) -> None:
    # The security log's file is the server's (DATA_DIR/security.log): tests read the logger through caplog.
    security = logging.getLogger("samverkan.security")
    for handler in [h for h in security.handlers if isinstance(h, logging.FileHandler)]:
        security.removeHandler(handler)
        handler.close()
    if not TEST_TODAY:
        return
    day = datetime.date.fromisoformat(TEST_TODAY)
    moment = datetime.datetime.combine(day, datetime.time(10), zoneinfo.ZoneInfo("Europe/Stockholm"))
    config.stash[TRAVEL] = time_machine.travel(moment, tick=True)
    config.stash[TRAVEL].start()


def pytest_unconfigure(config: pytest.Config) -> None:
    travel = config.stash.get(TRAVEL, None)
    if travel is not None:
        travel.stop()


def pytest_report_header(config: pytest.Config) -> str:
    if TEST_TODAY:
        return f"clock: {TEST_TODAY} 10:00 Europe/Stockholm, ticking (SAMVERKAN_TEST_TODAY)"
    return "clock: real (SAMVERKAN_TEST_TODAY=YYYY-MM-DD runs the suite on another day)"


@pytest.fixture(autouse=True)
def test_settings(settings, tmp_path) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path  # uploads waiting for confirmation land here
    # Every test starts in the product's language, whatever an earlier test in the worker left active (a page
    # read in English activates English in this thread).
    translation.activate(settings.LANGUAGE_CODE)
    settings.MAP_TILE_URL = ""  # no background map: the tests have no network (tests/browser/fixtures.py blocks it)
    settings.MAP_TILE_ATTRIBUTION = ""
    # Jobs run inside the request, so a test sees their outcome; tests/test_worker.py runs the real worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # The pictures' cache lives in the process: a rolled back test database would leave its pictures behind.
    caches["pictures"].clear()


@pytest.fixture
def in_english(client, settings) -> Iterator[None]:
    """English for a test that writes its expected messages out in English: in the code it calls
    (import problems are kept in the active language, Swedish by default) and on the client's pages."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


def _seed_question_bank(**kwargs: object) -> None:
    from django.apps import apps

    import_module("samverkan.sources.surveys.migrations.0002_seed_question_bank").seed_questions(apps, None)


# A live-server or other transactional test empties the database after itself, and Django then sends post_migrate
# (content types and permissions are made when missing): seed the survey question bank again, as its migration
# does, so that every later test in the worker finds the database as migrated.
post_migrate.connect(_seed_question_bank, sender=django_apps.get_app_config("surveys"), dispatch_uid="question_bank")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> None:
    """The test databases are made from the models (--nomigrations in pyproject.toml, 20 s of CPU a worker less than
    running the 144 migrations); their table of applied migrations lists every migration on disk, as after
    `migrate`, so what reads it (the backup's check that a file holds a Samverkan database) finds it as in
    production. tests/test_scale_out.py runs the migrations themselves on PostgreSQL."""
    from django.db import connections
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(MIGRATION_MODULES={}):
        on_disk = MigrationLoader(None).disk_migrations
        for alias in connections:
            recorder = MigrationRecorder(connections[alias])
            recorder.ensure_schema()
            for app, name in sorted(on_disk):
                recorder.record_applied(app, name)


# What the migrations and post_migrate make, never what a test makes: kept when a transactional test empties the
# database, so their ids stay (the demo snapshot of tests/snapshots.py is taken again only when they change).
KEPT_BY_FLUSH = frozenset({"django_content_type", "auth_permission", "surveys_question"})


def _flush_sql(style, connection, reset_sequences=True, allow_cascade=False) -> list[str]:
    """The flush after a transactional test, lighter than Django's: the migrations' rows stay, and PostgreSQL
    deletes the rows instead of truncating (TRUNCATE makes every table's files anew: 97 tables took 5.5–7 s
    against 0.37 s for DELETE on this machine; the foreign keys are deferred, so the order does not matter)."""
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True, include_views=False)
        if table not in KEPT_BY_FLUSH
    ]
    if connection.vendor == "postgresql" and not reset_sequences:
        return [f"DELETE FROM {connection.ops.quote_name(table)};" for table in tables]
    return connection.ops.sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)


flush_command.sql_flush = _flush_sql  # type: ignore[attr-defined]  # the flush command's import, unstubbed


@pytest.fixture
def demo(db) -> str:
    """The demo world, as `samverkan demo --no-serve` makes it, in this test's database (copied from one made once
    per worker: tests/snapshots.py); the command's output. With a live server, it is committed."""
    return snapshots.load_demo()


@dataclass
class World:
    arjeplog: Municipality
    arvidsjaur: Municipality
    lulea: Municipality
    lpo: Organisation
    arjeplog_org: Organisation
    arvidsjaur_org: Organisation
    alice: User
    bob: User
    charlie: User
    dave: User
    lena: User
    part1: Agreement
    arjeplog_part2: Agreement
    arvidsjaur_part2: Agreement


def _municipality(code: str, name: str, boundary: dict) -> Municipality:
    return Municipality.objects.create(
        code=code, name=name, county_code="25", county_name="Norrbottens län", boundary=boundary
    )


def _organisation(name: str, kind: str, *municipalities: Municipality, parent: Organisation | None = None):
    organisation = Organisation.objects.create(name=name, kind=kind, parent=parent)
    organisation.municipalities.set(municipalities)
    return organisation


def _user(username: str, organisation: Organisation, role: str) -> User:
    user = User.objects.create_user(username=username, password="password", first_name=username.title())
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def world(db) -> World:
    """The cast, as build_world makes it, copied into this test's database from one made once per worker and day
    (tests/snapshots.py)."""
    keys = snapshots.load_cast(_world_keys)
    by_model: dict[type[Model], dict[int, Any]] = {}
    for model, pks in itertools.groupby(sorted(keys.values(), key=lambda k: k[0].__name__), key=lambda k: k[0]):
        by_model[model] = model._default_manager.in_bulk([pk for _, pk in pks])
    return World(**{name: by_model[model][pk] for name, (model, pk) in keys.items()})


def _world_keys() -> dict[str, tuple[type[Model], int]]:
    # The cast is the stage, not what a test watches: its creation is not audit-logged (half its queries).
    with disable_auditlog():
        world = build_world()
    return {field.name: (type(value := getattr(world, field.name)), value.pk) for field in fields(World)}


def build_world() -> World:
    """The cast and its agreements, for a fixture of any scope (tests/test_permission_matrix.py builds it once)."""
    # The part 1 agreement ends five weeks from today, inside its revision window.
    ends = clock.today() + datetime.timedelta(days=35)
    starts = datetime.date(ends.year - 3, 6, 1)
    period = f"{starts.year}–{ends.year}"
    arjeplog = _municipality("2506", "Arjeplog", ARJEPLOG_BOX)
    arvidsjaur = _municipality("2505", "Arvidsjaur", ARVIDSJAUR_BOX)
    lulea = _municipality("2580", "Luleå", LULEA_BOX)
    K = Organisation.Kind
    region = _organisation("Polisregion Nord", K.POLICE_REGION)
    lpo = _organisation("LPO Piteå älvdal", K.POLICE_AREA, arjeplog, arvidsjaur, parent=region)
    arjeplog_org = _organisation("Arjeplogs kommun", K.MUNICIPALITY, arjeplog)
    arvidsjaur_org = _organisation("Arvidsjaurs kommun", K.MUNICIPALITY, arvidsjaur)
    lulea_org = _organisation("Luleå kommun", K.MUNICIPALITY, lulea)
    alice = _user("alice", arjeplog_org, Role.COORDINATOR)
    bob = _user("bob", lpo, Role.POLICE_CONTACT)
    charlie = _user("charlie", arvidsjaur_org, Role.COORDINATOR)
    dave = _user("dave", lulea_org, Role.COORDINATOR)
    lena = _user("lena", arjeplog_org, Role.LEADERSHIP)
    focus = [
        FocusArea.objects.create(short_name="ANDT-S", name="Alkohol, narkotika, doping, tobak och spel (ANDT-S)"),
        FocusArea.objects.create(short_name="BRÅ", name="Brottsförebyggande arbete (BRÅ)"),
        FocusArea.objects.create(short_name="Hälsa", name="Psykisk och fysisk hälsa"),
    ]
    part1 = services.agreement_create(
        by=bob,
        title=f"Samverkansöverenskommelse del 1 {period}",
        part=Agreement.Part.STRATEGIC,
        status=Agreement.Status.IN_FORCE,
        starts_on=starts,
        ends_on=ends,
        parties=[lpo, arjeplog_org, arvidsjaur_org],
        municipalities=[arjeplog, arvidsjaur],
        focus_areas=focus,
        signatories=[
            {"name": name, "title": "Ordförande", "organisation": party, "signed_on": starts}
            for name, party in [
                ("Polischefen", lpo),
                ("Arjeplogs ordförande", arjeplog_org),
                ("Arvidsjaurs ordförande", arvidsjaur_org),
            ]
        ],
    )
    Section.objects.create(agreement=part1, kind=Section.Kind.PURPOSE, body="Att minska brottsligheten.", order=1)
    part1.commitments.create(responsible="bada", text="Ta fram en fördjupad lägesbild (baslinje).", order=1)
    part1.communication_plan.create(
        message="Överenskommelsen publiceras",
        audience="Invånare",
        channel="Webb",
        when="Vid undertecknande",
        responsible="Kommunikatörer",
    )

    def part2(municipality: Municipality, organisation: Organisation, by: User) -> Agreement:
        return services.agreement_create(
            by=by,
            title=f"Del 2 {municipality.name} {period}",
            part=Agreement.Part.LOCAL,
            status=Agreement.Status.DRAFT,
            starts_on=starts,
            ends_on=ends,
            strategic=part1,
            parties=[lpo, organisation],
            municipalities=[municipality],
        )

    return World(
        arjeplog=arjeplog,
        arvidsjaur=arvidsjaur,
        lulea=lulea,
        lpo=lpo,
        arjeplog_org=arjeplog_org,
        arvidsjaur_org=arvidsjaur_org,
        alice=alice,
        bob=bob,
        charlie=charlie,
        dave=dave,
        lena=lena,
        part1=part1,
        arjeplog_part2=part2(arjeplog, arjeplog_org, alice),
        arvidsjaur_part2=part2(arvidsjaur, arvidsjaur_org, charlie),
    )
