"""Progress for long commands: a counter on one line of the terminal, silent when piped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO


def progress[T](items: Iterable[T], *, total: int, label: str, out: TextIO | None) -> Iterator[T]:
    interactive = out is not None and out.isatty()
    step = max(total // 100, 1)
    done = 0
    for done, item in enumerate(items, start=1):
        if interactive and (done % step == 0 or done == total):
            out.write(f"\r{label}: {done}/{total} ({done * 100 // max(total, 1)} %)")
            out.flush()
        yield item
    if interactive:
        out.write("\n")
