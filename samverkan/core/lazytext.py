"""Translatable text for the pure modules, which import no Django.

`_("…")` marks a message as Django's gettext_lazy does (makemessages finds it by the same name) and, like it,
translates the message each time it becomes text, into the language active then: `str(message)`,
`message.format(…)` or `message % …`. The translation is Django's gettext, installed when the apps are ready
(core/apps.py); a pure module used without Django speaks English.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol


class Text(Protocol):
    """What a message may be: a str, a LazyText, or one of Django's lazy translations."""

    def __str__(self) -> str: ...


def _english(message: str) -> str:
    return message


_translate: Callable[[str], str] = _english


def install(translate: Callable[[str], str]) -> None:
    """Translate every LazyText with `translate` (Django's gettext) from now on."""
    global _translate  # noqa: PLW0603 - the one translation of the process, set once at start-up
    _translate = translate


class LazyText:
    """A message translated when it becomes text."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return _translate(self.message)

    def __repr__(self) -> str:
        return f"LazyText({self.message!r})"

    def format(self, *args: Any, **kwargs: Any) -> str:
        return str(self).format(*args, **kwargs)

    def __mod__(self, values: Any) -> str:
        return str(self) % values

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __eq__(self, other: object) -> bool:  # as Django's lazy text: equal to the text it becomes
        return str(self) == (str(other) if isinstance(other, LazyText) else other)

    def __hash__(self) -> int:
        return hash(str(self))


def _(message: str) -> LazyText:
    return LazyText(message)
