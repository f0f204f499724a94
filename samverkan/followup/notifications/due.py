"""Which notices go out in a run: plain data in, plain data out, no Django.

A notice is one thing a user may be told about, named by a key that stays the same from run to run
("activity_overdue:123"); a key once sent is never sent again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

IMMEDIATELY, WEEKLY, NEVER = "immediately", "weekly", "never"


@dataclass(frozen=True)
class Notice:
    kind: str
    key: str
    title: str
    detail: str
    path: str


@dataclass
class Selection:
    immediate: list[Notice] = field(default_factory=list)
    digest: list[Notice] = field(default_factory=list)
    already_sent: int = 0


def goes_out(frequency: str, *, digest: bool) -> bool:
    """Immediate notices go out on every run; weekly ones wait for the digest run; never ones never."""
    return frequency == IMMEDIATELY or (digest and frequency == WEEKLY)


def select(
    notices: Iterable[Notice],
    *,
    frequencies: Mapping[str, str],
    sent: set[tuple[str, str]],
    digest: bool,
) -> Selection:
    """This run's notices, split into one email each and the digest, leaving out those sent before."""
    selection = Selection()
    for notice in notices:
        frequency = frequencies[notice.kind]
        if not goes_out(frequency, digest=digest):
            continue
        if (notice.kind, notice.key) in sent:
            selection.already_sent += 1
        elif frequency == IMMEDIATELY:
            selection.immediate.append(notice)
        else:
            selection.digest.append(notice)
    return selection


def group_by_kind(notices: Iterable[Notice], kinds: Iterable[str]) -> list[tuple[str, list[Notice]]]:
    """The digest's sections, in the order of `kinds`, empty ones left out."""
    notices = list(notices)
    groups = [(kind, [n for n in notices if n.kind == kind]) for kind in kinds]
    return [(kind, members) for kind, members in groups if members]
