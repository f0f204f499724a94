"""Production settings: no start on the development key, HTTPS settings with SECURE_COOKIES, `check --deploy` clean
with the production variables documented in the README."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
LONG_KEY = "k" * 30 + "Q7x-p2Vm9_Lw4Rt8Zs1NbYc6Hd3"


def run(code_or_args: str | list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    # As a server starts: without the test run's own switches (the browser tests allow async-unsafe calls).
    left_out = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {key: value for key, value in os.environ.items() if key not in left_out}
    environment |= {"DJANGO_SETTINGS_MODULE": "samverkan.settings", "SAMVERKAN_DATA_DIR": str(tmp_path), **env}
    args = [sys.executable, "-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run(args, capture_output=True, text=True, env=environment, timeout=120)


def test_it_refuses_to_start_without_debug_on_the_development_key(tmp_path):
    result = run("import django; django.setup()", tmp_path, DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "development key" in result.stderr
    assert "Traceback" not in result.stderr


def test_it_refuses_a_short_secret_key_too(tmp_path):
    result = run("import django; django.setup()", tmp_path, DEBUG="false", SECRET_KEY="short")
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_it_starts_in_development_on_the_development_key(tmp_path):
    assert run("import django; django.setup()", tmp_path).returncode == 0


def settings_as_json(tmp_path: Path, **env: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
        "'redirect': s.SECURE_SSL_REDIRECT, 'hsts': s.SECURE_HSTS_SECONDS, 'cookie': s.SESSION_COOKIE_SECURE,"
        "'csrf': s.CSRF_COOKIE_SECURE, 'twofactor': s.REQUIRE_2FA}))"
    )
    result = run(code, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_it_turns_on_https_redirect_hsts_and_secure_cookies_with_secure_cookies(tmp_path):
    on = settings_as_json(tmp_path, SECURE_COOKIES="true")
    assert on == {"redirect": True, "hsts": 31_536_000, "cookie": True, "csrf": True, "twofactor": False}
    off = settings_as_json(tmp_path)
    assert off == {"redirect": False, "hsts": 0, "cookie": False, "csrf": False, "twofactor": False}


def test_it_requires_two_factor_by_default_in_production(tmp_path):
    assert settings_as_json(tmp_path, DEBUG="false", SECRET_KEY=LONG_KEY)["twofactor"] is True
    assert settings_as_json(tmp_path, DEBUG="false", SECRET_KEY=LONG_KEY, REQUIRE_2FA="false")["twofactor"] is False


def documented_production_variables() -> dict[str, str]:
    """The README's example production environment: the `KEY=value` lines of its "Production" code block."""
    block = README.read_text().split("<!-- production-environment -->")[1].split("```")[1]
    pairs = re.findall(r"^([A-Z_0-9]+)=(.*)$", block, flags=re.MULTILINE)
    return dict(pairs)


def test_it_passes_check_deploy_with_the_documented_production_variables(tmp_path):
    variables = documented_production_variables()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_COOKIES"} <= variables.keys()
    variables["SECRET_KEY"] = LONG_KEY  # the README shows a placeholder
    result = run(
        [sys.executable, "-m", "samverkan", "check", "--deploy", "--fail-level", "WARNING"], tmp_path, **variables
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
