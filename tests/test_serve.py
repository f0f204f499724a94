"""`samverkan serve` runs gunicorn with DEBUG off: it serves a page and a collected static file, stops on SIGTERM."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

SECRET_KEY = "s" * 60


def database_url(tmp_path: Path) -> str:
    """The test database for another process: PostgreSQL's by its name; SQLite's (in memory) copied to a file."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        user, host, port = settings["USER"], settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
        return f"postgres://{user}@{host}:{port}/{settings['NAME']}"
    connection.ensure_connection()
    copy = tmp_path / "served.sqlite3"
    with sqlite3.connect(copy) as target:
        connection.connection.backup(target)
    return f"sqlite:///{copy}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, *, deadline: float) -> tuple[int, bytes]:
    """The status and body of a GET, waiting for the server to listen until the deadline."""
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the local test server)
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.django_db(transaction=True)  # SQLite copies no database in the middle of a transaction
def test_it_serves_pages_and_static_files_with_gunicorn_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url(tmp_path),
        "SAMVERKAN_DATA_DIR": str(tmp_path / "data"),
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "REQUIRE_2FA": "false",
    }
    command = [sys.executable, "-m", "samverkan", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        status, body = fetch(f"http://127.0.0.1:{port}/konto/logga-in/", deadline=deadline)
        assert status == 200 and b'name="password"' in body
        css = (Path(__file__).parent.parent / "samverkan" / "static" / "samverkan.css").read_bytes()
        assert fetch(f"http://127.0.0.1:{port}/static/samverkan.css", deadline=deadline) == (200, css)
        assert fetch(f"http://127.0.0.1:{port}/static/nothing.css", deadline=deadline)[0] == 404
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert "serving on" in err and "2 worker(s)" in err
    assert 'GET /konto/logga-in/ HTTP/1.1" 200' in out  # the access log
    assert "static files: collected" in err and (tmp_path / "data" / "static" / "samverkan.css").is_file()
    assert "DEBUG is on" not in err


def test_it_refuses_no_workers():
    result = subprocess.run(
        [sys.executable, "-m", "samverkan", "serve", "--workers", "0", "--no-collectstatic"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "--workers and --threads must be at least 1" in result.stderr
