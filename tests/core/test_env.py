from __future__ import annotations

from pathlib import Path

import pytest

from samverkan.core.env import DATABASE_URL_UNSUPPORTED, database_from_url


def test_it_defaults_to_a_local_sqlite_file_with_wal():
    db = database_from_url(None, Path("/tmp/x/samverkan.sqlite3"))
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == "/tmp/x/samverkan.sqlite3"
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["timeout"] == 20


def test_it_reads_an_absolute_sqlite_url():
    assert database_from_url("sqlite:////srv/data/s.db", Path("x"))["NAME"] == "/srv/data/s.db"


def test_it_reads_a_postgres_url():
    db = database_from_url("postgres://postgres:s%40cret@127.0.0.1:5432/samverkan", Path("x"))
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "samverkan",
        "postgres",
        "s@cret",
        "127.0.0.1",
        "5432",
    )


def test_it_refuses_an_unknown_scheme():
    with pytest.raises(ValueError) as error:
        database_from_url("mysql://root@localhost/x", Path("x"))
    assert str(error.value) == DATABASE_URL_UNSUPPORTED.format(url="mysql://root@localhost/x")
