"""Progress for long work: a counter on one line of the terminal, silent when piped; in the worker, the job's
row (an output with `count(done, total)`, samverkan.core.jobs.JobProgress), which its page shows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable


class Output(Protocol):
    """Where a long command reports: a text stream, a management command's stdout or stderr, or a wrapper of it."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


@runtime_checkable
class Counter(Protocol):
    """An output that keeps the count itself (a job's progress) rather than printing it."""

    def count(self, done: int, total: int, /) -> None: ...


def progress[T](items: Iterable[T], *, total: int, label: str, out: Output | None) -> Iterator[T]:
    terminal = out if out is not None and out.isatty() else None
    counter = out if isinstance(out, Counter) else None
    step = max(total // 100, 1)
    done = 0
    for done, item in enumerate(items, start=1):
        if terminal is not None and (done % step == 0 or done == total):
            terminal.write(f"\r{label}: {done}/{total} ({done * 100 // max(total, 1)} %)")
            terminal.flush()
        if counter is not None and (done % step == 0 or done == total):
            counter.count(done, total)
        yield item
    if terminal is not None:
        terminal.write("\n")
