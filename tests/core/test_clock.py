"""One clock: production code reads the time only through samverkan.core.clock (or a `today`/`now` argument)."""

from __future__ import annotations

import re
from pathlib import Path

from django.utils import timezone

import samverkan
from samverkan.core import clock

ROOT = Path(samverkan.__file__).parent
DIRECT_READS = re.compile(
    r"timezone\.now\(|localdate\(\)|localtime\(\)|date\.today\(|datetime\.now\(|datetime\.utcnow\(|(?<![\w.])time\.time\("
)


def direct_reads() -> list[str]:
    hits = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if "migrations" in relative.parts or relative == Path("core/clock.py"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if DIRECT_READS.search(line):
                hits.append(f"{relative}:{number}: {line.strip()}")
    return hits


def test_it_finds_no_direct_read_of_the_time_outside_the_clock():
    assert direct_reads() == []


def test_it_recognises_a_direct_read():
    assert DIRECT_READS.search("    today = timezone.localdate()")
    assert DIRECT_READS.search("stamp = datetime.datetime.now(tz=UTC)")
    assert DIRECT_READS.search("day = datetime.date.today()")
    assert DIRECT_READS.search("key = int(time.time() // 60)")
    assert not DIRECT_READS.search("today = clock.today()")
    assert not DIRECT_READS.search("at = datetime.datetime.combine(day, datetime.time(10))")
    assert not DIRECT_READS.search("day = timezone.localdate(moment)")


def test_it_tells_the_moment_and_day_django_tells(settings):
    """The clock is plain Python, so the pure modules may read it; it agrees with Django's time zone settings."""
    assert clock.TIME_ZONE == settings.TIME_ZONE and settings.USE_TZ
    moment = clock.now()
    assert moment.tzinfo is not None and abs((timezone.now() - moment).total_seconds()) < 5
    assert clock.today() == timezone.localdate(moment)
