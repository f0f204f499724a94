"""The security log (logger samverkan.security): failed logins, lockouts, failed two-factor codes and denied pages,
without query strings, passwords or codes."""

from __future__ import annotations

import datetime
import logging
import os
import subprocess
import sys

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverkan.sources.incidents.models import Incident
from samverkan.sources.incidents.services import incident_categories_for
from tests.account.test_two_factor import current_code

LOGIN = "/konto/logga-in/"


@pytest.fixture
def log(caplog) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger="samverkan.security")
    return caplog


def security(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "samverkan.security"]


def test_it_logs_a_failed_login_with_the_user_name_and_address_but_not_the_password(client, world, log):
    client.post(LOGIN, {"username": "alice", "password": "hunter2-guess"}, REMOTE_ADDR="10.0.0.9")
    assert security(log) == ["event=login_failed ip=10.0.0.9 username=alice"]


def test_it_logs_a_lockout(client, world, log, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "alice", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    assert "event=lockout ip=10.0.0.9 username=alice" in security(log)


def test_it_logs_a_wrong_two_factor_code_but_not_the_code(client, world, log, settings):
    settings.REQUIRE_2FA = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=world.alice, name="phone", confirmed=True)
    client.post(LOGIN, {"username": "alice", "password": "password"}, REMOTE_ADDR="10.0.0.9")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
    assert client.post("/konto/tvastegsinloggning/", {"code": wrong}, REMOTE_ADDR="10.0.0.9").status_code == 400
    assert security(log) == [f"event=two_factor_failed ip=10.0.0.9 user={world.alice.pk}"]
    assert wrong not in log.text


def test_it_logs_a_page_outside_the_users_reach_without_its_query_string(client, world, log):
    incident = Incident.objects.create(
        municipality=world.arjeplog,
        category=incident_categories_for(world.arjeplog)[0],
        occurred_from=datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC),
        lat=66.5,
        lng=17.5,
        severity=1,
        description="Klotter",
    )
    client.force_login(world.charlie)
    path = reverse("incident", args=[incident.pk])
    assert client.get(path, {"namn": "Sven Svensson"}, REMOTE_ADDR="10.0.0.9").status_code == 404
    client.force_login(world.lena)
    assert client.post(path, {"status": "bedomd"}, REMOTE_ADDR="10.0.0.9").status_code == 404
    assert security(log) == [
        f"event=access_denied ip=10.0.0.9 user={world.charlie.pk} status=404 method=GET path={path}",
        f"event=access_denied ip=10.0.0.9 user={world.lena.pk} status=404 method=POST path={path}",
    ]
    assert "Svensson" not in log.text


def test_it_logs_nothing_for_an_allowed_page_or_an_anonymous_404(client, world, log):
    client.get("/finns-inte/")
    client.force_login(world.alice)
    assert client.get("/").status_code == 200
    assert security(log) == []


def test_it_writes_the_security_log_to_its_file_and_stderr(tmp_path):
    """The settings' LOGGING as the server loads it: a line in SECURITY_LOG_FILE and on stderr."""
    log_file = tmp_path / "security.log"
    env = os.environ | {"SECURITY_LOG_FILE": str(log_file), "SAMVERKAN_DATA_DIR": str(tmp_path)}
    code = "from samverkan.core.security import security_event; security_event('login_failed', username='x')"
    done = subprocess.run(
        [sys.executable, "-m", "samverkan", "shell", "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "WARNING event=login_failed username=x" in log_file.read_text()
    assert "event=login_failed username=x" in done.stderr
