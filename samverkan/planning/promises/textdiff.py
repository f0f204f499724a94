"""What changed between two versions of the promises, word by word: plain data, no Django."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKENS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Piece:
    kind: Literal["equal", "insert", "delete"]
    text: str


@dataclass(frozen=True)
class TextChange:
    kind: Literal["unchanged", "changed", "added", "removed"]
    pieces: tuple[Piece, ...]


def _merged(pieces: list[Piece]) -> tuple[Piece, ...]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].kind == piece.kind:
            merged[-1] = Piece(piece.kind, merged[-1].text + piece.text)
        elif piece.text:
            merged.append(piece)
    return tuple(merged)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """The new text as pieces kept, inserted and deleted, word by word (spaces belong to the words)."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(Piece("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            pieces.append(Piece("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            pieces.append(Piece("insert", "".join(b[j1:j2])))
    return _merged(pieces)


def texts_diff(old: list[str], new: list[str]) -> list[TextChange]:
    """Each text of the old and the new list once, in the new order: unchanged, changed (paired by
    position where several changed), added or removed."""
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            changes += [TextChange("unchanged", (Piece("equal", text),)) for text in old[i1:i2]]
            continue
        olds, news = old[i1:i2], new[j1:j2]
        paired = min(len(olds), len(news))
        changes += [TextChange("changed", word_diff(o, n)) for o, n in zip(olds[:paired], news[:paired], strict=True)]
        changes += [TextChange("removed", (Piece("delete", text),)) for text in olds[paired:]]
        changes += [TextChange("added", (Piece("insert", text),)) for text in news[paired:]]
    return changes
