"""Content-Security-Policy from Django's built-in support: scripts from the site only, so no template may hold an
inline script (JSON data blocks from `json_script` are not scripts); map pages keep working under it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SAMVERKAN = Path(__file__).resolve().parent.parent / "samverkan"


def policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip()]
    return {name: values for name, *values in directives}


def test_it_sends_a_policy_that_allows_scripts_from_the_site_only(client, db):
    found = policy(client.get("/konto/logga-in/"))
    assert found["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in found["script-src"] and "'self'" in found["script-src"]
    assert found["object-src"] == ["'none'"] and found["frame-ancestors"] == ["'none'"]


def test_it_allows_the_map_tile_host(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECURE_CSP['img-src'])"
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        "SAMVERKAN_DATA_DIR": str(tmp_path),
        "MAP_TILE_URL": "https://{s}.tile.example.org/{z}/{x}/{y}.png",
    }
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True)
    assert "https://*.tile.example.org" in result.stdout


def test_it_has_no_inline_script_in_any_template():
    inline = []
    for template in SAMVERKAN.rglob("templates/**/*.html"):
        for tag in re.findall(r"<script\b[^>]*>", template.read_text()):
            if "src=" not in tag and "application/json" not in tag and "nonce" not in tag:
                inline.append(f"{template.relative_to(SAMVERKAN)}: {tag}")
    assert inline == []


def test_it_has_no_inline_event_handler_in_any_template():
    handlers = [
        str(template.relative_to(SAMVERKAN))
        for template in SAMVERKAN.rglob("templates/**/*.html")
        if re.search(r"\son[a-z]+\s*=", template.read_text())
    ]
    assert handlers == []
