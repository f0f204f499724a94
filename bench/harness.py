"""What the benchmarks share: Django set up on a throw-away database, and timing two sides in turn.

Both sides of a comparison run in the same process, one after the other in each round (A B A B …),
so a machine that speeds up or slows down during the run moves both alike; the ratio of the medians
is the figure to quote.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup(database_dir: str) -> None:
    """Django on a SQLite file in database_dir, or on the database DATABASE_URL names; DEBUG off, as in
    production (queries are counted with CaptureQueriesContext instead)."""
    os.environ.setdefault("SAMVERKAN_DATA_DIR", database_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))  # production refuses the development key
    import django

    django.setup()


@dataclass(frozen=True)
class Timing:
    """Seconds of each run of one side."""

    runs: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


def side_by_side(sides: list[Callable[[], object]], repeat: int, *, warmup: int = 1) -> list[Timing]:
    """Each side run `repeat` times (after `warmup` uncounted rounds), the sides in turn within a round."""
    runs: list[list[float]] = [[] for _ in sides]
    for round_number in range(warmup + repeat):
        for side, times in zip(sides, runs, strict=True):
            began = time.perf_counter()
            side()
            took = time.perf_counter() - began
            if round_number >= warmup:
                times.append(took)
    return [Timing(tuple(times)) for times in runs]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def database_name() -> str:
    """The database the benchmark ran on, with its version, for the results."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 10000}"
    return f"SQLite {connection.Database.sqlite_version}"
