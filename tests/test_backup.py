"""`samverkan backup` / `samverkan restore` round-trip the demo data table by table, on the database the
suite runs on (SQLite, or PostgreSQL when DATABASE_URL says so), and refuse bad files and full databases."""

from __future__ import annotations

import hashlib
import io
import random
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command, execute_from_command_line
from django.db import connection

from samverkan.organisations.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def tables() -> dict[str, str]:
    """Every table of a model with its primary key column, counted and hashed below with plain SQL."""
    keys = {"django_migrations": "id"}
    for model in apps.get_models(include_auto_created=True):
        assert model._meta.pk is not None and model._meta.pk.column is not None
        keys[model._meta.db_table] = model._meta.pk.column
    return keys


def fingerprint() -> dict[str, tuple[int, str]]:
    """Per table: the row count and a checksum of its rows ordered by primary key."""
    result = {}
    with connection.cursor() as cursor:
        for table, key in sorted(tables().items()):
            cursor.execute(
                f"SELECT * FROM {connection.ops.quote_name(table)} ORDER BY {connection.ops.quote_name(key)}"
            )
            rows = cursor.fetchall()
            result[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return result


def run(*argv: str) -> tuple[int | str | None, str, str]:
    """Run the samverkan command as from the shell: exit status, standard output, standard error."""
    out, err = io.StringIO(), io.StringIO()
    status: int | str | None = 0
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("sys.stdout", out)
            patch.setattr("sys.stderr", err)
            execute_from_command_line(["samverkan", *argv])
    except SystemExit as exit:
        status = exit.code
    return status, out.getvalue(), err.getvalue()


def test_it_round_trips_the_demo_data_table_by_table(demo, tmp_path: Path):
    before = fingerprint()
    users = User.objects.count()
    assert users > 0 and before["agreements_agreement"][0] > 0
    file = tmp_path / "samverkan.backup"

    status, output, _ = run("backup", str(file))
    assert status == 0
    assert re.search(rf"^\s+organisations_user\s+{users}$", output, re.MULTILINE)
    assert re.search(rf"^\s+agreements_agreement\s+{before['agreements_agreement'][0]}$", output, re.MULTILINE)

    call_command("flush", interactive=False, verbosity=0)
    assert fingerprint() != before

    status, output, errors = run("restore", str(file))
    assert (status, errors) == (0, "")
    assert re.search(rf"^\s+organisations_user\s+{users}$", output, re.MULTILINE)
    after = fingerprint()
    assert [table for table in before if after[table] != before[table]] == []


def test_it_refuses_to_restore_over_a_database_with_users_unless_forced(world, tmp_path: Path):
    file = tmp_path / "samverkan.backup"
    assert run("backup", str(file))[0] == 0
    User.objects.filter(username="dave").delete()
    users = User.objects.count()

    status, _, errors = run("restore", str(file))
    assert status == 1
    assert f"the database already holds {users} user(s)" in errors and "--force" in errors
    assert "Traceback" not in errors
    assert not User.objects.filter(username="dave").exists()

    assert run("restore", "--force", str(file))[0] == 0
    assert User.objects.filter(username="dave").exists()


def bad_files(tmp_path: Path, good: Path) -> list[Path]:
    noise = tmp_path / "noise.backup"
    noise.write_bytes(random.Random(10).randbytes(64 * 1024))
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return [noise, truncated, tmp_path / "missing.backup"]


def test_it_refuses_a_bad_file_with_a_clear_message(world, tmp_path: Path):
    good = tmp_path / "good.backup"
    assert run("backup", str(good))[0] == 0
    before = fingerprint()
    for bad in bad_files(tmp_path, good):
        for argv in (["restore", str(bad)], ["restore", "--force", str(bad)]):
            status, _, errors = run(*argv)
            assert status == 1, bad
            assert f"{bad}: not a usable backup" in errors
            assert "Traceback" not in errors
    assert fingerprint() == before
