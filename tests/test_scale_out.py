"""Scaling out (README, "Production"): two app servers (`samverkan serve`) and a worker (`samverkan worker`) against
one PostgreSQL. A login on server A is a session on server B too; an incident written on A is in B's picture at
once (B had kept that picture: its data version changed); an import confirmed on A is queued, the worker runs it,
and B shows its job finished and its incidents counted.

It runs in both of the suite's runs, against the PostgreSQL at 127.0.0.1:5432 that .ci/run starts, in a database
of its own (samverkan_scale_out: migrated when its migrations are behind, emptied and seeded each time), whatever
DATABASE_URL the rest of the suite uses. Every process it starts is stopped in `finally`, and every wait has a
deadline.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.urls import reverse

from samverkan.core import clock

HOST, PORT, DATABASE = "127.0.0.1", 5432, "samverkan_scale_out"
DATABASE_URL = f"postgres://postgres@{HOST}:{PORT}/{DATABASE}"
SECRET_KEY = "scale-out-" + "k" * 50
PASSWORD = "ett-långt-lösenord-för-testet"
DEADLINE_SECONDS = 180  # for each of: the database ready, the servers listening, the worker's job
ARJEPLOG = {  # the municipality's outline, a box around the place the incidents are logged
    "type": "Polygon",
    "coordinates": [[[17.0, 66.0], [18.0, 66.0], [18.0, 67.0], [17.0, 67.0], [17.0, 66.0]]],
}
FLUSH_AND_SEED = f"""
from django.core.management import call_command
call_command("flush", interactive=False, verbosity=0)
from samverkan.organisations.models import Membership, Municipality, Organisation, Role, User
arjeplog = Municipality.objects.create(
    code="2506", name="Arjeplog", county_code="25", county_name="Norrbottens län", boundary={ARJEPLOG!r}
)
organisation = Organisation.objects.create(name="Arjeplogs kommun", kind=Organisation.Kind.MUNICIPALITY)
organisation.municipalities.set([arjeplog])
alice = User.objects.create_user(username="alice", password={PASSWORD!r})
Membership.objects.create(user=alice, organisation=organisation, role=Role.COORDINATOR)
"""


def _environment(data_dir: Path) -> dict[str, str]:
    """Production settings, but for HTTP on the loopback and no second factor; one data directory for the servers
    and the worker, as the uploads' shared storage would be."""
    return {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "SAMVERKAN_DATA_DIR": str(data_dir),
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "REQUIRE_2FA": "false",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MAP_TILE_URL": "",
        "SECURITY_LOG_FILE": "",
    }


