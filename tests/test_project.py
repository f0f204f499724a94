from __future__ import annotations

import io
import subprocess
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_it_has_a_migration_for_every_model_change(db):
    call_command("makemigrations", "--check", "--dry-run", stdout=io.StringIO())


SWEDISH = ROOT / "samverkan" / "locale" / "sv" / "LC_MESSAGES"


def test_it_translates_every_string_into_swedish():
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(SWEDISH / "django.po")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_it_ships_the_compiled_translations():
    compiled = subprocess.run(["msgfmt", "-o", "-", str(SWEDISH / "django.po")], capture_output=True, check=True).stdout
    assert (SWEDISH / "django.mo").read_bytes() == compiled, "run: uv run samverkan compilemessages"
