"""Progress for long commands: a counter on one line of the terminal, silent when piped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol


class Output(Protocol):
    """Where a long command reports: a text stream, a management command's stdout or stderr, or a wrapper of it."""

    def write(self, text: str, /) -> object: ...

    def flush(self) -> None: ...

    def isatty(self) -> bool: ...


def progress[T](items: Iterable[T], *, total: int, label: str, out: Output | None) -> Iterator[T]:
    terminal = out if out is not None and out.isatty() else None
    step = max(total // 100, 1)
    done = 0
    for done, item in enumerate(items, start=1):
        if terminal is not None and (done % step == 0 or done == total):
            terminal.write(f"\r{label}: {done}/{total} ({done * 100 // max(total, 1)} %)")
            terminal.flush()
        yield item
    if terminal is not None:
        terminal.write("\n")