def _samverkan(*arguments: str, env: dict[str, str], timeout: float = DEADLINE_SECONDS) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "samverkan", *arguments], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"samverkan {' '.join(arguments)}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _prepare_database(env: dict[str, str]) -> None:
    """The database exists and is migrated (only what is missing: quick the second time), emptied and seeded."""
    with psycopg.connect(host=HOST, port=PORT, user="postgres", dbname="postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
            admin.execute(f'CREATE DATABASE "{DATABASE}"')
    _samverkan("migrate", "--no-input", "-v0", env=env, timeout=600)
    _samverkan("shell", "-c", FLUSH_AND_SEED, env=env)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Browser:
    """One visitor with one cookie jar, whichever server it asks (the session lives in the database)."""

    def __init__(self) -> None:
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect(), urllib.request.ProxyHandler({})
        )

    def csrf(self) -> str:
        return next(cookie.value or "" for cookie in self.cookies if cookie.name == "csrftoken")

    def request(self, base: str, path: str, data: dict[str, str] | None = None, files=None) -> tuple[int, str, str]:
        """(status, body, Location) of a GET, or of a POST of the form's fields (with the CSRF token)."""
        body, headers = None, {}
        if files is not None:
            body, boundary = _multipart({**(data or {}), "csrfmiddlewaretoken": self.csrf()}, files)
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
        elif data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        request = urllib.request.Request(base + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(), response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers.get("Location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test reads each redirect's Location itself


def _multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: text/csv\r\n\r\n" + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def _wait_until_listening(base: str, process: subprocess.Popen, deadline: float) -> None:
    while True:
        assert process.poll() is None, f"{base} stopped: {process.communicate()[1]}"
        try:
            with urllib.request.urlopen(base + reverse("login"), timeout=5):  # noqa: S310 (the loopback)
                return
        except OSError:
            assert time.monotonic() < deadline, f"{base} did not answer within {DEADLINE_SECONDS} s"
            time.sleep(0.3)


@pytest.fixture
def cluster(tmp_path) -> Iterator[tuple[str, str]]:
    """Two app servers and a worker on one PostgreSQL: the base URLs of A and B."""
    env = _environment(tmp_path / "data")
    _prepare_database(env)
    ports = [_free_port(), _free_port()]
    processes: list[subprocess.Popen] = []
    try:
        for port in ports:
            command = ["serve", "--bind", f"{HOST}:{port}", "--workers", "1", "--no-collectstatic"]
            processes.append(_start([sys.executable, "-m", "samverkan", *command], env, tmp_path / f"serve-{port}"))
        processes.append(
            _start([sys.executable, "-m", "samverkan", "worker", "--interval", "0.3"], env, tmp_path / "worker")
        )
        deadline = time.monotonic() + DEADLINE_SECONDS
        bases = [f"http://{HOST}:{port}" for port in ports]
        for base, process in zip(bases, processes, strict=False):
            _wait_until_listening(base, process, deadline)
        yield bases[0], bases[1]
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """A process whose output goes to files (a pipe nobody reads would stop it when full)."""
    return subprocess.Popen(command, env=env, stdout=log.with_suffix(".out").open("w"), stderr=subprocess.STDOUT)


def _klotter(browser: Browser, base: str, query: str) -> int:
    """The picture's count of Klotter in Arjeplog, from the server's JSON export (0 when there is none)."""
    url = reverse("situation_export", args=["2506"]) + f"?{query}&format=json&audience=internal"
    status, body, _ = browser.request(base, url)
    assert status == 200, body[:500]
    return next((row["count"] for row in json.loads(body)["incidents"] if row["category"] == "Klotter"), 0)


def test_two_servers_and_a_worker_share_one_postgresql(cluster):
    a, b = cluster
    browser = Browser()
    browser.request(a, reverse("login"))  # the CSRF cookie
    status, _body, location = browser.request(a, reverse("login"), {"username": "alice", "password": PASSWORD})
    assert status == 302 and location == reverse("overview"), "the login on server A"
    assert browser.request(b, reverse("overview"))[0] == 200, "A's session is B's too"

    today = clock.today()
    start, end = today - datetime.timedelta(days=60), today
    query = f"start={start.isoformat()}&end={end.isoformat()}"
    before = _klotter(browser, b, query)  # B builds the picture, and keeps it

    # A write on A …
    when = datetime.datetime.combine(today - datetime.timedelta(days=3), datetime.time(21, 30))
    status, body, location = browser.request(
        a,
        reverse("incident_new"),
        {
            "occurred_from": when.strftime("%Y-%m-%d %H:%M"),
            "category": "Klotter",
            "severity": "1",
            "lat": "66.5",
            "lng": "17.5",
            "description": "Klotter på busskuren",
        },
    )
    assert status == 302, body[:2000]
    # … is seen on B: the incident, and the figure in the picture B had kept.
    status, body, _ = browser.request(b, location)
    assert status == 200 and "Klotter på busskuren" in body
    assert _klotter(browser, b, query) == before + 1

    # An import confirmed on A goes to the worker; B sees the job done and the incidents counted.
    rows = ["id,occurred_from,kommunkod,lat,lng,category,severity,status,description"]
    rows += [
        f"skala-{n},{today - datetime.timedelta(days=n):%Y-%m-%d} 22:10,2506,66.5,17.5,Klotter,1,ny,Klotter {n}"
        for n in range(1, 6)
    ]
    upload = ("\n".join(rows) + "\n").encode()
    status, body, _ = browser.request(
        a, reverse("import_upload", args=["incidents"]), {}, files={"file": ("est.csv", upload)}
    )
    assert status == 200, body[:2000]
    token = re.search(r'name="token" value="([^"]+)"', body)
    assert token, "the preview's confirmation token"
    status, body, location = browser.request(
        a, reverse("import_confirm", args=["incidents"]), {"token": token.group(1)}
    )
    assert status == 302 and location.startswith("/jobb/"), body[:2000]
    job = int(location.strip("/").split("/")[-1])
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        status, body, _ = browser.request(b, reverse("job_status", args=[job]))
        state = json.loads(body)
        if state["finished"]:
            break
        assert time.monotonic() < deadline, f"the worker did not finish the job: {state}"
        time.sleep(0.3)
    assert state["state"] == "done", state
    assert _klotter(browser, b, query) == before + 1 + 5
