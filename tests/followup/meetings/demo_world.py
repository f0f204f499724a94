"""The demo world, as `uv run samverkan demo` makes it (the meetings' demo included)."""

from __future__ import annotations

import io

from django.core.management import call_command


def load_demo() -> None:
    call_command("demo", "--no-serve", stdout=io.StringIO(), stderr=io.StringIO())
